package org.hacktrail.judging.result;

import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.award.AwardTrack;
import org.hacktrail.judging.award.AwardTrackService;
import org.hacktrail.judging.award.RoundAwards;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for the selection of award tracks' winners and the awards as published. */
@Controller
class AwardResultsController {

	private final TrackSelections selections;

	private final PublishedAwards published;

	private final AwardTrackService tracks;

	private final ProposalLookup proposals;

	private final MongoTemplate mongo;

	AwardResultsController(TrackSelections selections, PublishedAwards published, AwardTrackService tracks,
			ProposalLookup proposals, MongoTemplate mongo) {
		this.selections = selections;
		this.published = published;
		this.tracks = tracks;
		this.proposals = proposals;
		this.mongo = mongo;
	}

	record SelectTrackWinnersPayload(RoundService.RoundContext round) {
	}

	/** GraphQL's PublishedAward. */
	record PublishedAwardView(AwardTrack track, LocalizedText name, @Nullable String sponsor,
			AwardTrack.@Nullable SponsorKind sponsorKind, int quota, List<String> winnerIds, Selection selection) {
	}

	@MutationMapping
	SelectTrackWinnersPayload selectTrackWinners(@Argument TrackSelections.SelectTrackWinnersInput input) {
		return new SelectTrackWinnersPayload(this.selections.select(input));
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable List<PublishedAwardView> publishedAwards(RoundService.RoundContext round) {
		if (round.judging().status() != RoundStatus.PUBLISHED) {
			return null;
		}
		PublishedRound snapshot = this.mongo.findById(round.round().id(), PublishedRound.class);
		if (snapshot == null) {
			return null;
		}
		Map<String, AwardTrack> byId = new java.util.HashMap<>();
		this.tracks.tracks(round.hackathon()).forEach((t) -> byId.put(t.id(), t));
		List<RoundAwards.PublishedAward> awards = this.published.of(round.hackathon().id(), List.of(snapshot))
			.getOrDefault(snapshot.id(), List.of());
		return awards.stream()
			.map((a) -> new PublishedAwardView(
					byId.getOrDefault(a.trackId(), AwardTrack.outstanding(round.hackathon())), a.name(), a.sponsor(),
					a.sponsorKind(), a.quota(), a.winners(), a.selection()))
			.toList();
	}

	@SchemaMapping(typeName = "PublishedAward")
	List<Proposal> winners(PublishedAwardView award) {
		Map<String, Proposal> found = this.proposals.byIds(award.winnerIds());
		return award.winnerIds().stream().filter(found::containsKey).map(found::get).toList();
	}

}
