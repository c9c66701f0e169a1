package org.hacktrail.judging.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hacktrail.judging.Sector.ACADEMIC;
import static org.hacktrail.judging.Sector.PRIVATE;
import static org.hacktrail.judging.Sector.PUBLIC;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.AssignmentProblem.Cause;
import org.hacktrail.judging.assignment.AssignmentProblem.Rule;

class JudgeAssignerTests {

	private static List<String> proposals(int count) {
		List<String> ids = new ArrayList<>();
		for (int p = 1; p <= count; p++) {
			ids.add("P" + p);
		}
		return ids;
	}

	private static List<PanelJudge> judges(Sector sector, String prefix, int count, Integer maxLoad) {
		List<PanelJudge> judges = new ArrayList<>();
		for (int j = 1; j <= count; j++) {
			judges.add(new PanelJudge(prefix + j, sector, maxLoad));
		}
		return judges;
	}

	private static List<PanelJudge> panel(int publicJudges, int privateJudges, Integer maxLoad) {
		List<PanelJudge> judges = new ArrayList<>(judges(PUBLIC, "pub", publicJudges, maxLoad));
		judges.addAll(judges(PRIVATE, "priv", privateJudges, maxLoad));
		return judges;
	}

	private static Map<String, List<String>> panels(AssignmentPlan plan) {
		return plan.assignments()
			.stream()
			.collect(Collectors.groupingBy(Assignment::proposalId,
					Collectors.mapping(Assignment::judgeId, Collectors.toList())));
	}

	private static Map<String, Integer> loads(AssignmentPlan plan) {
		return plan.loads().stream().collect(Collectors.toMap(JudgeLoad::judgeId, JudgeLoad::load));
	}

	/**
	 * Checks the rules the plan claims to meet: k judges, sector minimums, no conflict,
	 * no duplicate.
	 */
	private static void assertMeetsEveryRule(AssignmentRequest request, AssignmentPlan plan) {
		Map<String, Sector> sectors = request.judges()
			.stream()
			.collect(Collectors.toMap(PanelJudge::id, PanelJudge::sector));
		Set<Conflict> conflicts = new HashSet<>(request.conflicts());
		Map<String, List<String>> panels = panels(plan);
		for (String proposal : request.proposalIds()) {
			List<String> panel = panels.getOrDefault(proposal, List.of());
			assertThat(panel).as(proposal).hasSize(request.judgesPerProposal()).doesNotHaveDuplicates();
			for (Sector sector : Sector.values()) {
				long count = panel.stream().filter((judge) -> sectors.get(judge) == sector).count();
				assertThat(count).as(proposal + " " + sector)
					.isGreaterThanOrEqualTo(request.sectorMinimums().get(sector));
			}
			assertThat(panel)
				.allSatisfy((judge) -> assertThat(conflicts).doesNotContain(new Conflict(judge, proposal)));
		}
		assertThat(plan.problems()).isEmpty();
	}

	@Test
	void smallRoundMeetsEveryRuleWithEqualLoads() {
		// 6 proposals × k = 3 = 18 slots over 6 judges: 3 each.
		AssignmentRequest request = AssignmentRequest.builder(5)
			.proposals(proposals(6))
			.judges(panel(3, 3, null))
			.build();
		AssignmentPlan plan = JudgeAssigner.assign(request);

		assertMeetsEveryRule(request, plan);
		assertThat(plan.loads()).extracting(JudgeLoad::load).containsOnly(3);
		assertThat(plan.loadSpread()).isZero();
		assertThat(plan.balanced()).isTrue();
		assertThat(plan.algorithmVersion()).isEqualTo("hacktrail-assign-1");
		assertThat(plan.assignments()).isSortedAccordingTo(
				java.util.Comparator.comparing(Assignment::proposalId).thenComparing(Assignment::judgeId));
	}

