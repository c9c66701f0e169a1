package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.LocalizedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-up on a hand-built dataset whose every number is worked out below.
 *
 * <pre>
 * H1 PRESIDENTIAL 2019-08-01..02 (published)  p1 X OUTSTANDING [health]       p3 Y NOT_SELECTED [health, environment]
 *                                              p5 (no project) NOT_SHORTLISTED [environment]
 * H2 PRESIDENTIAL 2020-08-01..02 (published)  p2 X NOT_SELECTED [health]
 * H3 COMMUNITY    2020-11-01..01 (unpublished) p4 Z
 * X: FUNDED 2019-10-01 1000 TWD verified → p1;  FUNDED 2020-09-01 500 TWD verified → p2;
 *    ADOPTED 2021-02-01 pending → p2 (organizers only);  INTEGRATED 2021-08-01 verified → p2
 * Y: FUNDED 2019-01-01 verified, before any pitch → nobody;  ADOPTED 2019-12-15 verified → p3
 * Z: FUNDED 2020-12-01 200 USD verified → p4 (organizers only: H3 is unpublished)
 * </pre>
 */
class RollupCalculatorTests {

	static RollupProposal proposal(String id, String hackathon, HackathonKind kind, LocalDate start, boolean published,
			String project, List<String> areas, boolean shortlisted, boolean outstanding, boolean notSelected) {
		return new RollupProposal(id, hackathon, hackathon.toLowerCase(), new LocalizedText(null, hackathon), kind,
				start.getYear(), start, start.plusDays(1), published, project, areas, true, shortlisted, outstanding,
				notSelected, List.of());
	}

	static OutcomeEntry entry(MilestoneType type, String date, VerificationState verification, String amount,
			String currency) {
		return new OutcomeEntry(type + date, type, date, verification, amount, currency);
	}

	static final LocalDate H1 = LocalDate.of(2019, 8, 1);

	static final LocalDate H2 = LocalDate.of(2020, 8, 1);

	static final LocalDate H3 = LocalDate.of(2020, 11, 1);

	RollupCalculator calculator() {
		RollupCalculator calculator = new RollupCalculator();
		List<RollupCalculator.Pitch> xPitches = List.of(new RollupCalculator.Pitch(H2, "p2", true),
				new RollupCalculator.Pitch(H1, "p1", true));
		List<RollupCalculator.Pitch> yPitches = List.of(new RollupCalculator.Pitch(H1, "p3", true));
		List<RollupCalculator.Pitch> zPitches = List.of(new RollupCalculator.Pitch(H3, "p4", false));
		List<OutcomeEntry> x = List.of(
				entry(MilestoneType.FUNDED, "2019-10-01", VerificationState.VERIFIED, "1000", "TWD"),
				entry(MilestoneType.FUNDED, "2020-09-01", VerificationState.VERIFIED, "500", "TWD"),
				entry(MilestoneType.ADOPTED, "2021-02-01", VerificationState.PENDING, null, null),
				entry(MilestoneType.INTEGRATED_INTO_OPERATIONS, "2021-08-01", VerificationState.VERIFIED, null, null));
		List<OutcomeEntry> y = List.of(
				entry(MilestoneType.FUNDED, "2019-01-01", VerificationState.VERIFIED, "9", "TWD"),
				entry(MilestoneType.ADOPTED, "2019-12-15", VerificationState.VERIFIED, null, null));
		List<OutcomeEntry> z = List
			.of(entry(MilestoneType.FUNDED, "2020-12-01", VerificationState.VERIFIED, "200", "USD"));
		calculator.add(
				proposal("p1", "H1", HackathonKind.PRESIDENTIAL, H1, true, "X", List.of("health"), true, true, false),
				x, xPitches);
		calculator.add(proposal("p3", "H1", HackathonKind.PRESIDENTIAL, H1, true, "Y", List.of("health", "environment"),
				true, false, true), y, yPitches);
		calculator.add(proposal("p5", "H1", HackathonKind.PRESIDENTIAL, H1, true, null, List.of("environment"), false,
				false, false), null, List.of());
		calculator.add(
				proposal("p2", "H2", HackathonKind.PRESIDENTIAL, H2, true, "X", List.of("health"), true, false, true),
				x, xPitches);
		calculator.add(proposal("p4", "H3", HackathonKind.COMMUNITY, H3, false, "Z", List.of(), false, false, false), z,
				zPitches);
		return calculator;
	}

	static OutcomeRollup.Cell cell(List<OutcomeRollup.Cell> cells, String hackathon, String area) {
		return cells.stream()
			.filter((c) -> c.hackathonId().equals(hackathon) && java.util.Objects.equals(c.area(), area))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cell " + hackathon + "/" + area));
	}

