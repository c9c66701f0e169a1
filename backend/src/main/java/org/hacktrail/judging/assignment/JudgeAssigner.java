package org.hacktrail.judging.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.SplitMix64;
import org.hacktrail.judging.assignment.AssignmentProblem.Cause;
import org.hacktrail.judging.assignment.AssignmentProblem.Rule;

/**
 * Assigns judges to proposals, version {@value #ALGORITHM_VERSION}: greedy least-loaded
 * with seeded tie-breaking, the most constrained proposals first, then a repair pass and
 * a balancing pass.
 * <ol>
 * <li><b>Order.</b> For each proposal, its slack is the smallest of (available judges −
 * k) and, for every sector with a minimum m_g &gt; 0, (available judges of that sector −
 * m_g), where "available" means not conflicted and with a maximum load above 0. Proposals
 * are processed by slack ascending, then by their seeded key.</li>
 * <li><b>Sector minimums</b> for every proposal in that order (its tightest sector
 * first), then <b>fill to k</b> from any sector. Each slot takes, among judges not
 * conflicted, not already on the panel and below their maximum load, the one with the
 * lowest load, ties broken by the seeded key of (proposal, judge). Filling all minimums
 * before any free slot keeps scarce-sector judges for the proposals that need them.</li>
 * <li><b>Repair.</b> A slot still empty is filled by a one-step exchange: a full,
 * eligible judge moves to this proposal and is replaced on one of their other proposals
 * by a judge with room, if that keeps the other proposal's sector minimums.</li>
 * <li><b>Balance.</b> While some judge has a load at least 2 above a judge with room,
 * move one of the higher judge's proposals to the least-loaded judge that is eligible for
 * it and keeps its sector minimums. Every move lowers Σ load², so this ends; it stops at
 * a plan where no single such move exists. Gaps that balancing made fillable (it frees
 * room on judges who were full) are filled again as in step 2, then balancing runs once
 * more.</li>
 * </ol>
 * A conflicted judge is never assigned. Seeded keys are
 * {@code mix64(seed XOR mix64(p·2^32 + j))} for proposal index p and judge index j
 * (indexes in id order), {@code mix64(seed XOR mix64(p·2^32 + 2^32 − 1))} for a
 * proposal's own key, compared as unsigned 64-bit numbers ({@link SplitMix64#mix64}).
 * Inputs are canonically ordered, so the plan depends only on the request's content and
 * seed.
 * <p>
 * Multi-round: run {@link #assign} on the previous round's shortlist. A judge who drops
 * out: {@link #reassign}.
 */
public final class JudgeAssigner {

	public static final String ALGORITHM_VERSION = "hacktrail-assign-1";

	private static final Sector[] SECTORS = Sector.values();

	private static final int G = SECTORS.length;

	private static final int ANY = -1;

	private JudgeAssigner() {
	}

	/** A fresh plan for the request. */
	public static AssignmentPlan assign(AssignmentRequest request) {
		Board board = new Board(request, null);
		int[] order = board.processingOrder();
		for (int p : order) {
			board.fillSectorMinimums(p);
		}
		for (int p : order) {
			board.fillToK(p);
		}
		for (int p : order) {
			board.repair(p);
		}
		board.balance();
		// Balancing can free a judge who was full when a proposal could not be filled:
		// try those gaps again.
		for (int p : order) {
			board.fillSectorMinimums(p);
			board.fillToK(p);
		}
		board.balance();
		return board.plan(Set.of());
	}