	@Test
	void feasibleRoundsAreBalancedWithinOneAndNeverUseAConflictedJudge() {
		// Random rounds where balance is possible: each sector holds ≥ 40 % of the judges
		// (the PUBLIC minimum needs
		// only a third of all slots), about 5 % of pairs conflicted, no maximum loads.
		for (long seed = 1; seed <= 60; seed++) {
			Random random = new Random(seed);
			int judgeCount = 6 + random.nextInt(35);
			int fewest = (int) Math.ceil(judgeCount * 0.4);
			int publicCount = fewest + random.nextInt(judgeCount - 2 * fewest + 1);
			List<String> proposals = proposals(10 + random.nextInt(111));
			List<PanelJudge> judges = panel(publicCount, judgeCount - publicCount, null);
			List<Conflict> conflicts = new ArrayList<>();
			for (String proposal : proposals) {
				// Keep at least two non-conflicted judges of each sector, so every rule
				// can be met.
				Map<Sector, Integer> free = new EnumMap<>(
						Map.of(PUBLIC, publicCount, PRIVATE, judgeCount - publicCount));
				for (PanelJudge judge : judges) {
					if (random.nextInt(20) == 0 && free.get(judge.sector()) > 2) {
						conflicts.add(new Conflict(judge.id(), proposal));
						free.merge(judge.sector(), -1, Integer::sum);
					}
				}
			}
			AssignmentRequest request = AssignmentRequest.builder(seed)
				.proposals(proposals)
				.judges(judges)
				.conflicts(conflicts)
				.build();
			AssignmentPlan plan = JudgeAssigner.assign(request);

			assertMeetsEveryRule(request, plan);
			assertThat(plan.loadSpread()).as("seed %d loads %s", seed, loads(plan)).isLessThanOrEqualTo(1);
			assertThat(plan.balanced()).isTrue();
		}
	}

	@Test
	void judgesWithASmallMaximumLoadDoNotCountAsUnderloaded() {
		// 40 proposals × 3 = 120 slots; two judges take at most 2 each, the other 10
		// share the remaining 116:
		// 11 or 12 each. Balanced means: within 1 of the highest load, or at one's own
		// maximum.
		List<PanelJudge> judges = new ArrayList<>(panel(5, 5, null));
		judges.add(new PanelJudge("pubLimited", PUBLIC, 2));
		judges.add(new PanelJudge("privLimited", PRIVATE, 2));
		AssignmentRequest request = AssignmentRequest.builder(3).proposals(proposals(40)).judges(judges).build();
		AssignmentPlan plan = JudgeAssigner.assign(request);

		assertMeetsEveryRule(request, plan);
		Map<String, Integer> loads = loads(plan);
		assertThat(loads.get("pubLimited")).isEqualTo(2);
		assertThat(loads.get("privLimited")).isEqualTo(2);
		assertThat(loads.entrySet()).filteredOn((entry) -> !entry.getKey().endsWith("Limited"))
			.extracting(Map.Entry::getValue)
			.allSatisfy((load) -> assertThat(load).isBetween(11, 12));
		assertThat(plan.balanced()).isTrue();
		assertThat(plan.loadSpread()).isEqualTo(10);
	}

	@Test
	void aScarceSectorCarriesOnlyTheLoadTheRuleForcesAndTheImbalanceIsReported() {
		// 100 proposals need 100 PUBLIC slots; 10 PUBLIC judges must take ≥ 10 each, more
		// than the 300/40 = 7.5
		// average. The plan gives them exactly 10 (free slots go to PRIVATE judges: 200
		// over 30 → 6 or 7) and
		// says it is not balanced rather than pretending.
		AssignmentRequest request = AssignmentRequest.builder(9)
			.proposals(proposals(100))
			.judges(panel(10, 30, null))
			.build();
		AssignmentPlan plan = JudgeAssigner.assign(request);

		assertMeetsEveryRule(request, plan);
		assertThat(plan.loads()).filteredOn((load) -> load.sector() == PUBLIC)
			.extracting(JudgeLoad::load)
			.containsOnly(10);
		assertThat(plan.loads()).filteredOn((load) -> load.sector() == PRIVATE)
			.extracting(JudgeLoad::load)
			.allSatisfy((load) -> assertThat(load).isBetween(6, 7));
		assertThat(plan.balanced()).isFalse();
		assertThat(plan.loadSpread()).isEqualTo(4);
	}