	@Test
	void thePublicViewCountsPublishedProposalsAndVerifiedOutcomesAttributedToThePrecedingPitch() {
		List<OutcomeRollup.Cell> cells = calculator().cells(RollupCalculator.View.PUBLIC);

		assertThat(cells).noneMatch((c) -> c.hackathonId().equals("H3"));
		OutcomeRollup.Cell h1 = cell(cells, "H1", null);
		assertThat(List.of(h1.proposals(), h1.teams(), h1.shortlisted(), h1.outstanding(), h1.notSelected(),
				h1.funded(), h1.adopted(), h1.integrated()))
			.containsExactly(3, 3, 2, 1, 1, 1, 1, 0);
		assertThat(List.of(h1.outstandingFunded(), h1.outstandingAdopted(), h1.notSelectedFunded(),
				h1.notSelectedAdopted()))
			.containsExactly(1, 0, 0, 1);
		assertThat(h1.fundingTotals()).as("Y's funding before any pitch counts for nobody")
			.isEqualTo(Map.of("TWD", "1000"));
		assertThat(h1.adoptionMonths()).isEqualTo(Map.of("4", 1));

		OutcomeRollup.Cell h2 = cell(cells, "H2", null);
		assertThat(List.of(h2.proposals(), h2.funded(), h2.adopted(), h2.integrated(), h2.notSelectedIntegrated()))
			.containsExactly(1, 1, 1, 1, 1);
		assertThat(h2.fundingTotals()).isEqualTo(Map.of("TWD", "500"));
		assertThat(h2.adoptionMonths()).as("the pending adoption does not count publicly").isEqualTo(Map.of("11", 1));

		assertThat(cell(cells, "H1", "health").proposals()).isEqualTo(2);
		assertThat(cell(cells, "H1", "environment").proposals()).isEqualTo(2);
		assertThat(cell(cells, "H1", "environment").adopted()).isEqualTo(1);
	}

	@Test
	void theOrganizerViewAddsUnpublishedHackathonsAndPendingOutcomes() {
		List<OutcomeRollup.Cell> cells = calculator().cells(RollupCalculator.View.ORGANIZER);
		assertThat(cell(cells, "H2", null).adoptionMonths()).isEqualTo(Map.of("5", 1));
		OutcomeRollup.Cell h3 = cell(cells, "H3", null);
		assertThat(h3.funded()).isEqualTo(1);
		assertThat(h3.fundingTotals()).isEqualTo(Map.of("USD", "200"));
	}

	@Test
	void statisticsSumCellsIntoFunnelsWithRatesTotalsAndTheMedian() {
		OutcomeStatistics.Sums sums = new OutcomeStatistics.Sums();
		calculator().cells(RollupCalculator.View.PUBLIC).stream().filter((c) -> c.area() == null).forEach(sums::add);
		OutcomeStatistics.Funnel funnel = sums.funnel();

		assertThat(funnel.stages()).extracting(OutcomeStatistics.Stage::name)
			.containsExactly("proposals", "teams", "shortlisted", "outstanding", "funded", "adopted", "integrated");
		assertThat(funnel.stages()).extracting(OutcomeStatistics.Stage::count).containsExactly(4, 4, 3, 1, 2, 2, 1);
		assertThat(funnel.stages().get(2).rateOfProposals()).isEqualTo(0.75);
		assertThat(funnel.stages().get(3).rateOfPrevious()).isEqualTo(1 / 3.0);
		assertThat(funnel.stages().get(0).rateOfPrevious()).isNull();
		// Two funded proposals against one outstanding: funded is not part of
		// outstanding,
		// so its rate is of the proposals (0.5), never 2 / 1 = 200 % "of the previous
		// stage".
		assertThat(funnel.stages()).extracting(OutcomeStatistics.Stage::within)
			.containsExactly(null, "proposals", "proposals", "shortlisted", "proposals", "proposals", "adopted");
		assertThat(funnel.stages()).extracting(OutcomeStatistics.Stage::rateWithin)
			.containsExactly(null, 1.0, 0.75, 1 / 3.0, 0.5, 0.5, 0.5);
		assertThat(funnel.stages()).extracting(OutcomeStatistics.Stage::rateOfPrevious)
			.containsExactly(null, 1.0, null, 1 / 3.0, null, null, 0.5);
		assertThat(funnel.fundingTotals()).containsExactly(new OutcomeStatistics.MoneyTotal("TWD", "1500"));
		assertThat(funnel.medianMonthsToAdoption()).isEqualTo(7.5);
		assertThat(funnel.outstandingVsNotSelected().outstanding().fundedRate()).isEqualTo(1.0);
		assertThat(funnel.outstandingVsNotSelected().notSelected().count()).isEqualTo(2);
		assertThat(funnel.outstandingVsNotSelected().notSelected().adoptedRate()).isEqualTo(1.0);
		assertThat(funnel.outstandingVsNotSelected().notSelected().integratedRate()).isEqualTo(0.5);
	}

	@Test
	void theMedianOfAHistogram() {
		TreeMap<Integer, Integer> histogram = new TreeMap<>();
		assertThat(OutcomeStatistics.median(histogram)).isNull();
		histogram.put(3, 1);
		assertThat(OutcomeStatistics.median(histogram)).isEqualTo(3.0);
		histogram.put(10, 2);
		assertThat(OutcomeStatistics.median(histogram)).isEqualTo(10.0);
		histogram.put(1, 1);
		assertThat(OutcomeStatistics.median(histogram)).isEqualTo(6.5);
	}

}