	/**
	 * Replaces a judge who dropped out. Every assignment of {@code previous} stays as it
	 * is except the dropped judge's: each of their proposals gets replacement judges
	 * chosen as in {@link #assign} (sector minimums first, then up to k; least loaded,
	 * seeded ties; never conflicted), with loads counted from the kept assignments. Other
	 * judges' proposals are not moved, so loads are not re-balanced, and the plan's
	 * problems list any kept assignment whose judge has since declared a conflict
	 * ({@link Rule#CONFLICT}) rather than moving it.
	 * @param request the round as it is now (the dropped judge may still be listed; they
	 * get nothing)
	 * @param previous the current assignments
	 * @param droppedJudgeId the judge whose work moves
	 */
	public static AssignmentPlan reassign(AssignmentRequest request, List<Assignment> previous, String droppedJudgeId) {
		if (droppedJudgeId == null || droppedJudgeId.isBlank()) {
			throw new IllegalArgumentException("dropped judge id must not be blank");
		}
		Board board = new Board(request, droppedJudgeId);
		Set<Integer> affected = new HashSet<>();
		boolean droppedKnown = board.judgeIndex.containsKey(droppedJudgeId);
		Set<Assignment> seen = new HashSet<>();
		List<Assignment> sorted = new ArrayList<>(previous);
		sorted.sort(Comparator.comparing(Assignment::proposalId).thenComparing(Assignment::judgeId));
		for (Assignment assignment : sorted) {
			if (!seen.add(assignment)) {
				throw new IllegalArgumentException("previous assignments list judge '" + assignment.judgeId()
						+ "' on proposal '" + assignment.proposalId() + "' twice");
			}
			Integer p = board.proposalIndex.get(assignment.proposalId());
			if (p == null) {
				throw new IllegalArgumentException("previous assignment names proposal '" + assignment.proposalId()
						+ "', which is not in the request");
			}
			if (assignment.judgeId().equals(droppedJudgeId)) {
				affected.add(p);
				droppedKnown = true;
				continue;
			}
			Integer j = board.judgeIndex.get(assignment.judgeId());
			if (j == null) {
				throw new IllegalArgumentException("previous assignment names judge '" + assignment.judgeId()
						+ "', who is not on the panel; to drop them, reassign their work");
			}
			board.add(p, j);
		}
		if (!droppedKnown) {
			throw new IllegalArgumentException(
					"judge '" + droppedJudgeId + "' is neither on the panel nor in the previous assignments");
		}
		for (int p : board.processingOrder()) {
			if (affected.contains(p)) {
				board.fillSectorMinimums(p);
				board.fillToK(p);
			}
		}
		return board.plan(affected);
	}

	/**
	 * The working state, in arrays indexed by proposal and judge position in id order.
	 */
	private static final class Board {

		final AssignmentRequest request;

		final String[] proposals;

		final String[] judges;

		final Map<String, Integer> proposalIndex = new HashMap<>();

		final Map<String, Integer> judgeIndex = new HashMap<>();

		final int proposalCount;

		final int judgeCount;

		final int k;

		final int[] minimum = new int[G];

		final int[] sector;

		final int[] cap;

		final boolean[] conflict;

		final int[] available;

		final int[] availableBySector;

		final int[][] panel;

		final int[] panelSize;

		final int[] sectorCount;

		final int[] load;

		final IntList[] byJudge;

		final long seed;

		/** Set for a reassignment: only the dropped judge's work may move. */
		final boolean keepOtherJudges;

