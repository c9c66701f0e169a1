package org.hacktrail.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.judging.AwardFacts;
import org.jspecify.annotations.Nullable;

/**
 * The statistics roll-up, in plain Java: proposals are added one at a time with their
 * project's outcome entries, and counted into cells per view, hackathon and issue area,
 * with the awards they won per award track.
 *
 * <p>
 * Attribution: an outcome milestone of a project counts for the project's latest proposal
 * pitched on or before the milestone's date (proposals ordered by their hackathon's first
 * day, then id; in the public view only published proposals take part). A milestone dated
 * before the project's first pitch counts for none. So an outcome is counted once, for
 * the pitch that preceded it, and sums over hackathons are exact.
 */
final class RollupCalculator {

	enum View {

		/** Published proposals, VERIFIED milestones. */
		PUBLIC,

		/**
		 * Every proposal but DRAFTs (of hackathons past DRAFT), milestones not REJECTED.
		 */
		ORGANIZER

	}

	/** One pitch of a project: the first day of its hackathon. */
	record Pitch(LocalDate start, String proposalId, boolean published) {

		static Pitch of(ProjectPitch stored) {
			return new Pitch(LocalDate.parse(stored.start()), stored.proposalId(), stored.published());
		}

	}

	/** The outcomes attributed to one proposal in one view. */
	record Attributed(boolean funded, boolean adopted, boolean integrated, Map<String, BigDecimal> funding,
			@Nullable Integer monthsToAdoption) {
	}

	private record Key(String hackathonId, @Nullable String area) {
	}

	private final Map<View, Map<Key, CellSums>> cells = new HashMap<>();

	RollupCalculator() {
		for (View view : View.values()) {
			this.cells.put(view, new LinkedHashMap<>());
		}
	}

	/**
	 * Counts a proposal (not DRAFT, of a hackathon past DRAFT) with its project's
	 * outcomes (null: none) and every counted pitch of the project (in any order).
	 */
	void add(RollupProposal proposal, @Nullable List<OutcomeEntry> outcomes, List<Pitch> pitches) {
		List<Pitch> sorted = new ArrayList<>(pitches);
		sorted.sort(Comparator.comparing(Pitch::start).thenComparing(Pitch::proposalId));
		for (View view : View.values()) {
			if (view == View.PUBLIC && !proposal.published()) {
				continue;
			}
			Attributed attributed = attribute(proposal, (outcomes != null) ? outcomes : List.of(), sorted, view);
			Map<Key, CellSums> viewCells = this.cells.get(view);
			viewCells.computeIfAbsent(new Key(proposal.hackathonId(), null), (k) -> new CellSums(proposal, null))
				.add(proposal, attributed);
			for (String area : proposal.areas()) {
				viewCells.computeIfAbsent(new Key(proposal.hackathonId(), area), (k) -> new CellSums(proposal, area))
					.add(proposal, attributed);
			}
		}
	}

	/**
	 * @param pitches the project's pitches, sorted by start and proposal id
	 */
	Attributed attribute(RollupProposal proposal, List<OutcomeEntry> outcomes, List<Pitch> pitches, View view) {
		if (proposal.projectId() == null || outcomes.isEmpty()) {
			return new Attributed(false, false, false, Map.of(), null);
		}
		List<Pitch> projectPitches = pitches.stream()
			.filter((pitch) -> view == View.ORGANIZER || pitch.published())
			.toList();
		LocalDate next = null;
		for (int i = 0; i < projectPitches.size(); i++) {
			if (projectPitches.get(i).proposalId().equals(proposal.proposalId())) {
				next = (i + 1 < projectPitches.size()) ? projectPitches.get(i + 1).start() : null;
				break;
			}
		}
		boolean funded = false;
		boolean adopted = false;
		boolean integrated = false;
		LocalDate firstAdoption = null;
		Map<String, BigDecimal> funding = new TreeMap<>();
		for (OutcomeEntry entry : outcomes) {
			if (!entry.counts(view == View.PUBLIC)) {
				continue;
			}
			LocalDate date = LocalDate.parse(entry.date());
			if (date.isBefore(proposal.start()) || (next != null && !date.isBefore(next))) {
				continue;
			}
			switch (entry.type()) {
				case FUNDED -> {
					funded = true;
					if (entry.amount() != null && entry.currency() != null) {
						funding.merge(entry.currency(), new BigDecimal(entry.amount()), BigDecimal::add);
					}
				}
				case ADOPTED, INTEGRATED_INTO_OPERATIONS -> {
					adopted = true;
					integrated |= entry.type() == MilestoneType.INTEGRATED_INTO_OPERATIONS;
					firstAdoption = (firstAdoption == null || date.isBefore(firstAdoption)) ? date : firstAdoption;
				}
				default -> {
				}
			}
		}
		Integer months = (firstAdoption != null)
				? (int) Math.max(0, ChronoUnit.MONTHS.between(proposal.end(), firstAdoption)) : null;
		return new Attributed(funded, adopted, integrated, funding, months);
	}

