package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The funnel facts of a proposal (a projection: hackathon, project, status, team size,
 * tags, statuses reached); DRAFTs and proposals of DRAFT (or unknown) hackathons are
 * filtered out. Hackathons are looked up by id and the last {@link #HACKATHONS_KEPT}
 * kept: a service has few, but the cache stays bounded if it has many.
 */
class RollupProposalProcessor implements ItemProcessor<Document, RollupProposal> {

	static final int HACKATHONS_KEPT = 1_000;

	private final MongoTemplate mongo;

	private final Cache<String, Optional<Hackathon>> hackathons = Caffeine.newBuilder()
		.maximumSize(HACKATHONS_KEPT)
		.build();

	RollupProposalProcessor(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public @Nullable RollupProposal process(Document proposal) {
		String hackathonId = proposal.getString("hackathonId");
		Hackathon hackathon = this.hackathons
			.get(hackathonId, (id) -> Optional.ofNullable(this.mongo.findById(id, Hackathon.class)))
			.orElse(null);
		return rollupProposal(proposal, hackathon);
	}

	/**
	 * The funnel facts of a proposal; null for a DRAFT, or a proposal of a DRAFT (or
	 * unknown) hackathon.
	 */
	static @Nullable RollupProposal rollupProposal(Document proposal, @Nullable Hackathon hackathon) {
		ProposalStatus status = ProposalStatus.valueOf(proposal.getString("status"));
		if (hackathon == null || hackathon.phase() == HackathonPhase.DRAFT || status == ProposalStatus.DRAFT) {
			return null;
		}
		Set<ProposalStatus> reached = EnumSet.of(status);
		Object history = proposal.get("history");
		if (history instanceof List<?> changes) {
			for (Object change : changes) {
				if (change instanceof Document document && document.getString("to") != null) {
					reached.add(ProposalStatus.valueOf(document.getString("to")));
				}
			}
		}
		Number teamSize = (Number) proposal.get("teamSize");
		boolean team = (teamSize != null && teamSize.intValue() > 1) || reached.contains(ProposalStatus.TEAM_FORMING);
		boolean shortlisted = reached.stream().anyMatch(StatisticsRollupJobConfiguration.SHORTLISTED::contains);
		List<String> tags = new ArrayList<>();
		if (proposal.get("tags") instanceof List<?> list) {
			list.forEach((tag) -> tags.add(tag.toString()));
		}
		LocalDate start = hackathon.startsAt().atZone(hackathon.zone()).toLocalDate();
		LocalDate end = hackathon.endsAt().atZone(hackathon.zone()).toLocalDate();
		return new RollupProposal(proposal.get("_id").toString(), hackathon.id(), hackathon.slug(), hackathon.name(),
				hackathon.kind(), start.getYear(), start, end,
				StatisticsRollupJobConfiguration.PUBLISHED.contains(hackathon.phase()), proposal.getString("projectId"),
				tags, team, shortlisted, status == ProposalStatus.OUTSTANDING, status == ProposalStatus.NOT_SELECTED);
	}

}