		Board(AssignmentRequest request, @Nullable String droppedJudgeId) {
			this.request = request;
			this.seed = request.seed();
			this.keepOtherJudges = droppedJudgeId != null;
			this.proposals = request.proposalIds().toArray(String[]::new);
			this.proposalCount = this.proposals.length;
			for (int p = 0; p < this.proposalCount; p++) {
				this.proposalIndex.put(this.proposals[p], p);
			}
			this.judgeCount = request.judges().size();
			this.judges = new String[this.judgeCount];
			this.sector = new int[this.judgeCount];
			this.cap = new int[this.judgeCount];
			this.byJudge = new IntList[this.judgeCount];
			for (int j = 0; j < this.judgeCount; j++) {
				PanelJudge judge = request.judges().get(j);
				this.judges[j] = judge.id();
				this.judgeIndex.put(judge.id(), j);
				this.sector[j] = judge.sector().ordinal();
				this.cap[j] = judge.id().equals(droppedJudgeId) ? 0
						: (judge.maxLoad() == null) ? Integer.MAX_VALUE : judge.maxLoad();
				this.byJudge[j] = new IntList();
			}
			this.k = request.judgesPerProposal();
			for (Sector s : SECTORS) {
				this.minimum[s.ordinal()] = request.sectorMinimums().get(s);
			}
			this.conflict = new boolean[this.proposalCount * this.judgeCount];
			for (Conflict c : request.conflicts()) {
				Integer p = this.proposalIndex.get(c.proposalId());
				Integer j = this.judgeIndex.get(c.judgeId());
				if (p != null && j != null) {
					this.conflict[p * this.judgeCount + j] = true;
				}
			}
			this.available = new int[this.proposalCount];
			this.availableBySector = new int[this.proposalCount * G];
			for (int p = 0; p < this.proposalCount; p++) {
				for (int j = 0; j < this.judgeCount; j++) {
					if (this.cap[j] > 0 && !this.conflict[p * this.judgeCount + j]) {
						this.available[p]++;
						this.availableBySector[p * G + this.sector[j]]++;
					}
				}
			}
			this.panel = new int[this.proposalCount][this.k];
			this.panelSize = new int[this.proposalCount];
			this.sectorCount = new int[this.proposalCount * G];
			this.load = new int[this.judgeCount];
		}

		long key(int p, int j) {
			return SplitMix64.mix64(this.seed ^ SplitMix64.mix64(((long) p << 32) | (j & 0xFFFFFFFFL)));
		}

		long proposalKey(int p) {
			return SplitMix64.mix64(this.seed ^ SplitMix64.mix64(((long) p << 32) | 0xFFFFFFFFL));
		}

		int slack(int p) {
			int slack = this.available[p] - this.k;
			for (int g = 0; g < G; g++) {
				if (this.minimum[g] > 0) {
					slack = Math.min(slack, this.availableBySector[p * G + g] - this.minimum[g]);
				}
			}
			return slack;
		}

		int[] processingOrder() {
			Integer[] order = new Integer[this.proposalCount];
			int[] slack = new int[this.proposalCount];
			long[] keys = new long[this.proposalCount];
			for (int p = 0; p < this.proposalCount; p++) {
				order[p] = p;
				slack[p] = slack(p);
				keys[p] = proposalKey(p);
			}
			Arrays.sort(order,
					Comparator.<Integer>comparingInt((p) -> slack[p])
						.thenComparing((a, b) -> Long.compareUnsigned(keys[a], keys[b]))
						.thenComparingInt((p) -> p));
			return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
		}

		boolean onPanel(int p, int j) {
			int[] members = this.panel[p];
			for (int i = 0; i < this.panelSize[p]; i++) {
				if (members[i] == j) {
					return true;
				}
			}
			return false;
		}

		boolean eligible(int p, int j) {
			return this.load[j] < this.cap[j] && !this.conflict[p * this.judgeCount + j] && !onPanel(p, j);
		}

		/**
		 * Least-loaded eligible judge of the sector (or any), ties by seeded key; -1 if
		 * none.
		 */
		int best(int p, int g) {
			int best = -1;
			long bestKey = 0;
			for (int j = 0; j < this.judgeCount; j++) {
				if ((g != ANY && this.sector[j] != g) || !eligible(p, j)) {
					continue;
				}
				if (best < 0 || this.load[j] < this.load[best]) {
					best = j;
					bestKey = key(p, j);
				}
				else if (this.load[j] == this.load[best]) {
					long key = key(p, j);
					if (Long.compareUnsigned(key, bestKey) < 0) {
						best = j;
						bestKey = key;
					}
				}
			}
			return best;
		}

		void add(int p, int j) {
			if (this.panelSize[p] == this.panel[p].length) {
				this.panel[p] = Arrays.copyOf(this.panel[p], this.panel[p].length + 1);
			}
			this.panel[p][this.panelSize[p]++] = j;
			this.sectorCount[p * G + this.sector[j]]++;
			this.load[j]++;
			this.byJudge[j].add(p);
		}

