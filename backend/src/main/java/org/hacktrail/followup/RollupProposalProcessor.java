package org.hacktrail.followup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.judging.AwardFacts;
import org.hacktrail.proposal.ProposalFacts;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The funnel facts of a proposal (hackathon, project, status, team size, tags, statuses
 * reached, awards won); DRAFTs and proposals of DRAFT (or unknown) hackathons are
 * filtered out. Hackathons are looked up by id ({@link HackathonFacts}) and the last
 * {@link #HACKATHONS_KEPT} kept: a service has few, but the cache stays bounded if it has
 * many.
 */
class RollupProposalProcessor implements ItemProcessor<ProposalFacts.Summary, RollupProposal> {

	static final int HACKATHONS_KEPT = 1_000;

	private final HackathonFacts facts;

	private final Cache<String, Optional<HackathonFacts.Edition>> hackathons = Caffeine.newBuilder()
		.maximumSize(HACKATHONS_KEPT)
		.build();

	private final AwardFacts awardFacts;

	/** The published awards of the last hackathons met, by proposal. */
	private final Cache<String, Map<String, List<AwardFacts.Award>>> awards = Caffeine.newBuilder()
		.maximumSize(HACKATHONS_KEPT)
		.build();

	RollupProposalProcessor(HackathonFacts facts, AwardFacts awardFacts) {
		this.facts = facts;
		this.awardFacts = awardFacts;
	}

	@Override
	public @Nullable RollupProposal process(ProposalFacts.Summary proposal) {
		HackathonFacts.Edition hackathon = this.hackathons
			.get(proposal.hackathonId(), (id) -> Optional.ofNullable(this.facts.byIds(List.of(id)).get(id)))
			.orElse(null);
		// Only hackathons past DRAFT are counted: their awards are read once each.
		List<AwardFacts.Award> published = (hackathon != null && hackathon.phase() != HackathonPhase.DRAFT)
				? this.awards.get(hackathon.id(), (id) -> {
					Map<String, List<AwardFacts.Award>> byProposal = new HashMap<>();
					this.awardFacts.awardsOf(id)
						.forEach((a) -> byProposal.computeIfAbsent(a.proposalId(), (k) -> new ArrayList<>()).add(a));
					return byProposal;
				}).getOrDefault(proposal.id(), List.of()) : List.of();
		return rollupProposal(proposal, hackathon, published);
	}

	/**
	 * The funnel facts of a proposal; null for a DRAFT, or a proposal of a DRAFT (or
	 * unknown) hackathon.
	 * @param published the awards its hackathon's published rounds give it
	 */
	static @Nullable RollupProposal rollupProposal(ProposalFacts.Summary proposal,
			HackathonFacts.@Nullable Edition hackathon, List<AwardFacts.Award> published) {
		ProposalStatus status = proposal.status();
		if (hackathon == null || hackathon.phase() == HackathonPhase.DRAFT || status == ProposalStatus.DRAFT) {
			return null;
		}
		boolean team = proposal.teamSize() > 1 || proposal.reached().contains(ProposalStatus.TEAM_FORMING);
		boolean shortlisted = proposal.reached()
			.stream()
			.anyMatch(StatisticsRollupJobConfiguration.SHORTLISTED::contains);
		return new RollupProposal(proposal.id(), hackathon.id(), hackathon.slug(), hackathon.name(), hackathon.kind(),
				hackathon.firstDay().getYear(), hackathon.firstDay(), hackathon.lastDay(),
				StatisticsRollupJobConfiguration.PUBLISHED.contains(hackathon.phase()), proposal.projectId(),
				proposal.tags(), team, shortlisted, status == ProposalStatus.OUTSTANDING,
				status == ProposalStatus.NOT_SELECTED,
				OpenDataExport.PublicProposal.awards(proposal.id(), hackathon.id(), status, published));
	}

}
