package org.hacktrail.judging.result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.proposal.ProposalStatus;

/**
 * What stops a round's publication, and what publishing could not do, as codes with their
 * values beside the English (issue #17): the preview's blockers, the refusals of
 * {@code publishRound} ({@code extensions.rule} is the same code) and the proposals
 * publishing could not move. The panel says each code from its catalogs.
 */
final class PublicationText {

	/** The round is PUBLISHED already. */
	static final String ALREADY_PUBLISHED = "ALREADY_PUBLISHED";

	/** The round is not CLOSED; {@code status}: DRAFT or OPEN. */
	static final String ROUND_NOT_CLOSED = "ROUND_NOT_CLOSED";

	/** The round has no assignment of judges, so nothing to rank. */
	static final String RANKING_NO_ASSIGNMENT = "RANKING_NO_ASSIGNMENT";

	/** The round has no rubric, so nothing to rank. */
	static final String RANKING_NO_RUBRIC = "RANKING_NO_RUBRIC";

	/** The ranking cannot be computed for another reason (the English says which). */
	static final String RANKING_UNAVAILABLE = "RANKING_UNAVAILABLE";

	/** No selection yet. */
	static final String SELECTION_MISSING = "SELECTION_MISSING";

	/** The ranking changed since the selection was made. */
	static final String SELECTION_STALE = "SELECTION_STALE";

	/** A FINAL round, while the hackathon is not JUDGING; {@code phase}. */
	static final String FINAL_NOT_JUDGING = "FINAL_NOT_JUDGING";

	/** An award track of the round has no selection of winners; {@code track}. */
	static final String TRACK_SELECTION_MISSING = "TRACK_SELECTION_MISSING";

	/** The ranking changed since a track's winners were selected; {@code track}. */
	static final String TRACK_SELECTION_STALE = "TRACK_SELECTION_STALE";

	/**
	 * A proposal publishing could not move; {@code to}, and {@code from} (its status) and
	 * {@code rule} when known.
	 */
	static final String PROPOSAL_NOT_MOVED = "PROPOSAL_NOT_MOVED";

	private PublicationText() {
	}

	/**
	 * A proposal publishing could not move (e.g. withdrawn meanwhile), with why.
	 *
	 * @param proposalId the proposal
	 * @param code why, as a code ({@link #PROPOSAL_NOT_MOVED})
	 * @param args the code's values
	 * @param message why, in English
	 */
	record Problem(String proposalId, String code, List<MessageArg> args, String message) {

		/** As {@code PublishRoundPayload.problems} always said it. */
		String english() {
			return this.proposalId + ": " + this.message;
		}

	}

	static CodedText alreadyPublished() {
		return CodedText.of(ALREADY_PUBLISHED, "The round is already PUBLISHED.");
	}

	static CodedText notClosed(RoundStatus status) {
		return new CodedText(ROUND_NOT_CLOSED, List.of(MessageArg.of("status", status)),
				"The round is " + status + ((status == RoundStatus.OPEN) ? "; close it and select before publishing."
						: "; open it, let the judges score, close it and select before publishing."));
	}

	static CodedText selectionMissing() {
		return CodedText.of(SELECTION_MISSING, "Select the proposals (selectProposals) before publishing.");
	}

	static CodedText selectionStale() {
		return CodedText.of(SELECTION_STALE,
				"The ranking changed since the selection was made; review it and select again.");
	}

	static CodedText finalNotJudging(HackathonPhase phase) {
		return new CodedText(FINAL_NOT_JUDGING, List.of(MessageArg.of("phase", phase)),
				"Final results are published while the hackathon is JUDGING; it is " + phase + ".");
	}

	/** Why the ranking cannot be computed, from the refusal of the ranking's service. */
	static CodedText notRanked(DomainException ex) {
		Object rule = ex.details().get("rule");
		String code = "rankingNoAssignment".equals(rule) ? RANKING_NO_ASSIGNMENT
				: "rankingNoRubric".equals(rule) ? RANKING_NO_RUBRIC : RANKING_UNAVAILABLE;
		return CodedText.of(code, ex.getMessage());
	}

	static Problem notMoved(String proposalId, ProposalStatus to, DomainException ex) {
		List<MessageArg> args = new java.util.ArrayList<>();
		args.add(MessageArg.of("to", to));
		for (String name : List.of("from", "rule")) {
			Object value = ex.details().get(name);
			if (value != null) {
				args.add(MessageArg.of(name, value));
			}
		}
		return new Problem(proposalId, PROPOSAL_NOT_MOVED, List.copyOf(args), ex.getMessage());
	}

	/**
	 * A refusal of {@code publishRound}: the code becomes {@code extensions.rule}, beside
	 * the other details.
	 */
	static DomainException refused(ErrorCode code, CodedText text, Map<String, Object> details) {
		Map<String, Object> all = new HashMap<>(details);
		all.put("rule", text.code());
		return new DomainException(code, text.message(), all);
	}

}