		void replace(int p, int from, int to) {
			int[] members = this.panel[p];
			for (int i = 0; i < this.panelSize[p]; i++) {
				if (members[i] == from) {
					members[i] = to;
				}
			}
			this.sectorCount[p * G + this.sector[from]]--;
			this.sectorCount[p * G + this.sector[to]]++;
			this.load[from]--;
			this.load[to]++;
			this.byJudge[from].remove(p);
			this.byJudge[to].add(p);
		}

		void fillSectorMinimums(int p) {
			Integer[] sectors = new Integer[G];
			for (int g = 0; g < G; g++) {
				sectors[g] = g;
			}
			// The sector with the fewest spare judges for this proposal first.
			Arrays.sort(sectors,
					Comparator.<Integer>comparingInt((g) -> this.availableBySector[p * G + g] - this.minimum[g])
						.thenComparingInt((g) -> g));
			for (int g : sectors) {
				while (this.sectorCount[p * G + g] < this.minimum[g]) {
					int j = best(p, g);
					if (j < 0) {
						break;
					}
					if (this.panelSize[p] < this.k) {
						add(p, j);
					}
					else {
						// A full panel short of this sector (a judge of it freed up only
						// after balancing): the new
						// judge takes the place of a member whose sector has more than
						// its minimum. Never in a
						// reassignment, which must not move other judges' work.
						int surplus = this.keepOtherJudges ? -1 : surplusMember(p, g);
						if (surplus < 0) {
							break;
						}
						replace(p, surplus, j);
					}
				}
			}
		}

		/**
		 * The most loaded member of p's panel whose sector is above its minimum (and is
		 * not g); -1 if none.
		 */
		int surplusMember(int p, int g) {
			int chosen = -1;
			for (int i = 0; i < this.panelSize[p]; i++) {
				int j = this.panel[p][i];
				int s = this.sector[j];
				if (s != g && this.sectorCount[p * G + s] > this.minimum[s] && (chosen < 0
						|| this.load[j] > this.load[chosen] || (this.load[j] == this.load[chosen] && j < chosen))) {
					chosen = j;
				}
			}
			return chosen;
		}

		void fillToK(int p) {
			while (this.panelSize[p] < this.k) {
				int j = best(p, ANY);
				if (j < 0) {
					return;
				}
				add(p, j);
			}
		}

		/**
		 * Whether judge {@code to} may take {@code from}'s place on q without breaking
		 * q's sector minimums.
		 */
		boolean keepsSectorMix(int q, int from, int to) {
			int g = this.sector[from];
			return this.sector[to] == g || this.sectorCount[q * G + g] > this.minimum[g];
		}

		void repair(int p) {
			for (int g = 0; g < G; g++) {
				while (this.sectorCount[p * G + g] < this.minimum[g] && this.panelSize[p] < this.k && exchange(p, g)) {
					// one slot filled per exchange
				}
			}
			while (this.panelSize[p] < this.k && exchange(p, ANY)) {
				// one slot filled per exchange
			}
		}

		/**
		 * One-step exchange: a full judge j eligible for p (but for their load) leaves
		 * one of their proposals q to a judge with room, and takes p. Only judges with
		 * room can make this work, so without any it returns at once.
		 */
		boolean exchange(int p, int g) {
			List<Integer> withRoom = new ArrayList<>();
			for (int j = 0; j < this.judgeCount; j++) {
				if (this.load[j] < this.cap[j]) {
					withRoom.add(j);
				}
			}
			if (withRoom.isEmpty()) {
				return false;
			}
			for (int j = 0; j < this.judgeCount; j++) {
				if ((g != ANY && this.sector[j] != g) || this.load[j] < this.cap[j] || this.cap[j] == 0
						|| this.conflict[p * this.judgeCount + j] || onPanel(p, j)) {
					continue;
				}
				for (int q : this.byJudge[j].sortedCopy()) {
					for (int replacement : withRoom) {
						if (replacement != j && !this.conflict[q * this.judgeCount + replacement]
								&& !onPanel(q, replacement) && keepsSectorMix(q, j, replacement)) {
							replace(q, j, replacement);
							add(p, j);
							return true;
						}
					}
				}
			}
			return false;
		}

