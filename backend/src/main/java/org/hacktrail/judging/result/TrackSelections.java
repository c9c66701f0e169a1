package org.hacktrail.judging.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.WrittenReason;
import org.hacktrail.judging.award.AwardTrack;
import org.hacktrail.judging.award.RoundAwards;
import org.hacktrail.judging.award.RoundAwardsService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Selecting the winners of an award track in a CLOSED round, and what publishing needs of
 * the round's tracks.
 *
 * <p>
 * A track ranks the round's ranking restricted to its eligible proposals (unranked ones
 * are not proposed); its top {@code min(quota, eligible ranked)} are proposed. As in the
 * round's own selection ({@link PublicationService}): exactly those is TOP_N; when a tie
 * straddles the track's quota, choosing among the tied ones is TIE_RESOLVED with a
 * reason; anything else (other eligible proposals, more or fewer with
 * {@code quotaOverride}) is an OVERRIDE with a published justification. Only eligible
 * proposals of the round can win. A proposal can win several tracks. The outstanding
 * track's selection is the round's own ({@code selectProposals}).
 */
@Service
public class TrackSelections {

	private final PublicationService publication;

	private final RoundService rounds;

	private final RoundAwardsService awards;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	private final AuditLog audit;

	private final Clock clock;

	TrackSelections(PublicationService publication, RoundService rounds, RoundAwardsService awards,
			ProposalLookup proposals, JudgingAccess access, AuditLog audit, Clock clock) {
		this.publication = publication;
		this.rounds = rounds;
		this.awards = awards;
		this.proposals = proposals;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public record SelectTrackWinnersInput(String roundId, String trackId, @Nullable List<String> proposalIds,
			@Nullable String justification, @Nullable String tieResolution, @Nullable Boolean quotaOverride,
			@Nullable Integer expectedVersion) {
	}

	/**
	 * A track's proposals in ranking order: the proposed ones, and the ties at the cut.
	 */
	record TrackRanking(List<String> eligible, List<String> topN, @Nullable List<String> tiedAtCut, int cut) {
	}

	static TrackRanking rank(AwardTrack track, List<String> roundProposals, List<RankedProposal> ranking,
			Map<String, Proposal> found) {
		List<String> eligible = roundProposals.stream()
			.filter((id) -> found.containsKey(id) && track.eligible(found.get(id)))
			.toList();
		Set<String> eligibleSet = new HashSet<>(eligible);
		List<RankedProposal> ranked = ranking.stream().filter((r) -> eligibleSet.contains(r.proposalId())).toList();
		int cut = Math.min(track.quota(), ranked.size());
		List<String> topN = new ArrayList<>(ranked.subList(0, cut).stream().map(RankedProposal::proposalId).toList());
		List<String> tied = null;
		if (cut > 0 && ranked.size() > cut && ranked.get(cut).rank() == ranked.get(cut - 1).rank()) {
			int rank = ranked.get(cut - 1).rank();
			tied = ranked.stream().filter((r) -> r.rank() == rank).map(RankedProposal::proposalId).toList();
			for (String id : tied) {
				if (!topN.contains(id)) {
					topN.add(id);
				}
			}
		}
		return new TrackRanking(eligible, topN, tied, cut);
	}

	public RoundService.RoundContext select(SelectTrackWinnersInput input) {
		String me = this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(input.roundId());
		JudgingRound round = context.judging();
		RoundAwardsService.RoundTracks fed = this.awards.roundTracks(context);
		AwardTrack track = fed.tracks()
			.stream()
			.filter((t) -> t.id().equals(input.trackId()))
			.findFirst()
			.orElseThrow(() -> new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round does not feed the track '" + input.trackId()
							+ "'; add it to the round's tracks first (configureRoundAwardTracks).",
					Map.of("field", "trackId")));
		if (track.isOutstanding()) {
			throw DomainException.badInput("trackId", Refusal.OUTSTANDING_BY_ROUND);
		}
		if (round.status() != RoundStatus.CLOSED) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					(round.status() == RoundStatus.PUBLISHED) ? "The round is PUBLISHED; its awards no longer change."
							: "Select a track's winners when the round is CLOSED (the ranking final); it is "
									+ round.status() + ".",
					Map.of("status", round.status().name()));
		}
		if (input.expectedVersion() != null && input.expectedVersion().longValue() != fed.awards().apiVersion()) {
			throw new OptimisticLockingFailureException("Round awards " + round.id() + " changed");
		}
		PublicationService.Ranked computed = this.publication.compute(context);
		Map<String, Proposal> found = this.proposals.byIds(computed.proposalIds());
		TrackRanking ranking = rank(track, computed.proposalIds(), computed.result().ranking(), found);
		Set<String> chosen = new LinkedHashSet<>();
		for (String id : (input.proposalIds() != null) ? input.proposalIds() : List.<String>of()) {
			if (id == null || !computed.proposalIds().contains(id)) {
				throw DomainException.badInput("proposalIds", Refusal.NOT_IN_ROUND, "value", id);
			}
			if (!ranking.eligible().contains(id)) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"'" + id + "' is not eligible for the track '" + track.slug() + "' (" + track.eligibility()
								+ "); only its eligible proposals can win it.",
						Map.of("field", "proposalIds", "proposalId", id, "eligible", ranking.eligible()));
			}
			if (!chosen.add(id)) {
				throw DomainException.badInput("proposalIds", Refusal.DUPLICATE, "value", id);
			}
		}
		FreeText.check(input.justification(), "justification", FreeText.Kind.TEXT);
		FreeText.check(input.tieResolution(), "tieResolution", FreeText.Kind.TEXT);
		int cut = ranking.cut();
		boolean quotaOverride = Boolean.TRUE.equals(input.quotaOverride());
		if (chosen.size() != cut && !quotaOverride) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The track '" + track.slug() + "' awards " + cut + " proposal" + ((cut == 1) ? "" : "s")
							+ " here and this selection has " + chosen.size()
							+ ". To select more or fewer, say so (quotaOverride: true) and write why (justification).",
					Map.of("field", "quotaOverride", "rule", "QUOTA", "cut", cut, "selected", chosen.size()));
		}
		if (quotaOverride && chosen.size() == cut) {
			throw DomainException.badInput("quotaOverride", Refusal.QUOTA_OVERRIDE_NOT_NEEDED, "cut", cut);
		}
		Selection.Kind kind;
		String justification = null;
		String tieReason = null;
		List<String> tied = ranking.tiedAtCut();
		if (tied == null && chosen.equals(new HashSet<>(ranking.topN()))) {
			kind = Selection.Kind.TOP_N;
		}
		else if (tied != null && chosen.size() == cut && ranking.topN().containsAll(chosen)) {
			kind = Selection.Kind.TIE_RESOLVED;
			tieReason = WrittenReason.require(
					input.tieResolution(), "tieResolution", "why you chose these among the eligible proposals " + tied
							+ ", tied across the track's quota of " + cut + "; it is recorded and published",
					Map.of("tied", tied));
		}
		else {
			kind = Selection.Kind.OVERRIDE;
			justification = WrittenReason.require(
					input.justification(), "justification", "why this selection differs from the track's top " + cut
							+ " " + ranking.topN() + "; it is published with the results",
					Map.of("topN", ranking.topN()));
		}
		Instant now = this.clock.instant();
		Selection selection = new Selection(new ArrayList<>(chosen), kind, justification, tieReason, ranking.topN(),
				computed.fingerprint(), me, now);
		this.awards.select(context, track.id(), selection);
		if (kind == Selection.Kind.OVERRIDE) {
			this.audit.record(AuditEventType.OVERRIDE_APPLIED, me, "judgingRound", round.id(),
					Map.of("hackathon", round.hackathonId(), "track", track.id(), "selected", String.join(",", chosen),
							"topN", String.join(",", ranking.topN()), "justification", justification));
		}
		return this.rounds.require(round.id());
	}

	/**
	 * Why the round's tracks other than the outstanding one cannot be published with this
	 * ranking (empty when they can).
	 */
	static List<CodedText> blockers(RoundAwardsService.RoundTracks fed, String fingerprint) {
		List<CodedText> blockers = new ArrayList<>();
		for (AwardTrack track : fed.tracks()) {
			if (track.isOutstanding()) {
				continue;
			}
			Selection selection = fed.awards().selectionOf(track.id());
			if (selection == null) {
				blockers.add(new CodedText(PublicationText.TRACK_SELECTION_MISSING, List.of(trackName(track)),
						"Select the winners of the track '" + track.slug() + "' (selectTrackWinners) before "
								+ "publishing."));
			}
			else if (!selection.inputFingerprint().equals(fingerprint)) {
				blockers.add(new CodedText(PublicationText.TRACK_SELECTION_STALE, List.of(trackName(track)),
						"The ranking changed since the winners of the track '" + track.slug()
								+ "' were selected; select them again."));
			}
		}
		return blockers;
	}

	/** The track's name in both languages, for a blocker's sentence (#17). */
	private static MessageArg trackName(AwardTrack track) {
		String primary = track.name().primary();
		return MessageArg.localized("track", (primary != null) ? primary : track.slug(), track.name().zhTW(),
				track.name().en());
	}

}
