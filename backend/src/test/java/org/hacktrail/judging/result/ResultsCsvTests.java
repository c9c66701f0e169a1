package org.hacktrail.judging.result;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.CsvFiles;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code results.csv} for spreadsheet apps: proposal titles that would run as formulas
 * get a leading apostrophe; every other cell, the numbers included, is the same as in the
 * default file, which keeps the titles as typed.
 */
class ResultsCsvTests extends JudgingApiTestSupport {

	static final List<String> TITLES = List.of("=HYPERLINK(\"http://evil\",\"click\")", "-1 minus one", "@SUM(A1)",
			"+1 plus one", "Plain = title + with - triggers @ inside");

	@Test
	void titlesThatWouldRunAsFormulasGetAnApostropheOnlyInTheSpreadsheetFile() {
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "FINAL");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = new ArrayList<>();
		for (String title : TITLES) {
			proposals.add(api.proposal(hackathon, title, null));
		}
		api.shortlist(proposals);
		TestAccounts.Account publicJudge = accounts.user("csv-pub-" + hackathon.slug());
		TestAccounts.Account privateJudge = accounts.user("csv-priv-" + hackathon.slug());
		api.judge(hackathon, publicJudge, "PUBLIC");
		api.judge(hackathon, privateJudge, "PRIVATE");
		// A scale from -5 to 5: negative scores, scale minimums and final scores, which
		// must stay numbers.
		ObjectNode round = JudgingApi.roundInput(roundId, 2).put("cutSize", 1).put("normalise", false);
		round.path("criteria").forEach((criterion) -> ((ObjectNode) criterion).put("scaleMin", -5.0));
		api.configureOk(round);
		api.assignOk(roundId, "8");
		api.statusOk(roundId, "OPEN", null);
		double[] impact = { 5, 3, 1, -1, -3 };
		for (TestAccounts.Account judge : List.of(publicJudge, privateJudge)) {
			for (int i = 0; i < TITLES.size(); i++) {
				api.score(roundId, proposals.get(i), impact[i], (judge == publicJudge) ? 2 : -2, judge);
			}
		}
		api.statusOk(roundId, "CLOSED", null);
		JudgingApi.ok(api.select(roundId, List.of(proposals.get(0)), null, null, organizer), "selectProposals");
		JudgingApi.ok(api.publish(roundId, organizer), "publishRound");

		String path = "/api/hackathons/" + hackathon.slug() + "/results.csv";
		HttpResponse<String> asTyped = http.get(path);
		assertThat(asTyped.statusCode()).isEqualTo(200);
		assertThat(asTyped.headers().firstValue("Content-Disposition").orElse(""))
			.contains(hackathon.slug() + "-results.csv");
		HttpResponse<String> safe = http.get(path + "?for=spreadsheet");
		assertThat(safe.statusCode()).isEqualTo(200);
		assertThat(safe.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(safe.headers().firstValue("Content-Disposition").orElse(""))
			.contains(hackathon.slug() + "-results-spreadsheet.csv");

		List<CSVRecord> typedRows = CsvFiles.records(asTyped.body());
		List<CSVRecord> safeRows = CsvFiles.records(safe.body());
		assertThat(typedRows).as("5 proposals × 2 judges × 2 criteria").hasSize(20);
		assertThat(safeRows).hasSize(typedRows.size());
		assertThat(safe.body()).as("a byte order mark for spreadsheet apps").startsWith("\uFEFF");
		assertThat(asTyped.body()).doesNotStartWith("\uFEFF");
		assertThat(safe.body().substring(1).lines().findFirst()).isEqualTo(asTyped.body().lines().findFirst());
		assertThat(typedRows.stream().map((r) -> r.get("proposal_title")).distinct())
			.containsExactlyInAnyOrderElementsOf(TITLES);
		int negative = 0;
		for (int i = 0; i < typedRows.size(); i++) {
			CSVRecord typed = typedRows.get(i);
			CSVRecord spreadsheet = safeRows.get(i);
			String title = typed.get("proposal_title");
			assertThat(spreadsheet.get("proposal_title")).isEqualTo(title.startsWith("Plain") ? title : "'" + title);
			for (String column : typed.getParser().getHeaderNames()) {
				if (!column.equals("proposal_title")) {
					assertThat(spreadsheet.get(column)).as(column).isEqualTo(typed.get(column));
				}
			}
			for (String column : List.of("proposal_final_score", "scale_min", "score")) {
				negative += typed.get(column).startsWith("-") ? 1 : 0;
			}
		}
		assertThat(negative).as("negative numbers are in the file, unchanged in both").isGreaterThan(20);
		assertThat(safe.body()).doesNotContain("'-5");

		HttpResponse<String> refused = http.get(path + "?for=xlsx");
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode error = Http.parse(refused.body());
		assertThat(error.path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("message").asString()).contains("'xlsx'", "'spreadsheet'");
	}

}