		void balance() {
			while (true) {
				int lowestWithRoom = Integer.MAX_VALUE;
				for (int j = 0; j < this.judgeCount; j++) {
					if (this.load[j] < this.cap[j]) {
						lowestWithRoom = Math.min(lowestWithRoom, this.load[j]);
					}
				}
				if (lowestWithRoom == Integer.MAX_VALUE) {
					return;
				}
				Integer[] heavy = new Integer[this.judgeCount];
				for (int j = 0; j < this.judgeCount; j++) {
					heavy[j] = j;
				}
				Arrays.sort(heavy, Comparator.<Integer>comparingInt((j) -> -this.load[j]).thenComparingInt((j) -> j));
				boolean moved = false;
				for (int from : heavy) {
					if (this.load[from] < lowestWithRoom + 2) {
						break;
					}
					for (int q : this.byJudge[from].sortedCopy()) {
						int to = bestReplacement(q, from, this.load[from] - 2);
						if (to >= 0) {
							replace(q, from, to);
							moved = true;
							break;
						}
					}
					if (moved) {
						break;
					}
				}
				if (!moved) {
					return;
				}
			}
		}

		/**
		 * Least-loaded judge (load ≤ maxLoad) who can take {@code from}'s place on q; -1
		 * if none.
		 */
		int bestReplacement(int q, int from, int maxLoad) {
			int best = -1;
			long bestKey = 0;
			for (int j = 0; j < this.judgeCount; j++) {
				if (j == from || this.load[j] > maxLoad || !eligible(q, j) || !keepsSectorMix(q, from, j)) {
					continue;
				}
				long key = key(q, j);
				if (best < 0 || this.load[j] < this.load[best]
						|| (this.load[j] == this.load[best] && Long.compareUnsigned(key, bestKey) < 0)) {
					best = j;
					bestKey = key;
				}
			}
			return best;
		}

		AssignmentPlan plan(Set<Integer> reassigned) {
			List<Assignment> assignments = new ArrayList<>();
			List<AssignmentProblem> problems = new ArrayList<>();
			for (int p = 0; p < this.proposalCount; p++) {
				int[] members = Arrays.copyOf(this.panel[p], this.panelSize[p]);
				Arrays.sort(members);
				for (int j : members) {
					assignments.add(new Assignment(this.proposals[p], this.judges[j]));
				}
				problems.addAll(problems(p, reassigned.isEmpty() || reassigned.contains(p)));
				for (int j : members) {
					if (this.conflict[p * this.judgeCount + j]) {
						problems.add(new AssignmentProblem(this.proposals[p], Rule.CONFLICT, null, 0, 1,
								"proposal " + this.proposals[p] + ": judge " + this.judges[j]
										+ " is assigned but has a conflict with it; reassign or remove that assignment",
								Cause.CONFLICT_KEPT, null, this.judges[j]));
					}
				}
			}
			List<JudgeLoad> loads = new ArrayList<>();
			int highest = 0;
			int lowest = Integer.MAX_VALUE;
			int lowestWithRoom = Integer.MAX_VALUE;
			for (int j = 0; j < this.judgeCount; j++) {
				PanelJudge judge = this.request.judges().get(j);
				loads.add(new JudgeLoad(judge.id(), judge.sector(), this.load[j], judge.maxLoad()));
				highest = Math.max(highest, this.load[j]);
				lowest = Math.min(lowest, this.load[j]);
				if (this.load[j] < this.cap[j]) {
					lowestWithRoom = Math.min(lowestWithRoom, this.load[j]);
				}
			}
			int spread = (this.judgeCount == 0) ? 0 : highest - lowest;
			boolean balanced = lowestWithRoom == Integer.MAX_VALUE || highest - lowestWithRoom <= 1;
			return new AssignmentPlan(ALGORITHM_VERSION, assignments, loads, problems, spread, balanced);
		}