	List<OutcomeRollup.Cell> cells(View view) {
		return this.cells.get(view).values().stream().map(CellSums::cell).toList();
	}

	/** The running counts of one cell. */
	private static final class CellSums {

		private final RollupProposal first;

		private final @Nullable String area;

		private int proposals;

		private int teams;

		private int shortlisted;

		private int outstanding;

		private int notSelected;

		private int funded;

		private int adopted;

		private int integrated;

		private final int[] outstandingOutcomes = new int[3];

		private final int[] notSelectedOutcomes = new int[3];

		private final Map<String, BigDecimal> funding = new TreeMap<>();

		private final Map<Integer, Integer> months = new TreeMap<>();

		/** Per track id: the track as first met, and its count. */
		private final Map<String, AwardFacts.Award> tracks = new LinkedHashMap<>();

		private final Map<String, Integer> awards = new HashMap<>();

		CellSums(RollupProposal first, @Nullable String area) {
			this.first = first;
			this.area = area;
		}

		void add(RollupProposal proposal, Attributed outcome) {
			this.proposals++;
			this.teams += proposal.team() ? 1 : 0;
			this.shortlisted += proposal.shortlisted() ? 1 : 0;
			this.outstanding += proposal.outstanding() ? 1 : 0;
			this.notSelected += proposal.notSelected() ? 1 : 0;
			this.funded += outcome.funded() ? 1 : 0;
			this.adopted += outcome.adopted() ? 1 : 0;
			this.integrated += outcome.integrated() ? 1 : 0;
			int[] group = proposal.outstanding() ? this.outstandingOutcomes
					: proposal.notSelected() ? this.notSelectedOutcomes : null;
			if (group != null) {
				group[0] += outcome.funded() ? 1 : 0;
				group[1] += outcome.adopted() ? 1 : 0;
				group[2] += outcome.integrated() ? 1 : 0;
			}
			outcome.funding().forEach((currency, amount) -> this.funding.merge(currency, amount, BigDecimal::add));
			if (outcome.monthsToAdoption() != null) {
				this.months.merge(outcome.monthsToAdoption(), 1, Integer::sum);
			}
			proposal.awards().stream().map(AwardFacts.Award::trackId).distinct().forEach((track) -> {
				this.tracks.putIfAbsent(track,
						proposal.awards()
							.stream()
							.filter((award) -> award.trackId().equals(track))
							.findFirst()
							.orElseThrow());
				this.awards.merge(track, 1, Integer::sum);
			});
		}

		OutcomeRollup.Cell cell() {
			Map<String, String> totals = new TreeMap<>();
			this.funding.forEach((currency, amount) -> totals.put(currency, MilestoneDraft.canonical(amount)));
			Map<String, Integer> histogram = new TreeMap<>();
			this.months.forEach((m, count) -> histogram.put(Integer.toString(m), count));
			return new OutcomeRollup.Cell(this.first.hackathonId(), this.first.slug(), this.first.name(),
					this.first.kind(), this.first.year(), this.area, this.proposals, this.teams, this.shortlisted,
					this.outstanding, this.notSelected, this.funded, this.adopted, this.integrated,
					this.outstandingOutcomes[0], this.outstandingOutcomes[1], this.outstandingOutcomes[2],
					this.notSelectedOutcomes[0], this.notSelectedOutcomes[1], this.notSelectedOutcomes[2], totals,
					histogram,
					this.tracks.values()
						.stream()
						.map((t) -> new OutcomeRollup.TrackAwards(t.trackId(), t.trackSlug(), t.nameZhTW(), t.nameEn(),
								t.sponsor(), t.outstanding(), this.awards.get(t.trackId())))
						.toList());
		}

	}

}
