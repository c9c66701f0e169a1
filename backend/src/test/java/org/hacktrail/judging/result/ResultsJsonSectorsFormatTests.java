package org.hacktrail.judging.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.RecomputeScript;
import org.junit.jupiter.api.Test;

/**
 * A round ranked by sector (format hacktrail-results-5 on, now 6) is pinned as format 4
 * is ({@link ResultsJsonFormatTests}): one fixed expo round ranked by sector
 * ({@link PairwiseSectorsGoldenRound}) gives exactly the bytes of
 * {@code results.sectors.golden.json}, which {@code scripts/recompute-ranking}
 * reproduces. A difference is a change of the published format (see
 * {@link ResultsJsonFormatTests}); a failing run writes
 * {@code target/results.sectors.actual.json}.
 */
class ResultsJsonSectorsFormatTests {

	static final Path GOLDEN = Path.of("src", "test", "resources", "org", "hacktrail", "judging", "result",
			"results.sectors.golden.json");

	static final Path ACTUAL = Path.of("target", "results.sectors.actual.json");

	@Test
	void aFixedRoundRankedBySectorIsExactlyTheGoldenFile() throws Exception {
		String json = resultsJson();
		String golden = Files.exists(GOLDEN) ? Files.readString(GOLDEN, StandardCharsets.UTF_8) : "";
		if (!json.equals(golden)) {
			Files.createDirectories(ACTUAL.getParent());
			Files.writeString(ACTUAL, json, StandardCharsets.UTF_8);
		}
		assertThat(json).as("results.json of the fixed round (written to %s)", ACTUAL).isEqualTo(golden);
		assertThat(json).contains("\"format\" : \"hacktrail-results-6\"").contains("\"sector\" : \"PUBLIC\"");
	}

	@Test
	void theRecomputeScriptReproducesTheGoldenFile() throws Exception {
		RecomputeScript.Run run = RecomputeScript.run(GOLDEN, Duration.ofSeconds(120));
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("hacktrail-pairwise-2").contains("All 1 round(s) reproduced exactly.");
	}

	static String resultsJson() {
		Map<String, LocalizedText> titles = new LinkedHashMap<>();
		titles.put("P1", new LocalizedText("公車即時到站", "Bus arrival times"));
		titles.put("P2", new LocalizedText(null, "Shelter map"));
		List<ResultsJson.RoundEntry> rounds = List.of(ResultsExport
			.roundEntry(PairwiseSectorsGoldenRound.expoBySector(), ResultsJsonFormatTests.PUBLISHED_AT, titles));
		return ResultsExport
			.write(new ResultsJson(ResultsJson.Hackathon.of(ResultsJsonFormatTests.hackathon()), rounds));
	}

}