	@Test
	void sameSeedSamePlanInAnyInputOrderAndTheSeedMatters() {
		Random random = new Random(77);
		List<String> proposals = proposals(50);
		List<PanelJudge> judges = panel(8, 8, null);
		judges.add(new PanelJudge("aca1", ACADEMIC, 5));
		List<Conflict> conflicts = List.of(new Conflict("pub1", "P3"), new Conflict("priv2", "P3"),
				new Conflict("pub4", "P10"));
		AssignmentPlan plan = JudgeAssigner
			.assign(AssignmentRequest.builder(1).proposals(proposals).judges(judges).conflicts(conflicts).build());
		for (int shuffle = 0; shuffle < 5; shuffle++) {
			List<String> shuffledProposals = new ArrayList<>(proposals);
			List<PanelJudge> shuffledJudges = new ArrayList<>(judges);
			List<Conflict> shuffledConflicts = new ArrayList<>(conflicts);
			Collections.shuffle(shuffledProposals, random);
			Collections.shuffle(shuffledJudges, random);
			Collections.shuffle(shuffledConflicts, random);
			assertThat(JudgeAssigner.assign(AssignmentRequest.builder(1)
				.proposals(shuffledProposals)
				.judges(shuffledJudges)
				.conflicts(shuffledConflicts)
				.build())).isEqualTo(plan);
		}
		AssignmentPlan otherSeed = JudgeAssigner
			.assign(AssignmentRequest.builder(2).proposals(proposals).judges(judges).conflicts(conflicts).build());
		assertThat(otherSeed.assignments()).isNotEqualTo(plan.assignments());
	}

	@Test
	void tooFewJudgesIsReportedPerProposal() {
		AssignmentRequest request = AssignmentRequest.builder(1)
			.proposals(proposals(2))
			.judges(panel(1, 1, null))
			.build();
		AssignmentPlan plan = JudgeAssigner.assign(request);

		assertThat(plan.assignments()).hasSize(4);
		assertThat(plan.problems()).containsExactly(new AssignmentProblem("P1", Rule.JUDGES_PER_PROPOSAL, null, 3, 2,
				"proposal P1: only 2 non-conflicted judges available, 3 needed", Cause.TOO_FEW_AVAILABLE, 2, null),
				new AssignmentProblem("P2", Rule.JUDGES_PER_PROPOSAL, null, 3, 2,
						"proposal P2: only 2 non-conflicted judges available, 3 needed", Cause.TOO_FEW_AVAILABLE, 2,
						null));
	}

	@Test
	void allPublicJudgesConflictedIsReportedForThatProposalOnly() {
		List<Conflict> conflicts = List.of(new Conflict("pub1", "P7"), new Conflict("pub2", "P7"));
		AssignmentRequest request = AssignmentRequest.builder(1)
			.proposals(proposals(8))
			.judges(panel(2, 4, null))
			.conflicts(conflicts)
			.build();
		AssignmentPlan plan = JudgeAssigner.assign(request);

		assertThat(plan.problems()).containsExactly(new AssignmentProblem("P7", Rule.SECTOR_MINIMUM, PUBLIC, 1, 0,
				"proposal P7: only 0 non-conflicted PUBLIC judges available, the sector rule needs at least 1",
				Cause.TOO_FEW_AVAILABLE, 0, null));
		// P7 still gets k judges, none of them conflicted.
		assertThat(panels(plan).get("P7")).hasSize(3).allSatisfy((judge) -> assertThat(judge).startsWith("priv"));
	}

