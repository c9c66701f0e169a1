package org.hacktrail.judging.panel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for the judge panel and conflicts of interest. Rules and rights live in
 * {@link JudgePanelService} and {@link ConflictService}.
 */
@Controller
class PanelController {

	private final JudgePanelService panel;

	private final ConflictService conflicts;

	private final HackathonService hackathons;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	PanelController(JudgePanelService panel, ConflictService conflicts, HackathonService hackathons,
			ProposalLookup proposals, JudgingAccess access) {
		this.panel = panel;
		this.conflicts = conflicts;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.access = access;
	}

	@QueryMapping
	List<JudgeInvitation> judgeInvitations(@Argument String hackathonSlug) {
		return this.panel.invitations(this.hackathons.requireVisibleBySlug(hackathonSlug));
	}

	@QueryMapping
	List<JudgeInvitation> myJudgeInvitations() {
		return this.panel.myInvitations();
	}

	@QueryMapping
	List<Judge> judges(@Argument String hackathonSlug) {
		return this.panel.judges(this.hackathons.requireVisibleBySlug(hackathonSlug));
	}

	@QueryMapping
	@Nullable Judge myJudgeRecord(@Argument String hackathonSlug) {
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(hackathonSlug);
		return this.access.myJudge(hackathon.id()).orElse(null);
	}

	@QueryMapping
	List<ConflictService.LogEntry> conflictLog(@Argument String hackathonSlug) {
		return this.conflicts.log(this.hackathons.requireVisibleBySlug(hackathonSlug));
	}

	record InviteJudgePayload(JudgeInvitation invitation, String token, String acceptPath) {
	}

	record RevokeJudgeInvitationInput(String invitationId) {
	}

	record RevokeJudgeInvitationPayload(JudgeInvitation invitation) {
	}

	record AcceptJudgeInvitationInput(@Nullable String token, @Nullable String invitationId) {
	}

	record AcceptJudgeInvitationPayload(Judge judge) {
	}

	record UpdateJudgePayload(Judge judge) {
	}

	record DropJudgeInput(String judgeId, @Nullable String reason, @Nullable Boolean voidSubmittedSheets,
			@Nullable String voidReason) {
	}

	record DropJudgePayload(Judge judge, List<DroppedRound> rounds) {
	}

	/**
	 * A round of a drop's answer, its proposal ids wrapped so they resolve a proposal.
	 */
	record DroppedRound(String roundId, List<DroppedProposal> kept, List<DroppedProposal> voided,
			List<ReassignedProposal> reassigned, List<DroppedProposal> notReassigned) {

		static DroppedRound of(String hackathonId, DroppedJudgeWork.RoundOutcome outcome) {
			return new DroppedRound(outcome.roundId(), DroppedProposal.of(outcome.kept()),
					DroppedProposal.of(outcome.voided()),
					outcome.reassigned()
						.stream()
						.map((r) -> new ReassignedProposal(r.proposalId(),
								r.toJudgeUserIds().stream().map((u) -> Judge.idOf(hackathonId, u)).toList(),
								r.droppedSheet()))
						.toList(),
					DroppedProposal.of(outcome.notReassigned()));
		}

	}

	record DroppedProposal(String proposalId) {

		static List<DroppedProposal> of(List<String> proposalIds) {
			return proposalIds.stream().map(DroppedProposal::new).toList();
		}

	}

	/**
	 * @param toJudgeIds judge record ids
	 */
	record ReassignedProposal(String proposalId, List<String> toJudgeIds, @Nullable String droppedSheet) {
	}

	record DeclareConflictInput(String hackathonId, String proposalId, @Nullable ConflictReason reason,
			@Nullable String comment) {
	}

	record DeclareConflictPayload(Judge judge) {
	}

	record AddConflictInput(String judgeId, String proposalId, @Nullable ConflictReason reason,
			@Nullable String comment) {
	}

	record AddConflictPayload(Judge judge) {
	}

	record ClearConflictInput(String judgeId, String proposalId, @Nullable String comment) {
	}

	record ClearConflictPayload(Judge judge) {
	}

	record DetectConflictsInput(String hackathonId) {
	}

	record DetectConflictsPayload(int found, List<Judge> judges) {
	}

	@MutationMapping
	InviteJudgePayload inviteJudge(@Argument JudgePanelService.InviteJudgeInput input) {
		JudgePanelService.IssuedInvitation issued = this.panel.invite(input);
		return new InviteJudgePayload(issued.invitation(), issued.token(),
				"/judging/invitations/accept?token=" + issued.token());
	}

