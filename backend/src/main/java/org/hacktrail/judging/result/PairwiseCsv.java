package org.hacktrail.judging.result;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.expo.ExpoEvidence;
import org.hacktrail.judging.pairwise.RankedCandidate;
import org.hacktrail.platform.CsvFlavour;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a PAIRWISE round in {@code results.csv} ({@link ResultsExport#csv}): two
 * per comparison (one per proposal, WON or LOST against the other) and one per skipped
 * table (a skip for a conflict of interest left out: {@link ExpoEvidence#published}), in
 * the columns every round's rows have; the rubric-only columns are empty.
 */
final class PairwiseCsv {

	private PairwiseCsv() {
	}

	static void rows(CsvFlavour.Printer csv, PublishedRound results, ExpoEvidence snapshot,
			Map<String, LocalizedText> titles) throws IOException {
		ExpoEvidence expo = snapshot.published();
		Map<String, RankedCandidate> lines = new HashMap<>();
		expo.result().ranking().forEach((l) -> lines.put(l.candidateId(), l));
		Map<String, String> sectors = new HashMap<>();
		expo.judges().forEach((j) -> sectors.put(j.id(), (j.sector() != null) ? j.sector().name() : ""));
		Set<String> selected = new HashSet<>(results.selection().proposalIds());
		Rows rows = new Rows(csv, results, expo, titles, lines, sectors, selected);
		for (ExpoEvidence.PublicComparison c : expo.comparisons()) {
			for (String proposal : new String[] { c.winner(), c.loser() }) {
				boolean won = proposal.equals(c.winner());
				rows.print(proposal, c.judge(), c.sector(), "COMPARISON", c.id(), won ? "WON" : "LOST",
						won ? c.loser() : c.winner(), (c.at() != null) ? c.at().toString() : "",
						Long.toString(c.sequence()), "");
			}
		}
		for (ExpoEvidence.PublicSkip s : expo.skips()) {
			rows.print(s.proposal(), s.judge(), null, "SKIP", "", "", "", (s.at() != null) ? s.at().toString() : "", "",
					s.reason().name());
		}
	}

	private record Rows(CsvFlavour.Printer csv, PublishedRound results, ExpoEvidence expo,
			Map<String, LocalizedText> titles, Map<String, RankedCandidate> lines, Map<String, String> sectors,
			Set<String> selected) {

		/**
		 * @param sector the sector of a comparison in a round ranked by sector: written
		 * as the judge's sector with its weight (otherwise the judge's published sector
		 * and no weight)
		 */
		void print(String proposal, String judge, @Nullable Sector sector, String kind, String comparison,
				String outcome, String opponent, String at, String sequence, String skipReason) throws IOException {
			Map<Sector, Double> weights = this.expo.sectorWeights();
			String judgeSector = (sector != null) ? sector.name() : this.sectors.getOrDefault(judge, "");
			Object weight = (sector != null && weights != null) ? weights.get(sector) : "";
			@Nullable RankedCandidate line = this.lines.get(proposal);
			LocalizedText title = this.titles.get(proposal);
			this.csv.printRecord(this.results.id(), this.results.name().primary(), this.results.kind().name(),
					this.expo.result().algorithmVersion(), Long.toUnsignedString(this.results.config().seed()), "",
					this.results.cut(), proposal, (title != null) ? title.primary() : "",
					(line != null) ? line.rank() : "", (line != null) ? line.score() : "",
					this.selected.contains(proposal), judge, judgeSector, weight, "", "", "", "", "",
					(line != null) ? line.comparisons() : "", this.expo.minimumComparisons(),
					(line != null) ? (line.sufficientEvidence() ? "SUFFICIENT" : "INSUFFICIENT") : "",
					(line != null) ? line.probabilityTopN() : "", kind, comparison, outcome, opponent, at, sequence,
					skipReason, (line != null) ? line.variance() : "", (line != null) ? line.rankLow() : "",
					(line != null) ? line.rankHigh() : "");
		}

	}

}
