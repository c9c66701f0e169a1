package org.hacktrail.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.ProposalTags;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Adoption statistics, read from the roll-up only (one lookup by id, then sums over its
 * cells in memory): never a scan of proposals or milestones at query time. The public
 * sees the PUBLIC roll-up (published hackathons, VERIFIED milestones); organizers see the
 * ORGANIZER one unless they ask for PUBLIC.
 */
@Service
public class OutcomeStatistics {

	private final MongoTemplate mongo;

	private final CurrentUser currentUser;

	private final ProposalTags tags;

	OutcomeStatistics(MongoTemplate mongo, CurrentUser currentUser, ProposalTags tags) {
		this.mongo = mongo;
		this.currentUser = currentUser;
		this.tags = tags;
	}

	public record Filter(@Nullable HackathonKind kind, @Nullable Integer fromYear, @Nullable Integer toYear,
			@Nullable String issueArea) {
	}

	public record Statistics(RollupCalculator.View view, @Nullable Instant computedAt, Funnel total,
			List<YearOutcomes> byYear, List<KindOutcomes> byKind, List<IssueAreaOutcomes> byIssueArea,
			List<HackathonOutcomes> byHackathon) {
	}

	public record Funnel(int proposals, int teams, int shortlisted, int outstanding, int notSelected, int funded,
			int adopted, int integrated, List<Stage> stages, List<MoneyTotal> fundingTotals,
			@Nullable Double medianMonthsToAdoption, Comparison outstandingVsNotSelected, int awards,
			List<TrackAwardCount> awardsByTrack) {
	}

	/**
	 * How many awards one award track gave to the selected proposals. A track belongs to
	 * one hackathon; a proposal can win several tracks, so {@code awards} summed over
	 * tracks can exceed the proposals awarded. The outstanding track counts the same
	 * proposals as the funnel's outstanding stage, except that a proposal later moved out
	 * of OUTSTANDING keeps its published award here.
	 */
	public record TrackAwardCount(String trackId, String slug, LocalizedText name, @Nullable String sponsor,
			boolean outstanding, String hackathonId, String hackathonSlug, int year, int awards) {
	}

	/**
	 * A stage of the funnel. {@code within} is the stage this one is part of by
	 * definition (every outstanding proposal was shortlisted; an integration is an
	 * adoption), so {@code rateWithin} is never above 1. Not every stage is part of the
	 * one before it: a funded proposal need not be outstanding, and competitions
	 * shortlist written proposals without a team, so {@code rateOfPrevious} is given only
	 * where it is.
	 */
	public record Stage(String name, int count, @Nullable Double rateOfProposals, @Nullable String within,
			@Nullable Double rateWithin, @Nullable Double rateOfPrevious) {
	}

	/**
	 * For each stage of {@link #STAGES}, the index of the stage it is part of by
	 * definition (-1 for proposals).
	 */
	static final String[] STAGES = { "proposals", "teams", "shortlisted", "outstanding", "funded", "adopted",
			"integrated" };

	static final int[] WITHIN = { -1, 0, 0, 2, 0, 0, 5 };

	public record MoneyTotal(String currency, String amount) {
	}

	public record Comparison(Group outstanding, Group notSelected) {
	}

	public record Group(int count, int funded, int adopted, int integrated, @Nullable Double fundedRate,
			@Nullable Double adoptedRate, @Nullable Double integratedRate) {
	}

	public record YearOutcomes(int year, Funnel funnel) {
	}

	public record KindOutcomes(HackathonKind kind, Funnel funnel) {
	}

	public record IssueAreaOutcomes(ProposalTags.Tag issueArea, Funnel funnel) {
	}

	public record HackathonOutcomes(String hackathonId, String slug, LocalizedText name, HackathonKind kind, int year,
			Funnel funnel) {
	}