	@MutationMapping
	RevokeJudgeInvitationPayload revokeJudgeInvitation(@Argument RevokeJudgeInvitationInput input) {
		return new RevokeJudgeInvitationPayload(this.panel.revoke(input.invitationId()));
	}

	@MutationMapping
	AcceptJudgeInvitationPayload acceptJudgeInvitation(@Argument AcceptJudgeInvitationInput input) {
		return new AcceptJudgeInvitationPayload(this.panel.accept(input.token(), input.invitationId()));
	}

	@MutationMapping
	UpdateJudgePayload updateJudge(@Argument JudgePanelService.UpdateJudgeInput input) {
		return new UpdateJudgePayload(this.panel.update(input));
	}

	@MutationMapping
	DropJudgePayload dropJudge(@Argument DropJudgeInput input) {
		JudgePanelService.Dropped dropped = this.panel.drop(input.judgeId(), input.reason(),
				input.voidSubmittedSheets(), input.voidReason());
		return new DropJudgePayload(dropped.judge(),
				dropped.rounds()
					.stream()
					.map((round) -> DroppedRound.of(dropped.judge().hackathonId(), round))
					.toList());
	}

	@MutationMapping
	DeclareConflictPayload declareConflict(@Argument DeclareConflictInput input) {
		return new DeclareConflictPayload(
				this.conflicts.declare(input.hackathonId(), input.proposalId(), input.reason(), input.comment()));
	}

	@MutationMapping
	AddConflictPayload addConflict(@Argument AddConflictInput input) {
		return new AddConflictPayload(
				this.conflicts.add(input.judgeId(), input.proposalId(), input.reason(), input.comment()));
	}

	@MutationMapping
	ClearConflictPayload clearConflict(@Argument ClearConflictInput input) {
		return new ClearConflictPayload(this.conflicts.clear(input.judgeId(), input.proposalId(), input.comment()));
	}

	@MutationMapping
	DetectConflictsPayload detectConflicts(@Argument DetectConflictsInput input) {
		Hackathon hackathon = this.hackathons.find(input.hackathonId());
		int found = this.conflicts.detect(hackathon.id());
		return new DetectConflictsPayload(found, this.panel.judgesOf(hackathon.id()));
	}

	// ---- fields

	@BatchMapping(typeName = "Judge")
	Map<Judge, Hackathon> hackathon(List<Judge> judges) {
		return hackathonsOf(judges, Judge::hackathonId);
	}

	@BatchMapping(typeName = "JudgeInvitation", field = "hackathon")
	Map<JudgeInvitation, Hackathon> invitationHackathon(List<JudgeInvitation> invitations) {
		return hackathonsOf(invitations, JudgeInvitation::hackathonId);
	}

	private <T> Map<T, Hackathon> hackathonsOf(List<T> parents, java.util.function.Function<T, String> hackathonId) {
		Map<String, Hackathon> byId = new HashMap<>();
		this.hackathons.findAllById(parents.stream().map(hackathonId).toList()).forEach((h) -> byId.put(h.id(), h));
		Map<T, Hackathon> result = new LinkedHashMap<>();
		parents.forEach((parent) -> result.put(parent, byId.get(hackathonId.apply(parent))));
		return result;
	}

	@BatchMapping(typeName = "DroppedProposal", field = "proposal")
	Map<DroppedProposal, Proposal> droppedProposal(List<DroppedProposal> dropped) {
		return JudgingGraphQl.proposals(dropped, DroppedProposal::proposalId, this.proposals);
	}

	@BatchMapping(typeName = "ReassignedProposal", field = "proposal")
	Map<ReassignedProposal, Proposal> reassignedProposal(List<ReassignedProposal> reassigned) {
		return JudgingGraphQl.proposals(reassigned, ReassignedProposal::proposalId, this.proposals);
	}

	@BatchMapping(typeName = "ConflictOfInterest", field = "proposal")
	Map<ConflictOfInterest, Proposal> conflictProposal(List<ConflictOfInterest> conflicts) {
		return JudgingGraphQl.proposals(conflicts, ConflictOfInterest::proposalId, this.proposals);
	}

	@BatchMapping(typeName = "ConflictLogEntry", field = "proposal")
	Map<ConflictService.LogEntry, Proposal> logProposal(List<ConflictService.LogEntry> entries) {
		return JudgingGraphQl.proposals(entries, ConflictService.LogEntry::proposalId, this.proposals);
	}

}
