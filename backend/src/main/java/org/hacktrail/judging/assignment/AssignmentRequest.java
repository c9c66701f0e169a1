package org.hacktrail.judging.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hacktrail.judging.Sector;

/**
 * Everything an assignment depends on. The constructor checks it (throwing
 * {@link IllegalArgumentException} with the problem named) and puts it in canonical order
 * — proposals by id, judges by id, conflicts by judge then proposal (duplicates dropped),
 * sector minimums for every sector — so inputs that differ only in order are equal
 * records and give the same plan.
 * <p>
 * Conflicts naming a judge or proposal outside this request are kept but have no effect
 * (a conflict list is typically the hackathon's, wider than one round).
 *
 * @param proposalIds the proposals to judge (for a later round: the previous round's
 * shortlist)
 * @param judges the available judges
 * @param conflicts judge × proposal pairs never to assign
 * @param judgesPerProposal k
 * @param sectorMinimums at least this many judges of each sector per proposal (sum ≤ k)
 * @param seed seed of the tie-breaking
 */
public record AssignmentRequest(List<String> proposalIds, List<PanelJudge> judges, List<Conflict> conflicts,
		int judgesPerProposal, Map<Sector, Integer> sectorMinimums, long seed) {

	public static final int DEFAULT_JUDGES_PER_PROPOSAL = 3;

	public AssignmentRequest {
		require(proposalIds != null && judges != null && conflicts != null && sectorMinimums != null,
				"proposals, judges, conflicts and sector minimums must be given (they may be empty)");
		List<String> proposals = new ArrayList<>(proposalIds);
		Set<String> seenProposals = new HashSet<>();
		for (String proposal : proposals) {
			require(proposal != null && !proposal.isBlank(), "proposal id must not be blank");
			require(seenProposals.add(proposal), "duplicate proposal id '" + proposal + "'");
		}
		Collections.sort(proposals);
		proposalIds = List.copyOf(proposals);
		List<PanelJudge> panel = new ArrayList<>(judges);
		Set<String> seenJudges = new HashSet<>();
		for (PanelJudge judge : panel) {
			require(judge != null, "a judge is missing");
			require(seenJudges.add(judge.id()), "duplicate judge id '" + judge.id() + "'");
		}
		panel.sort(Comparator.comparing(PanelJudge::id));
		judges = List.copyOf(panel);
		TreeSet<Conflict> sortedConflicts = new TreeSet<>(
				Comparator.comparing(Conflict::judgeId).thenComparing(Conflict::proposalId));
		for (Conflict conflict : conflicts) {
			require(conflict != null, "a conflict is missing");
			sortedConflicts.add(conflict);
		}
		conflicts = List.copyOf(sortedConflicts);
		require(judgesPerProposal >= 1, "judges per proposal k must be at least 1, got " + judgesPerProposal);
		EnumMap<Sector, Integer> minimums = new EnumMap<>(Sector.class);
		int sum = 0;
		for (Sector sector : Sector.values()) {
			Integer minimum = sectorMinimums.getOrDefault(sector, 0);
			require(minimum != null && minimum >= 0,
					"sector minimum for " + sector + " must be a number ≥ 0, got " + minimum);
			minimums.put(sector, minimum);
			sum += minimum;
		}
		require(sum <= judgesPerProposal, "sector minimums add up to " + sum + " but each proposal gets only k = "
				+ judgesPerProposal + " judges");
		sectorMinimums = Collections.unmodifiableMap(minimums);
	}

	/**
	 * At least one PUBLIC and one PRIVATE judge per proposal (the default of
	 * docs/judge-assignment.md).
	 */
	public static Map<Sector, Integer> defaultSectorMinimums() {
		return Map.of(Sector.PUBLIC, 1, Sector.PRIVATE, 1);
	}

	/** A request with k = 3 and the default sector mix; conflicts empty until given. */
	public static Builder builder(long seed) {
		return new Builder(seed);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	public static final class Builder {

		private final long seed;

		private List<String> proposalIds = List.of();

		private List<PanelJudge> judges = List.of();

		private List<Conflict> conflicts = List.of();

		private int judgesPerProposal = DEFAULT_JUDGES_PER_PROPOSAL;

		private Map<Sector, Integer> sectorMinimums = defaultSectorMinimums();

		private Builder(long seed) {
			this.seed = seed;
		}

		public Builder proposals(Collection<String> proposalIds) {
			this.proposalIds = new ArrayList<>(proposalIds);
			return this;
		}

		public Builder judges(Collection<PanelJudge> judges) {
			this.judges = new ArrayList<>(judges);
			return this;
		}

		public Builder conflicts(Collection<Conflict> conflicts) {
			this.conflicts = new ArrayList<>(conflicts);
			return this;
		}

		public Builder judgesPerProposal(int judgesPerProposal) {
			this.judgesPerProposal = judgesPerProposal;
			return this;
		}

		public Builder sectorMinimums(Map<Sector, Integer> sectorMinimums) {
			this.sectorMinimums = sectorMinimums;
			return this;
		}

		public AssignmentRequest build() {
			return new AssignmentRequest(this.proposalIds, this.judges, this.conflicts, this.judgesPerProposal,
					this.sectorMinimums, this.seed);
		}

	}

}