		/** Unmet rules of one proposal, each with its cause. */
		List<AssignmentProblem> problems(int p, boolean filledThisRun) {
			List<AssignmentProblem> problems = new ArrayList<>();
			String proposal = "proposal " + this.proposals[p] + ": ";
			for (Sector s : SECTORS) {
				int g = s.ordinal();
				int have = this.sectorCount[p * G + g];
				int need = this.minimum[g];
				if (have >= need) {
					continue;
				}
				int availableHere = this.availableBySector[p * G + g];
				Why why;
				if (availableHere < need) {
					why = new Why(Cause.TOO_FEW_AVAILABLE, availableHere,
							proposal + "only " + judges(availableHere, "non-conflicted " + s)
									+ " available, the sector rule needs at least " + need);
				}
				else {
					Why cause = cause(p, g, filledThisRun, "non-conflicted " + s);
					why = new Why(cause.cause(), cause.judges(), proposal + "has " + have + " of the " + need + " " + s
							+ " judges the sector rule needs; " + cause.english());
				}
				problems.add(new AssignmentProblem(this.proposals[p], Rule.SECTOR_MINIMUM, s, need, have, why.english(),
						why.cause(), why.judges(), null));
			}
			if (this.panelSize[p] < this.k) {
				Why why;
				if (this.available[p] < this.k) {
					why = new Why(Cause.TOO_FEW_AVAILABLE, this.available[p], proposal + "only "
							+ judges(this.available[p], "non-conflicted") + " available, " + this.k + " needed");
				}
				else {
					Why cause = cause(p, ANY, filledThisRun, "non-conflicted");
					why = new Why(cause.cause(), cause.judges(),
							proposal + "has " + this.panelSize[p] + " of " + this.k + " judges; " + cause.english());
				}
				problems.add(new AssignmentProblem(this.proposals[p], Rule.JUDGES_PER_PROPOSAL, null, this.k,
						this.panelSize[p], why.english(), why.cause(), why.judges(), null));
			}
			return problems;
		}

		/** A cause, the judges it counts (null when it counts none), and its English. */
		private record Why(Cause cause, @Nullable Integer judges, String english) {
		}

		private Why cause(int p, int g, boolean filledThisRun, String kind) {
			int withRoom = 0;
			for (int j = 0; j < this.judgeCount; j++) {
				if ((g == ANY || this.sector[j] == g) && eligible(p, j)) {
					withRoom++;
				}
			}
			if (withRoom == 0) {
				return new Why(Cause.ALL_AT_MAX_LOAD, null, "every other " + kind + " judge is at their maximum load");
			}
			if (!filledThisRun) {
				return new Why(Cause.REASSIGNMENT_ONLY, withRoom, judges(withRoom, kind) + " still have room, but "
						+ "reassigning one judge's work does not fill other gaps; run a full assignment to fill it");
			}
			return new Why(Cause.NO_PLACEMENT, withRoom,
					judges(withRoom, kind) + " still have room but could not be placed without breaking another rule");
		}

		private static String judges(int count, String kind) {
			return count + " " + kind + " " + (count == 1 ? "judge" : "judges");
		}

	}

	/** A small growable list of ints (proposal indexes of one judge). */
	private static final class IntList {

		private int[] values = new int[8];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		void remove(int value) {
			for (int i = 0; i < this.size; i++) {
				if (this.values[i] == value) {
					this.values[i] = this.values[--this.size];
					return;
				}
			}
		}

		int[] sortedCopy() {
			int[] copy = Arrays.copyOf(this.values, this.size);
			Arrays.sort(copy);
			return copy;
		}

	}

}
