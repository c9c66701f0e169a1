package org.hacktrail.judging.award;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for award tracks and the tracks a round feeds. */
@Controller
class AwardTrackController {

	private final AwardTrackService tracks;

	private final RoundAwardsService roundAwards;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	private final JudgePanelService panel;

	AwardTrackController(AwardTrackService tracks, RoundAwardsService roundAwards, RoundService rounds,
			ProposalLookup proposals, JudgingAccess access, JudgePanelService panel) {
		this.panel = panel;
		this.tracks = tracks;
		this.roundAwards = roundAwards;
		this.rounds = rounds;
		this.proposals = proposals;
		this.access = access;
	}

	record AwardTrackPayload(AwardTrack track) {
	}

	record DeleteAwardTrackPayload(String trackId) {
	}

	record ConfigureRoundAwardTracksInput(String roundId, @Nullable List<String> trackIds,
			@Nullable Integer expectedVersion) {
	}

	record ConfigureRoundAwardTracksPayload(RoundService.RoundContext round) {
	}

	record DedicateRoundToTrackInput(String roundId, @Nullable String trackId, @Nullable Integer expectedVersion) {
	}

	record DedicateRoundToTrackPayload(RoundService.RoundContext round) {
	}

	/** One track of a round, as GraphQL's RoundAwardTrack. */
	record RoundAwardTrack(AwardTrack track, int quota, RoundService.RoundContext round,
			@Nullable Selection roundSelection) {
	}

	@QueryMapping
	@Nullable AwardTrack awardTrack(@Argument String id) {
		try {
			return this.tracks.require(id);
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	@MutationMapping
	AwardTrackPayload createAwardTrack(@Argument AwardTrackService.CreateAwardTrackInput input) {
		return new AwardTrackPayload(this.tracks.create(input));
	}

	@MutationMapping
	AwardTrackPayload updateAwardTrack(@Argument AwardTrackService.UpdateAwardTrackInput input) {
		return new AwardTrackPayload(this.tracks.update(input));
	}

	@MutationMapping
	DeleteAwardTrackPayload deleteAwardTrack(@Argument AwardTrackService.DeleteAwardTrackInput input) {
		this.tracks.delete(input);
		return new DeleteAwardTrackPayload(input.trackId());
	}

	@MutationMapping
	ConfigureRoundAwardTracksPayload configureRoundAwardTracks(@Argument ConfigureRoundAwardTracksInput input) {
		RoundAwardsService.RoundTracks configured = this.roundAwards.configure(input.roundId(), input.trackIds(),
				input.expectedVersion());
		return new ConfigureRoundAwardTracksPayload(this.rounds.require(configured.context().round().id()));
	}

	@MutationMapping
	DedicateRoundToTrackPayload dedicateRoundToTrack(@Argument DedicateRoundToTrackInput input) {
		RoundAwardsService.RoundTracks dedicated = this.roundAwards.dedicate(input.roundId(), input.trackId(),
				input.expectedVersion());
		return new DedicateRoundToTrackPayload(this.rounds.require(dedicated.context().round().id()));
	}

	@SchemaMapping(typeName = "Hackathon")
	List<AwardTrack> awardTracks(Hackathon hackathon) {
		return this.tracks.tracks(hackathon);
	}

	// ---- AwardTrack

	@SchemaMapping(typeName = "AwardTrack")
	boolean outstanding(AwardTrack track) {
		return track.isOutstanding();
	}

	@SchemaMapping(typeName = "AwardTrack")
	long version(AwardTrack track) {
		return track.apiVersion();
	}

	@SchemaMapping(typeName = "AwardTrack")
	@Nullable List<String> judgeIds(AwardTrack track) {
		return this.access.isOrganizer() ? track.judgeIds() : null;
	}

	@SchemaMapping(typeName = "AwardTrack")
	@Nullable List<Judge> ownJudges(AwardTrack track) {
		if (!this.access.isOrganizer()) {
			return null;
		}
		Map<String, Judge> byId = new HashMap<>();
		this.panel.judgesOf(track.hackathonId()).forEach((j) -> byId.put(j.id(), j));
		return track.judgeIds().stream().filter(byId::containsKey).map(byId::get).toList();
	}

	@SchemaMapping(typeName = "AwardTrack")
	RoundService.@Nullable RoundContext dedicatedRound(AwardTrack track) {
		return this.roundAwards.dedicatedRound(track);
	}

	// ---- JudgingRound

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable AwardTrack dedicatedTrack(RoundService.RoundContext round) {
		return this.roundAwards.dedicatedTrack(round);
	}

	@SchemaMapping(typeName = "JudgingRound", field = "awardTracks")
	List<RoundAwardTrack> roundAwardTracks(RoundService.RoundContext round) {
		RoundAwardsService.RoundTracks fed = this.roundAwards.roundTracks(round);
		List<RoundAwardTrack> result = new ArrayList<>();
		int cut = RoundService.cut(round.hackathon(), round.judging());
		for (AwardTrack track : fed.tracks()) {
			result.add(new RoundAwardTrack(track, track.isOutstanding() ? cut : track.quota(), round,
					fed.selectionOf(track)));
		}
		return result;
	}

	@SchemaMapping(typeName = "JudgingRound")
	long awardTracksVersion(RoundService.RoundContext round) {
		return this.roundAwards.awards(round).apiVersion();
	}

	// ---- RoundAwardTrack

	@SchemaMapping(typeName = "RoundAwardTrack")
	@Nullable List<String> eligibleProposalIds(RoundAwardTrack entry) {
		if (!this.access.isOrganizer()) {
			return null;
		}
		List<String> candidates;
		try {
			candidates = this.rounds.candidates(entry.round());
		}
		catch (DomainException ex) {
			return null;
		}
		Map<String, Proposal> found = this.proposals.byIds(candidates);
		return candidates.stream()
			.filter((id) -> found.containsKey(id) && entry.track().eligible(found.get(id)))
			.toList();
	}

	@SchemaMapping(typeName = "RoundAwardTrack")
	@Nullable List<Proposal> eligibleProposals(RoundAwardTrack entry) {
		List<String> ids = eligibleProposalIds(entry);
		if (ids == null) {
			return null;
		}
		Map<String, Proposal> found = this.proposals.byIds(ids);
		return ids.stream().filter(found::containsKey).map(found::get).toList();
	}

	@SchemaMapping(typeName = "RoundAwardTrack")
	@Nullable Selection selection(RoundAwardTrack entry) {
		if (entry.round().judging().status() != RoundStatus.PUBLISHED && !this.access.isOrganizer()) {
			return null;
		}
		return entry.roundSelection();
	}

}