	@Test
	void aSectorRuleAskingForMoreThanTheAvailableJudgesNamesTheShortfall() {
		// Rule: two PUBLIC judges per proposal; P7 has only one non-conflicted PUBLIC
		// judge.
		AssignmentRequest request = AssignmentRequest.builder(1)
			.proposals(proposals(8))
			.judges(panel(3, 3, null))
			.conflicts(List.of(new Conflict("pub1", "P7"), new Conflict("pub3", "P7")))
			.sectorMinimums(Map.of(PUBLIC, 2, PRIVATE, 1))
			.build();
		AssignmentPlan plan = JudgeAssigner.assign(request);

		assertThat(plan.problems()).extracting(AssignmentProblem::message)
			.containsExactly(
					"proposal P7: only 1 non-conflicted PUBLIC judge available, the sector rule needs at least 2");
		assertThat(panels(plan).get("P7")).contains("pub2").hasSize(3);
	}

	@Test
	void maximumLoadsTooSmallLeaveGapsButSectorMinimumsAreServedFirst() {
		// 10 proposals × 3 = 30 slots, 8 judges × max 3 = 24: six slots cannot be filled.
		// Sector minimums need 10
		// PUBLIC and 10 PRIVATE slots, and each sector has 12: filling minimums first
		// keeps every sector rule.
		AssignmentRequest request = AssignmentRequest.builder(4)
			.proposals(proposals(10))
			.judges(panel(4, 4, 3))
			.build();
		AssignmentPlan plan = JudgeAssigner.assign(request);

		assertThat(plan.assignments()).hasSize(24);
		assertThat(plan.loads()).extracting(JudgeLoad::load).containsOnly(3);
		assertThat(plan.problems()).hasSize(6).allSatisfy((problem) -> {
			assertThat(problem.rule()).isEqualTo(Rule.JUDGES_PER_PROPOSAL);
			assertThat(problem.assigned()).isEqualTo(2);
			assertThat(problem.message()).isEqualTo("proposal " + problem.proposalId()
					+ ": has 2 of 3 judges; every other non-conflicted judge is at their maximum load");
			// The cause as a code, for readers of other languages (#17).
			assertThat(problem.cause()).isEqualTo(Cause.ALL_AT_MAX_LOAD);
			assertThat(problem.judges()).isNull();
		});
		assertThat(plan.balanced()).isTrue();
	}

	@Test
	void aFullJudgeIsExchangedWhenThatIsTheOnlyWayToFillASlot() {
		// k = 1, no sector rule, every judge takes at most one proposal. C can only have
		// W; B only X or W; A only X
		// or Y. C goes first (tightest) and takes W. If A then takes X, B has nobody left
		// with room: the exchange
		// moves X to B and gives A to Y. Whatever the seed, every proposal ends up with a
		// judge.
		List<PanelJudge> judges = List.of(new PanelJudge("W", PUBLIC, 1), new PanelJudge("X", PUBLIC, 1),
				new PanelJudge("Y", PUBLIC, 1));
		List<Conflict> conflicts = List.of(new Conflict("W", "A"), new Conflict("Y", "B"), new Conflict("X", "C"),
				new Conflict("Y", "C"));
		for (long seed = 0; seed < 40; seed++) {
			AssignmentRequest request = AssignmentRequest.builder(seed)
				.proposals(List.of("A", "B", "C"))
				.judges(judges)
				.conflicts(conflicts)
				.judgesPerProposal(1)
				.sectorMinimums(Map.of())
				.build();
			AssignmentPlan plan = JudgeAssigner.assign(request);
			assertThat(plan.assignments()).as("seed %d", seed)
				.containsExactly(new Assignment("A", "Y"), new Assignment("B", "X"), new Assignment("C", "W"));
			assertThat(plan.problems()).isEmpty();
		}
	}