	public Statistics statistics(@Nullable Filter filter, RollupCalculator.@Nullable View requested) {
		boolean organizer = this.currentUser.hasRole(Role.ORGANIZER);
		RollupCalculator.View view = (requested != null) ? requested
				: organizer ? RollupCalculator.View.ORGANIZER : RollupCalculator.View.PUBLIC;
		if (view == RollupCalculator.View.ORGANIZER && !organizer) {
			this.currentUser.requireId();
			throw DomainException.forbidden("Only organizers see the ORGANIZER statistics (with unverified outcomes "
					+ "and unpublished hackathons); ask for view PUBLIC.");
		}
		Filter f = (filter != null) ? filter : new Filter(null, null, null, null);
		String area = null;
		if (f.issueArea() != null && !f.issueArea().isBlank()) {
			area = this.tags.resolve(f.issueArea())
				.orElseThrow(() -> DomainException.badInput("filter.issueArea", Refusal.UNKNOWN_ISSUE_AREA, "value",
						f.issueArea(), "allowed", this.tags.ids()))
				.id();
		}
		if (f.fromYear() != null && f.toYear() != null && f.fromYear() > f.toYear()) {
			throw DomainException.badInput("filter.fromYear", Refusal.RANGE_ORDER, "from", f.fromYear(), "to",
					f.toYear());
		}
		OutcomeRollup rollup = this.mongo.findById(view.name(), OutcomeRollup.class);
		List<OutcomeRollup.Cell> cells = (rollup != null) ? rollup.cells() : List.of();
		List<OutcomeRollup.Cell> selected = new ArrayList<>();
		List<OutcomeRollup.Cell> areaCells = new ArrayList<>();
		for (OutcomeRollup.Cell cell : cells) {
			if ((f.kind() != null && cell.kind() != f.kind()) || (f.fromYear() != null && cell.year() < f.fromYear())
					|| (f.toYear() != null && cell.year() > f.toYear())) {
				continue;
			}
			if (cell.area() != null) {
				if (area == null || area.equals(cell.area())) {
					areaCells.add(cell);
				}
			}
			if ((area == null && cell.area() == null) || (area != null && area.equals(cell.area()))) {
				selected.add(cell);
			}
		}
		Map<Integer, Sums> byYear = group(selected, OutcomeRollup.Cell::year, new TreeMap<>());
		Map<HackathonKind, Sums> byKind = group(selected, OutcomeRollup.Cell::kind, new TreeMap<>());
		Map<String, Sums> byArea = group(areaCells, OutcomeRollup.Cell::area, new TreeMap<>());
		Map<String, Sums> byHackathon = group(selected, OutcomeRollup.Cell::hackathonId, new LinkedHashMap<>());
		Map<String, OutcomeRollup.Cell> hackathonInfo = new LinkedHashMap<>();
		selected.forEach((cell) -> hackathonInfo.putIfAbsent(cell.hackathonId(), cell));
		Sums total = new Sums();
		selected.forEach(total::add);
		List<HackathonOutcomes> hackathons = new ArrayList<>();
		byHackathon.forEach((id, sums) -> {
			OutcomeRollup.Cell info = hackathonInfo.get(id);
			hackathons
				.add(new HackathonOutcomes(id, info.slug(), info.name(), info.kind(), info.year(), sums.funnel()));
		});
		hackathons.sort(Comparator.comparingInt(HackathonOutcomes::year).thenComparing(HackathonOutcomes::slug));
		return new Statistics(view, (rollup != null) ? rollup.computedAt() : null, total.funnel(),
				byYear.entrySet().stream().map((e) -> new YearOutcomes(e.getKey(), e.getValue().funnel())).toList(),
				byKind.entrySet().stream().map((e) -> new KindOutcomes(e.getKey(), e.getValue().funnel())).toList(),
				byArea.entrySet()
					.stream()
					.map((e) -> new IssueAreaOutcomes(this.tags.label(e.getKey()), e.getValue().funnel()))
					.toList(),
				hackathons);
	}

	private static <K> Map<K, Sums> group(List<OutcomeRollup.Cell> cells, Function<OutcomeRollup.Cell, K> key,
			Map<K, Sums> into) {
		for (OutcomeRollup.Cell cell : cells) {
			into.computeIfAbsent(key.apply(cell), (k) -> new Sums()).add(cell);
		}
		return into;
	}

	/**
	 * Tracks by their hackathon's year and slug, the outstanding track first, then by
	 * slug.
	 */
	static final Comparator<TrackAwardCount> TRACK_ORDER = Comparator.comparingInt(TrackAwardCount::year)
		.thenComparing(TrackAwardCount::hackathonSlug)
		.thenComparing((TrackAwardCount t) -> !t.outstanding())
		.thenComparing(TrackAwardCount::slug);

	/** Sums of cells, and the funnel they give. */
	static final class Sums {

