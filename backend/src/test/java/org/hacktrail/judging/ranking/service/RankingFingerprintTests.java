package org.hacktrail.judging.ranking.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.Criterion;
import org.hacktrail.judging.ranking.PublicVote;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.ranking.Rubric;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking input's fingerprint (what a selection is checked against at publication):
 * the same input in any order gives the same fingerprint, and changing any one thing the
 * ranking depends on gives another.
 */
class RankingFingerprintTests {

	static final Rubric RUBRIC = new Rubric(
			List.of(new Criterion("impact", 2, 1, 10), new Criterion("feasibility", 1, 1, 10)));

	static List<SubmittedSheet> sheets() {
		List<SubmittedSheet> sheets = new ArrayList<>();
		String[] judges = { "J1", "J2", "J3", "J4" };
		Sector[] sectors = { Sector.PUBLIC, Sector.PRIVATE, Sector.PUBLIC, Sector.PRIVATE };
		for (int p = 0; p < 3; p++) {
			for (int j = 0; j < judges.length; j++) {
				sheets.add(new SubmittedSheet(judges[j], sectors[j], "P" + p,
						Map.of("impact", 1.0 + p + j, "feasibility", 9.5 - p - j * 0.5)));
			}
		}
		return sheets;
	}

	static RankingInput.Builder base() {
		return RankingInput.builder(RUBRIC, 42).proposals(List.of("P0", "P1", "P2")).sheets(sheets());
	}

	static String fingerprint(RankingInput.Builder builder) {
		return RankingService.fingerprint(builder.build());
	}

	@Test
	void sameInputInAnotherOrderHasTheSameFingerprint() {
		List<SubmittedSheet> shuffled = sheets();
		Collections.reverse(shuffled);
		String original = fingerprint(base());
		assertThat(fingerprint(RankingInput.builder(RUBRIC, 42).proposals(List.of("P2", "P0", "P1")).sheets(shuffled)))
			.isEqualTo(original)
			.hasSize(64)
			.matches("[0-9a-f]+");
		assertThat(fingerprint(base())).as("deterministic").isEqualTo(original);
	}

	/**
	 * A selection carries the fingerprint of the input it was made on, and publishing
	 * checks it against the input then: a change to how the fingerprint is computed must
	 * give the same bytes, or every selection made before it would have to be made again.
	 * These values were computed by the first binary encoding (a DataOutputStream).
	 */
	@Test
	void theEncodingStaysTheSameAcrossImplementations() {
		assertThat(fingerprint(base())).isEqualTo("8ba27e6842812723985ffa295e118b4a761203d8f82c2e2a7a794ac4fa96d123");
		assertThat(fingerprint(base().publicVote(new PublicVote(Map.of("P1", 3.0, "P2", 1.5), 0.2))))
			.isEqualTo("fc6d7b5a11d7a7ee6b2eea8d100629611afc01d85113de4a5b88bbcae0187329");
		String longId = "提案".repeat(20_000); // 120,000 bytes of UTF-8, more than the
												// writer's buffer
		assertThat(fingerprint(RankingInput.builder(RUBRIC, 42)
			.proposals(List.of("P0", longId))
			.sheets(List
				.of(new SubmittedSheet("J1", Sector.PUBLIC, longId, Map.of("impact", 2.0, "feasibility", 3.0))))))
			.isEqualTo("c3501590bb7a221a5c324ba259cafd3fee4f10c94e748c13810dbfe87a2b5611");
	}

	@Test
	void changingAnyComponentChangesTheFingerprint() {
		List<UnaryOperator<RankingInput.Builder>> changes = List.of(
				(b) -> b.sheets(replaceFirst(sheets(),
						new SubmittedSheet("J1", Sector.PUBLIC, "P0", Map.of("impact", 1.0, "feasibility", 9.4)))),
				(b) -> b.sheets(replaceFirst(sheets(),
						new SubmittedSheet("J1", Sector.PUBLIC, "P0", Map.of("impact", 9.5, "feasibility", 1.0)))), // two
																													// scores
																													// swapped
																													// between
																													// criteria
				(b) -> b.sheets(sheets().subList(1, 12)), // one sheet fewer
				(b) -> b.sheets(sheets().stream()
					.map((s) -> new SubmittedSheet(s.judgeId().equals("J1") ? "J9" : s.judgeId(), s.sector(),
							s.proposalId(), s.scores()))
					.toList()), // another judge pseudonym
				(b) -> b.sheets(sheets().stream()
					.map((s) -> new SubmittedSheet(s.judgeId(), s.judgeId().equals("J3") ? Sector.ACADEMIC : s.sector(),
							s.proposalId(), s.scores()))
					.toList()), // a judge's sector
				(b) -> b.proposals(List.of("P0", "P1", "P2", "P3")), // an unscored
																		// proposal added
				(b) -> b.sectorWeights(Map.of(Sector.PUBLIC, 0.6, Sector.PRIVATE, 0.4)), (b) -> b.normalise(false),
				(b) -> b.publicVote(new PublicVote(Map.of("P1", 3.0), 0.2)),
				(b) -> b.publicVote(new PublicVote(Map.of("P1", 3.0), 0.3)),
				(b) -> b.publicVote(new PublicVote(Map.of("P2", 3.0), 0.2)), (b) -> b.outstandingQuota(2),
				(b) -> b.bootstrapReplicates(999));
		Set<String> seen = new HashSet<>();
		seen.add(fingerprint(base()));
		seen.add(fingerprint(RankingInput.builder(RUBRIC, 43).proposals(List.of("P0", "P1", "P2")).sheets(sheets())));
		seen.add(
				fingerprint(RankingInput
					.builder(
							new Rubric(
									List.of(new Criterion("impact", 1, 1, 10), new Criterion("feasibility", 1, 1, 10))),
							42)
					.proposals(List.of("P0", "P1", "P2"))
					.sheets(sheets())));
		for (UnaryOperator<RankingInput.Builder> change : changes) {
			seen.add(fingerprint(change.apply(base())));
		}
		assertThat(seen).as("every variant has its own fingerprint").hasSize(changes.size() + 3);
	}

	static List<SubmittedSheet> replaceFirst(List<SubmittedSheet> sheets, SubmittedSheet replacement) {
		List<SubmittedSheet> changed = new ArrayList<>(sheets);
		changed.set(0, replacement);
		return changed;
	}

}