	@Test
	void reassigningADroppedJudgeMovesOnlyTheirProposals() {
		List<PanelJudge> judges = panel(5, 5, null);
		List<Conflict> conflicts = List.of(new Conflict("pub2", "P4"), new Conflict("priv1", "P9"));
		AssignmentRequest request = AssignmentRequest.builder(8)
			.proposals(proposals(30))
			.judges(judges)
			.conflicts(conflicts)
			.build();
		AssignmentPlan before = JudgeAssigner.assign(request);
		AssignmentPlan after = JudgeAssigner.reassign(request, before.assignments(), "pub3");

		Set<Assignment> kept = before.assignments()
			.stream()
			.filter((assignment) -> !assignment.judgeId().equals("pub3"))
			.collect(Collectors.toSet());
		Set<String> hisProposals = before.assignments()
			.stream()
			.filter((assignment) -> assignment.judgeId().equals("pub3"))
			.map(Assignment::proposalId)
			.collect(Collectors.toSet());
		assertThat(hisProposals).isNotEmpty();
		// Every other assignment is still there; the only new ones are on pub3's former
		// proposals, one each.
		assertThat(after.assignments()).containsAll(kept);
		List<Assignment> added = after.assignments()
			.stream()
			.filter((assignment) -> !kept.contains(assignment))
			.toList();
		assertThat(added).extracting(Assignment::proposalId).containsExactlyInAnyOrderElementsOf(hisProposals);
		assertThat(added).extracting(Assignment::judgeId).doesNotContain("pub3");
		assertThat(loads(after).get("pub3")).isZero();
		// The rules still hold (pub3's proposals needed a PUBLIC replacement where pub3
		// was the only one).
		List<PanelJudge> remaining = judges.stream().filter((judge) -> !judge.id().equals("pub3")).toList();
		AssignmentRequest without = AssignmentRequest.builder(8)
			.proposals(proposals(30))
			.judges(remaining)
			.conflicts(conflicts)
			.build();
		assertMeetsEveryRule(without,
				new AssignmentPlan(after.algorithmVersion(), after.assignments(),
						after.loads().stream().filter((load) -> !load.judgeId().equals("pub3")).toList(),
						after.problems(), after.loadSpread(), after.balanced()));
	}

	@Test
	void reassigningTheOnlyPublicJudgeNamesTheProposalsLeftWithout() {
		AssignmentRequest request = AssignmentRequest.builder(8)
			.proposals(proposals(3))
			.judges(panel(1, 3, null))
			.build();
		AssignmentPlan before = JudgeAssigner.assign(request);
		AssignmentPlan after = JudgeAssigner.reassign(request, before.assignments(), "pub1");

		assertThat(after.assignments()).extracting(Assignment::judgeId).doesNotContain("pub1");
		assertThat(after.problems()).extracting(AssignmentProblem::message)
			.containsExactly(
					"proposal P1: only 0 non-conflicted PUBLIC judges available, the sector rule needs at least 1",
					"proposal P2: only 0 non-conflicted PUBLIC judges available, the sector rule needs at least 1",
					"proposal P3: only 0 non-conflicted PUBLIC judges available, the sector rule needs at least 1");
		// The PRIVATE judges fill the freed slots, so k is still met.
		assertThat(panels(after).values()).allSatisfy((panel) -> assertThat(panel).hasSize(3));
	}