		private final int[] counts = new int[14];

		private final Map<String, BigDecimal> funding = new TreeMap<>();

		private final TreeMap<Integer, Integer> months = new TreeMap<>();

		private final Map<String, TrackAwardCount> tracks = new LinkedHashMap<>();

		void add(OutcomeRollup.Cell cell) {
			for (OutcomeRollup.TrackAwards track : cell.awards()) {
				this.tracks.merge(track.trackId(),
						new TrackAwardCount(track.trackId(), track.slug(),
								new LocalizedText(track.nameZhTW(), track.nameEn()), track.sponsor(),
								track.outstanding(), cell.hackathonId(), cell.slug(), cell.year(), track.awards()),
						(a, b) -> new TrackAwardCount(a.trackId(), a.slug(), a.name(), a.sponsor(), a.outstanding(),
								a.hackathonId(), a.hackathonSlug(), a.year(), a.awards() + b.awards()));
			}
			int[] values = { cell.proposals(), cell.teams(), cell.shortlisted(), cell.outstanding(), cell.notSelected(),
					cell.funded(), cell.adopted(), cell.integrated(), cell.outstandingFunded(),
					cell.outstandingAdopted(), cell.outstandingIntegrated(), cell.notSelectedFunded(),
					cell.notSelectedAdopted(), cell.notSelectedIntegrated() };
			for (int i = 0; i < values.length; i++) {
				this.counts[i] += values[i];
			}
			cell.fundingTotals()
				.forEach((currency, amount) -> this.funding.merge(currency, new BigDecimal(amount), BigDecimal::add));
			cell.adoptionMonths().forEach((m, count) -> this.months.merge(Integer.parseInt(m), count, Integer::sum));
		}

		Funnel funnel() {
			int proposals = this.counts[0];
			int[] stageCounts = { proposals, this.counts[1], this.counts[2], this.counts[3], this.counts[5],
					this.counts[6], this.counts[7] };
			List<Stage> stages = new ArrayList<>();
			for (int i = 0; i < STAGES.length; i++) {
				int within = WITHIN[i];
				Double rateWithin = (within < 0) ? null : rate(stageCounts[i], stageCounts[within]);
				stages.add(new Stage(STAGES[i], stageCounts[i], rate(stageCounts[i], proposals),
						(within < 0) ? null : STAGES[within], rateWithin,
						(within >= 0 && within == i - 1) ? rateWithin : null));
			}
			List<MoneyTotal> totals = new ArrayList<>();
			this.funding
				.forEach((currency, amount) -> totals.add(new MoneyTotal(currency, MilestoneDraft.canonical(amount))));
			return new Funnel(proposals, this.counts[1], this.counts[2], this.counts[3], this.counts[4], this.counts[5],
					this.counts[6], this.counts[7], stages, totals, median(this.months),
					new Comparison(group(this.counts[3], 8), group(this.counts[4], 11)),
					this.tracks.values().stream().mapToInt(TrackAwardCount::awards).sum(),
					this.tracks.values().stream().sorted(TRACK_ORDER).toList());
		}

		private Group group(int count, int offset) {
			return new Group(count, this.counts[offset], this.counts[offset + 1], this.counts[offset + 2],
					rate(this.counts[offset], count), rate(this.counts[offset + 1], count),
					rate(this.counts[offset + 2], count));
		}

	}

	static @Nullable Double rate(int count, int of) {
		return (of == 0) ? null : count / (double) of;
	}

	/**
	 * The median of a histogram (value → how often): the middle value, or the mean of the
	 * two middle values.
	 */
	static @Nullable Double median(TreeMap<Integer, Integer> histogram) {
		long n = histogram.values().stream().mapToLong(Integer::longValue).sum();
		if (n == 0) {
			return null;
		}
		long lower = (n - 1) / 2;
		long upper = n / 2;
		Integer lowerValue = null;
		Integer upperValue = null;
		long seen = 0;
		for (Map.Entry<Integer, Integer> entry : histogram.entrySet()) {
			long next = seen + entry.getValue();
			if (lowerValue == null && lower < next) {
				lowerValue = entry.getKey();
			}
			if (upperValue == null && upper < next) {
				upperValue = entry.getKey();
				break;
			}
			seen = next;
		}
		return (lowerValue + upperValue) / 2.0;
	}

}
