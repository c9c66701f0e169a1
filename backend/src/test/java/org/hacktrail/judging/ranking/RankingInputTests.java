package org.hacktrail.judging.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hacktrail.judging.Sector.ACADEMIC;
import static org.hacktrail.judging.Sector.PRIVATE;
import static org.hacktrail.judging.Sector.PUBLIC;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.hacktrail.judging.Sector;

/** Bad input is refused with a message that names what is wrong. */
class RankingInputTests {

	private static final Rubric RUBRIC = Rubric.uniform(1, 10, Map.of("impact", 2.0, "team", 1.0));

	private static SubmittedSheet sheet(String judge, Sector sector, String proposal, Map<String, Double> scores) {
		return new SubmittedSheet(judge, sector, proposal, scores);
	}

	private static RankingInput.Builder round(SubmittedSheet... sheets) {
		return RankingInput.builder(RUBRIC, 1).proposals(List.of("P1", "P2")).sheets(List.of(sheets));
	}

	@Test
	void defaultsFollowTheProductSpecification() {
		RankingInput input = round().build();
		assertThat(input.sectorWeights()).containsExactly(Map.entry(PUBLIC, 0.5), Map.entry(PRIVATE, 0.5),
				Map.entry(ACADEMIC, 0.0), Map.entry(Sector.CIVIL_SOCIETY, 0.0));
		assertThat(input.normalise()).isTrue();
		assertThat(input.bootstrapReplicates()).isEqualTo(1000);
		assertThat(input.publicVote()).isNull();
		assertThat(RUBRIC.normalisedWeights()).containsExactly(2.0 / 3, 1.0 / 3);
		assertThat(RUBRIC.criteria()).extracting(Criterion::id).containsExactly("impact", "team");
	}

	@Test
	void refusesIncompleteOrOutOfScaleSheets() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> round(sheet("J1", PUBLIC, "P1", Map.of("impact", 5.0))).build())
			.withMessage("sheet of judge 'J1' on proposal 'P1' has no score for criterion 'team' "
					+ "(only complete sheets can be ranked)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> round(sheet("J1", PUBLIC, "P1", Map.of("impact", 11.0, "team", 5.0))).build())
			.withMessage("sheet of judge 'J1' on proposal 'P1': score 11.0 for criterion 'impact' is outside its "
					+ "scale 1.0–10.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> round(sheet("J1", PUBLIC, "P1", Map.of("impact", Double.NaN, "team", 5.0))).build())
			.withMessageContaining("score NaN for criterion 'impact' is outside its scale");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> round(sheet("J1", PUBLIC, "P1", Map.of("impact", 5.0, "team", 5.0, "style", 3.0))).build())
			.withMessage("sheet of judge 'J1' on proposal 'P1' scores criteria that are not in the rubric: [style]");
	}

	@Test
	void refusesInconsistentSheets() {
		Map<String, Double> scores = Map.of("impact", 5.0, "team", 5.0);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> round(sheet("J1", PUBLIC, "P1", scores), sheet("J1", PUBLIC, "P1", scores)).build())
			.withMessage("judge 'J1' has more than one sheet on proposal 'P1'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> round(sheet("J1", PUBLIC, "P1", scores), sheet("J1", PRIVATE, "P2", scores)).build())
			.withMessage("judge 'J1' has sheets in two sectors (PUBLIC and PRIVATE); a judge has one sector");
		assertThatIllegalArgumentException().isThrownBy(() -> round(sheet("J1", PUBLIC, "P9", scores)).build())
			.withMessage("sheet of judge 'J1' on proposal 'P9' names a proposal that is not among the round's "
					+ "proposals");
		assertThatIllegalArgumentException().isThrownBy(() -> sheet(" ", PUBLIC, "P1", scores))
			.withMessage("sheet judge id must not be blank");
	}

	@Test
	void refusesBadRubrics() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Rubric(List.of()))
			.withMessage("a rubric needs at least one criterion");
		assertThatIllegalArgumentException().isThrownBy(() -> new Criterion("impact", -1, 1, 10))
			.withMessage("criterion 'impact': weight must be a finite number ≥ 0, got -1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new Criterion("impact", 1, 10, 1))
			.withMessage("criterion 'impact': scale minimum 10.0 must be below the maximum 1.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Rubric(List.of(new Criterion("a", 0, 1, 10), new Criterion("b", 0, 1, 10))))
			.withMessage("rubric criterion weights must add up to more than 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Rubric(List.of(new Criterion("a", 1, 1, 10), new Criterion("a", 2, 1, 10))))
			.withMessage("duplicate criterion id 'a'");
	}

	@Test
	void refusesBadParameters() {
		assertThatIllegalArgumentException().isThrownBy(() -> round().outstandingQuota(0).build())
			.withMessage("outstanding quota N must be at least 1, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> round().bootstrapReplicates(0).build())
			.withMessage("bootstrap replicates B must be between 1 and 10000, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> round().sectorWeights(Map.of(PUBLIC, -0.5)).build())
			.withMessage("weight of sector PUBLIC must be a finite number ≥ 0, got -0.5");
		assertThatIllegalArgumentException().isThrownBy(() -> round().sectorWeights(Map.of()).build())
			.withMessage("at least one sector weight (or the public vote weight) must be above 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> round().publicVote(new PublicVote(Map.of("P7", 3.0), 1)).build())
			.withMessage("public vote names proposal 'P7', which is not among the round's proposals");
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicVote(Map.of("P1", Double.POSITIVE_INFINITY), 1))
			.withMessage("public vote total of 'P1' must be a finite number, got Infinity");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RankingInput.builder(RUBRIC, 1).proposals(List.of("P1", "P1")).build())
			.withMessage("duplicate proposal id 'P1'");
	}

	@Test
	void aPublicVoteAloneCanCarryTheWeight() {
		// Sector weights all 0 is allowed when the vote weighs something.
		RankingInput input = round().sectorWeights(Map.of()).publicVote(new PublicVote(Map.of("P1", 3.0), 1)).build();
		assertThat(input.publicVote().weight()).isEqualTo(1.0);
	}

}