	@Test
	void reassignmentReportsKeptAssignmentsThatNowConflict() {
		AssignmentRequest request = AssignmentRequest.builder(8)
			.proposals(proposals(4))
			.judges(panel(3, 3, null))
			.build();
		AssignmentPlan before = JudgeAssigner.assign(request);
		Assignment someone = before.assignments()
			.stream()
			.filter((assignment) -> !assignment.judgeId().equals("priv1"))
			.findFirst()
			.orElseThrow();
		AssignmentRequest withConflict = AssignmentRequest.builder(8)
			.proposals(proposals(4))
			.judges(panel(3, 3, null))
			.conflicts(List.of(new Conflict(someone.judgeId(), someone.proposalId())))
			.build();
		AssignmentPlan after = JudgeAssigner.reassign(withConflict, before.assignments(), "priv1");

		assertThat(after.problems()).filteredOn((problem) -> problem.rule() == Rule.CONFLICT)
			.extracting(AssignmentProblem::message)
			.containsExactly("proposal " + someone.proposalId() + ": judge " + someone.judgeId()
					+ " is assigned but has a conflict with it; reassign or remove that assignment");
		assertThat(after.problems()).filteredOn((problem) -> problem.rule() == Rule.CONFLICT)
			.extracting(AssignmentProblem::cause, AssignmentProblem::judgeId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Cause.CONFLICT_KEPT, someone.judgeId()));
	}

	@Test
	void nextRoundIsAssignedOnTheShortlist() {
		AssignmentPlan finals = JudgeAssigner.assign(AssignmentRequest.builder(1)
			.proposals(List.of("P2", "P5", "P9"))
			.judges(panel(3, 3, null))
			.judgesPerProposal(6)
			.build());

		assertThat(panels(finals).keySet()).containsExactlyInAnyOrder("P2", "P5", "P9");
		assertThat(finals.loads()).extracting(JudgeLoad::load).containsOnly(3);
	}

	@Test
	void refusesBadRequests() {
		assertThatIllegalArgumentException().isThrownBy(() -> AssignmentRequest.builder(1).judgesPerProposal(1).build())
			.withMessage("sector minimums add up to 2 but each proposal gets only k = 1 judges");
		assertThatIllegalArgumentException().isThrownBy(() -> AssignmentRequest.builder(1).judgesPerProposal(0).build())
			.withMessage("judges per proposal k must be at least 1, got 0");
		Map<Sector, Integer> negative = new EnumMap<>(Sector.class);
		negative.put(ACADEMIC, -1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssignmentRequest.builder(1).sectorMinimums(negative).build())
			.withMessage("sector minimum for ACADEMIC must be a number ≥ 0, got -1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssignmentRequest.builder(1)
				.judges(List.of(new PanelJudge("a", PUBLIC), new PanelJudge("a", PRIVATE)))
				.build())
			.withMessage("duplicate judge id 'a'");
		assertThatIllegalArgumentException().isThrownBy(() -> new PanelJudge("a", PUBLIC, -1))
			.withMessage("judge 'a': maximum load must be ≥ 0, got -1");
		AssignmentRequest request = AssignmentRequest.builder(1)
			.proposals(proposals(2))
			.judges(panel(2, 2, null))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> JudgeAssigner.reassign(request, List.of(), "nobody"))
			.withMessage("judge 'nobody' is neither on the panel nor in the previous assignments");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JudgeAssigner.reassign(request, List.of(new Assignment("P1", "ghost")), "pub1"))
			.withMessage("previous assignment names judge 'ghost', who is not on the panel; to drop them, reassign "
					+ "their work");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JudgeAssigner.reassign(request, List.of(new Assignment("P8", "pub1")), "pub1"))
			.withMessage("previous assignment names proposal 'P8', which is not in the request");
	}

	@Test
	void conflictsOutsideTheRoundAreIgnored() {
		Map<String, Integer> expected = new HashMap<>();
		AssignmentRequest plain = AssignmentRequest.builder(1)
			.proposals(proposals(4))
			.judges(panel(2, 2, null))
			.build();
		AssignmentRequest extra = AssignmentRequest.builder(1)
			.proposals(proposals(4))
			.judges(panel(2, 2, null))
			.conflicts(List.of(new Conflict("someone-else", "P1"), new Conflict("pub1", "P99")))
			.build();
		expected.putAll(loads(JudgeAssigner.assign(plain)));
		assertThat(JudgeAssigner.assign(extra).assignments()).isEqualTo(JudgeAssigner.assign(plain).assignments());
		assertThat(loads(JudgeAssigner.assign(extra))).isEqualTo(expected);
	}

}
