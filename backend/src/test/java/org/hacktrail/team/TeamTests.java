package org.hacktrail.team;

import java.util.List;

import org.hacktrail.proposal.ProposalService;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hacktrail.team.TeamApi.fails;
import static org.hacktrail.team.TeamApi.ok;

/**
 * Team formation end to end over GraphQL: every rule of the issue, one test per rule,
 * each showing the refusal as well as the allowed path.
 */
class TeamTests extends TeamTestBase {

	@Autowired
	ProposalService proposalService;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theProposerIsTheTeamsFirstLeadFromTheStart() {
		TestAccounts.Account alice = user("alice");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		String id = this.api.proposal(hackathon, "Join the pit", alice);
		JsonNode proposal = this.api.proposalWithTeam(id, alice);
		assertThat(proposal.path("teamSize").asInt()).isEqualTo(1);
		JsonNode team = proposal.path("team");
		assertThat(team.path("members")).hasSize(1);
		assertThat(team.path("members").get(0).path("userId").asString()).isEqualTo(alice.id());
		assertThat(team.path("members").get(0).path("role").asString()).isEqualTo("LEAD");
		assertThat(team.path("members").get(0).path("joinedVia").asString()).isEqualTo("PROPOSER");
		assertThat(team.path("viewerCanManage").asBoolean()).isTrue();
		JsonNode mine = ok(this.api.call("{ myTeams { id proposal { id } } }", null, alice)).path("myTeams");
		assertThat(mine.findValuesAsString("id")).contains(id);
	}

	@Test
	void acceptingARequestFillsTheWantedPositionMovesTheProposalToTeamFormingAndNotifies() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		String id = this.api.proposal(hackathon, "Cofacts", alice);
		String frontend = this.api.openPositionOk(id, "前端", "DEVELOPER", 2, alice);
		String requestId = this.api.requestOk(id, frontend, "I write React.", bob);
		assertThat(notificationTypes(alice)).contains("TEAM_JOIN_REQUEST_RECEIVED");
		JsonNode received = notifications(alice).get(0);
		assertThat(parameter(received, "requesterName")).startsWith("bob");
		assertThat(parameter(received, "positionSkill")).isEqualTo("前端");
		assertThat(received.path("link").asString()).isEqualTo("/proposals/" + id + "#team");

		JsonNode accepted = ok(this.api.accept(requestId, alice)).path("acceptJoinRequest");
		assertThat(accepted.path("joinRequest").path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.path("member").path("role").asString()).isEqualTo("DEVELOPER");
		assertThat(accepted.path("member").path("position").path("id").asString()).isEqualTo(frontend);

		JsonNode proposal = this.api.proposalWithTeam(id, alice);
		assertThat(proposal.path("status").asString()).isEqualTo("TEAM_FORMING");
		JsonNode last = proposal.path("history").get(proposal.path("history").size() - 1);
		assertThat(last.path("from").asString()).isEqualTo("SUBMITTED");
		assertThat(last.path("to").asString()).isEqualTo("TEAM_FORMING");
		assertThat(last.path("actor").asString()).isEqualTo("SYSTEM");
		assertThat(last.path("by").asString()).as("who triggered it").isEqualTo(alice.id());
		assertThat(proposal.path("teamSize").asInt()).isEqualTo(2);
		JsonNode position = proposal.path("team").path("positions").get(0);
		assertThat(position.path("filled").asInt()).isEqualTo(1);
		assertThat(position.path("openings").asInt()).isEqualTo(1);
		assertThat(notificationTypes(bob)).containsExactly("TEAM_JOIN_REQUEST_ACCEPTED");
		assertThat(TeamTestConfiguration.MAILED.stream()
			.anyMatch(
					(m) -> m.userId().equals(bob.id()) && m.notification().type().equals("TEAM_JOIN_REQUEST_ACCEPTED")))
			.as("handed to the mailer too")
			.isTrue();

		// A second member does not move the proposal again.
		TestAccounts.Account carol = user("carol");
		ok(this.api.accept(this.api.requestOk(id, null, null, carol), alice));
		proposal = this.api.proposalWithTeam(id, alice);
		assertThat(proposal.path("history").findValuesAsString("to")).containsOnlyOnce("TEAM_FORMING");
		assertThat(proposal.path("teamSize").asInt()).isEqualTo(3);
	}

	@Test
	void onePendingRequestPerPersonAndTeam() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "One request", alice);
		String first = this.api.requestOk(id, null, "first", bob);
		JsonNode again = fails(this.api.request(id, null, "second", bob), "CONFLICT");
		assertThat(again.path("rule").asString()).isEqualTo("onePendingRequest");
		assertThat(ok(this.api.withdrawRequest(first, bob)).path("withdrawJoinRequest")
			.path("joinRequest")
			.path("status")
			.asString()).isEqualTo("WITHDRAWN");
		fails(this.api.withdrawRequest(first, bob), "BAD_USER_INPUT");
		String second = this.api.requestOk(id, null, "second", bob);
		assertThat(second).isNotEqualTo(first);
		fails(this.api.accept(first, alice), "BAD_USER_INPUT");
		ok(this.api.accept(second, alice));
		assertThat(this.api.request(id, null, "third", bob).errorMessage()).contains("already a member");
	}

	@Test
	void aDeclinedRequestCarriesTheNoteToTheRequesterAndCannotBeAcceptedAfterwards() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Declines", alice);
		String requestId = this.api.requestOk(id, null, "Let me in", bob);
		JsonNode declined = ok(this.api.decline(requestId, "We are full, sorry", alice)).path("declineJoinRequest");
		assertThat(declined.path("joinRequest").path("status").asString()).isEqualTo("DECLINED");
		assertThat(declined.path("joinRequest").path("decisionNote").asString()).isEqualTo("We are full, sorry");
		JsonNode notification = notifications(bob).get(0);
		assertThat(notification.path("type").asString()).isEqualTo("TEAM_JOIN_REQUEST_DECLINED");
		assertThat(parameter(notification, "note")).isEqualTo("We are full, sorry");
		JsonNode mine = ok(this.api.call("{ myJoinRequests { id status decisionNote message } }", null, bob))
			.path("myJoinRequests");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).path("decisionNote").asString()).isEqualTo("We are full, sorry");
		assertThat(mine.get(0).path("message").asString()).isEqualTo("Let me in");
		fails(this.api.accept(requestId, alice), "BAD_USER_INPUT");
		assertThat(this.api.team(id, alice).path("size").asInt()).isEqualTo(1);
	}

	@Test
	void aFullPositionTakesNoRequestAndAcceptingIntoItIsAConflict() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account carol = user("carol");
		TestAccounts.Account dave = user("dave");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "One seat", alice);
		String seat = this.api.openPositionOk(id, "GIS", "DATA", 1, alice);
		String bobs = this.api.requestOk(id, seat, null, bob);
		String carols = this.api.requestOk(id, seat, null, carol);
		ok(this.api.accept(bobs, alice));
		JsonNode full = fails(this.api.accept(carols, alice), "CONFLICT");
		assertThat(full.path("rule").asString()).isEqualTo("positionFull");
		assertThat(this.api.team(id, alice).path("joinRequests").toString()).contains(carols);
		assertThat(fails(this.api.request(id, seat, null, dave), "BAD_USER_INPUT").path("field").asString())
			.isEqualTo("positionId");
		assertThat(this.api.team(id, alice).path("openPositions")).isEmpty();

		// Raising the count reopens it; the waiting request can now be accepted.
		ok(this.api.updatePosition(id, seat, 2, alice));
		ok(this.api.accept(carols, alice));
		// A member who leaves frees their seat.
		ok(this.api.leave(id, null, bob));
		JsonNode position = this.api.team(id, alice).path("positions").get(0);
		assertThat(position.path("filled").asInt()).isEqualTo(1);
		assertThat(position.path("openings").asInt()).isEqualTo(1);
	}

	@Test
	void theLastLeadCannotLeaveOrStepDownWithoutHandingTheLeadOver() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Hand over", alice);
		ok(this.api.accept(this.api.requestOk(id, null, null, bob), alice));
		JsonNode alone = fails(this.api.leave(id, null, alice), "BAD_USER_INPUT");
		assertThat(alone.path("rule").asString()).isEqualTo("lastLead");
		assertThat(fails(this.api.updateMember(id, alice.id(), "DEVELOPER", null, alice), "BAD_USER_INPUT").path("rule")
			.asString()).isEqualTo("lastLead");
		fails(this.api.leave(id, alice.id(), alice), "BAD_USER_INPUT");
		fails(this.api.leave(id, "nobody", alice), "BAD_USER_INPUT");

		JsonNode after = ok(this.api.leave(id, bob.id(), alice)).path("leaveTeam").path("team");
		assertThat(after.path("size").asInt()).isEqualTo(1);
		assertThat(after.path("members").get(0).path("userId").asString()).isEqualTo(bob.id());
		assertThat(after.path("members").get(0).path("role").asString()).isEqualTo("LEAD");
		assertThat(this.api.team(id, bob).path("viewerCanManage").asBoolean()).isTrue();
		assertThat(this.api.team(id, alice).path("viewerCanManage").asBoolean()).isFalse();
		fails(this.api.leave(id, null, alice), "BAD_USER_INPUT");
	}

	@Test
	void leadsInviteAndTheInviteeAcceptsOrDeclines() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account carol = user("carol");
		TestAccounts.Account dave = user("dave");
		TestAccounts.Account erin = user("erin");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Invitations", alice);
		String design = this.api.openPositionOk(id, "UX", "DESIGNER", 1, alice);
		String toCarol = this.api.inviteOk(id, carol.id(), design, alice);
		assertThat(fails(this.api.invite(id, carol.id(), null, alice), "CONFLICT").path("rule").asString())
			.isEqualTo("onePendingInvitation");
		JsonNode received = notifications(carol).get(0);
		assertThat(received.path("type").asString()).isEqualTo("TEAM_INVITATION_RECEIVED");
		assertThat(parameter(received, "role")).isEqualTo("DESIGNER");
		JsonNode mine = ok(this.api.call("{ myTeamInvitations(status: [PENDING]) { id message role proposal { id } } }",
				null, carol))
			.path("myTeamInvitations");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).path("proposal").path("id").asString()).isEqualTo(id);

		JsonNode accepted = ok(this.api.acceptInvitation(toCarol, carol)).path("acceptTeamInvitation");
		assertThat(accepted.path("member").path("role").asString()).isEqualTo("DESIGNER");
		assertThat(notificationTypes(alice)).contains("TEAM_INVITATION_ACCEPTED");
		fails(this.api.acceptInvitation(toCarol, carol), "BAD_USER_INPUT");

		String toDave = this.api.inviteOk(id, dave.id(), null, alice);
		ok(this.api.declineInvitation(toDave, dave));
		assertThat(notificationTypes(alice)).contains("TEAM_INVITATION_DECLINED");
		String toErin = this.api.inviteOk(id, erin.id(), null, alice);
		ok(this.api.withdrawInvitation(toErin, alice));
		fails(this.api.acceptInvitation(toErin, erin), "BAD_USER_INPUT");
		fails(this.api.invite(id, "no-such-user", null, alice), "NOT_FOUND");
		JsonNode team = this.api.team(id, alice);
		assertThat(team.path("size").asInt()).isEqualTo(2);
		assertThat(team.path("invitations").findValuesAsString("status")).containsExactlyInAnyOrder("ACCEPTED",
				"DECLINED", "WITHDRAWN");
	}

	@Test
	void atACommunityHackathonAPersonJoinsSeveralTeams() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TeamApi.Hackathon community = this.api.hackathon("COMMUNITY");
		String first = this.api.proposal(community, "First", alice);
		String second = this.api.proposal(community, "Second", alice);
		ok(this.api.accept(this.api.requestOk(first, null, null, bob), alice));
		ok(this.api.accept(this.api.requestOk(second, null, null, bob), alice));
		JsonNode mine = ok(this.api.call("{ myTeams { id } }", null, bob)).path("myTeams");
		assertThat(mine.findValuesAsString("id")).containsExactlyInAnyOrder(first, second);
	}

	@Test
	void atACompetitionAPersonIsInOneTeamOnly() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account zoe = user("zoe");
		TestAccounts.Account bob = user("bob");
		TeamApi.Hackathon competition = this.api.hackathon("PRESIDENTIAL");
		String first = this.api.proposal(competition, "First", alice);
		String second = this.api.proposal(competition, "Second", zoe);
		String pendingInSecond = this.api.requestOk(second, null, "asked early", bob);
		ok(this.api.accept(this.api.requestOk(first, null, null, bob), alice));

		JsonNode refused = fails(this.api.request(second, null, null, bob), "CONFLICT");
		assertThat(refused.path("rule").asString()).isEqualTo("oneTeamPerHackathon");
		assertThat(fails(this.api.accept(pendingInSecond, zoe), "CONFLICT").path("rule").asString())
			.isEqualTo("oneTeamPerHackathon");
		assertThat(fails(this.api.invite(second, bob.id(), null, zoe), "CONFLICT").path("rule").asString())
			.isEqualTo("oneTeamPerHackathon");
		fails(this.api.addMember(second, bob.id(), "DEVELOPER", this.organizer), "CONFLICT");
		assertThat(this.api.team(second, zoe).path("members").findValuesAsString("userId")).doesNotContain(bob.id());
		HackathonMembership lock = this.mongo.findById(HackathonMembership.key(competition.id(), bob.id()),
				HackathonMembership.class);
		assertThat(lock.teamId()).as("the failed joins left the lock with the first team").isEqualTo(first);
		assertThat(lock.holds()).isEmpty();

		// Another hackathon is another matter.
		String elsewhere = this.api.proposal(this.api.hackathon("PRESIDENTIAL"), "Elsewhere", alice);
		ok(this.api.accept(this.api.requestOk(elsewhere, null, null, bob), alice));

		// Once out of the first team, the person may join the second: the early request
		// is still pending.
		ok(this.api.leave(first, null, bob));
		assertThat(this.mongo.findById(HackathonMembership.key(competition.id(), bob.id()), HackathonMembership.class))
			.as("released on leave")
			.isNull();
		ok(this.api.accept(pendingInSecond, zoe));
		assertThat(this.mongo.findById(HackathonMembership.key(competition.id(), bob.id()), HackathonMembership.class)
			.teamId()).isEqualTo(second);
	}

	@Test
	void theOneTeamRuleIsTheHackathonsSettingNotItsKind() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TeamApi.Hackathon oneTeamCommunity = this.api.hackathon("COMMUNITY", false);
		String first = this.api.proposal(oneTeamCommunity, "First", alice);
		String second = this.api.proposal(oneTeamCommunity, "Second", alice);
		ok(this.api.accept(this.api.requestOk(first, null, null, bob), alice));
		fails(this.api.request(second, null, null, bob), "CONFLICT");

		TeamApi.Hackathon openCompetition = this.api.hackathon("PRESIDENTIAL", true);
		String third = this.api.proposal(openCompetition, "Third", alice);
		String fourth = this.api.proposal(openCompetition, "Fourth", alice);
		ok(this.api.accept(this.api.requestOk(third, null, null, bob), alice));
		ok(this.api.accept(this.api.requestOk(fourth, null, null, bob), alice));
	}

	@Test
	void noNewMembersOnceWithdrawnOrPastJudgingUnlessAnOrganizerAllowsIt() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account carol = user("carol");
		TestAccounts.Account dave = user("dave");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		String withdrawn = this.api.proposal(hackathon, "Withdrawn", alice);
		String late = this.api.proposal(hackathon, "Late", alice);
		String earlyRequest = this.api.requestOk(late, null, null, carol);
		this.api.transition(withdrawn, "WITHDRAWN", alice);
		assertThat(fails(this.api.request(withdrawn, null, null, bob), "BAD_USER_INPUT").path("rule").asString())
			.isEqualTo("teamClosed");
		fails(this.api.invite(withdrawn, bob.id(), null, alice), "BAD_USER_INPUT");

		this.api.moveTo(hackathon, "RESULTS_PUBLISHED", "OPEN_FOR_PROPOSALS");
		JsonNode closed = fails(this.api.accept(earlyRequest, alice), "BAD_USER_INPUT");
		assertThat(closed.path("rule").asString()).isEqualTo("teamClosed");
		assertThat(this.api.accept(earlyRequest, alice).errorMessage()).contains("RESULTS_PUBLISHED");
		fails(this.api.request(late, null, null, bob), "BAD_USER_INPUT");

		// An organizer adds a member directly, or allows late members for the leads.
		ok(this.api.addMember(late, dave.id(), "DEVELOPER", this.organizer));
		fails(this.api.allowLate(late, true, null, this.organizer), "BAD_USER_INPUT");
		ok(this.api.allowLate(late, true, "Demo day needs a designer", this.organizer));
		ok(this.api.accept(earlyRequest, alice));
		ok(this.api.accept(this.api.requestOk(late, null, null, bob), alice));
		ok(this.api.allowLate(withdrawn, true, "Revived", this.organizer));
		ok(this.api.accept(this.api.requestOk(withdrawn, null, null, bob), alice));
		assertThat(this.api.team(late, alice).path("size").asInt()).isEqualTo(4);
		assertThat(this.api.team(late, alice).path("lateMembersAllowed").asBoolean()).isTrue();
	}

	@Test
	void aDraftTakesNoMembersAndItsTeamIsHidden() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		String draft = this.api.draft(this.api.hackathon("COMMUNITY"), "Draft", alice);
		fails(this.api.request(draft, null, null, bob), "NOT_FOUND");
		assertThat(ok(this.api.call("query($id: ID!) { team(proposalId: $id) { id } }",
				tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", draft), bob))
			.path("team")
			.isNull()).isTrue();
		assertThat(fails(this.api.invite(draft, bob.id(), null, alice), "BAD_USER_INPUT").path("rule").asString())
			.isEqualTo("proposalDraft");
		this.api.openPositionOk(draft, "Backend", null, 1, alice);
	}

	@Test
	void aProposalWithoutAUserProposerHasNoLeadUntilAnOrganizerAddsOne() {
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account carol = user("carol");
		String id = this.api.proposalWithoutProposer(this.api.hackathon("COMMUNITY"), "Imported");
		JsonNode team = this.api.team(id, bob);
		assertThat(team.path("members")).isEmpty();
		assertThat(team.path("viewerCanManage").asBoolean()).isFalse();
		fails(this.api.openPosition(id, "Backend", null, 1, bob), "FORBIDDEN");
		String carols = this.api.requestOk(id, null, null, carol);

		JsonNode added = ok(this.api.addMember(id, bob.id(), "LEAD", this.organizer)).path("addTeamMember");
		assertThat(added.path("member").path("joinedVia").asString()).isEqualTo("ORGANIZER");
		assertThat(added.path("member").path("role").asString()).isEqualTo("LEAD");
		this.api.openPositionOk(id, "Backend", null, 1, bob);
		ok(this.api.accept(carols, bob));
		JsonNode proposal = this.api.proposalWithTeam(id, this.organizer);
		assertThat(proposal.path("status").asString()).isEqualTo("TEAM_FORMING");
		assertThat(proposal.path("teamSize").asInt()).isEqualTo(2);
	}

	@Test
	void aPresidentialFinalistNeedsItsTeamsPartnerAgencyAskedOfTheTeamItself() {
		TestAccounts.Account alice = user("alice");
		TeamApi.Hackathon hackathon = this.api.hackathon("PRESIDENTIAL");
		String id = this.api.proposal(hackathon, "Long-term care map", alice);
		for (String to : List.of("IN_REVIEW", "SHORTLISTED")) {
			this.api.transition(id, to, this.organizer);
		}
		fails(this.api.transitionResult(id, "FINALIST", this.organizer), "BAD_USER_INPUT");
		// A copy on the proposal is not enough: the lifecycle asks the team document.
		this.proposalService.recordTeam(id, 1, "Stale copy", 10_000);
		assertThat(this.api.transitionResult(id, "FINALIST", this.organizer).errorMessage()).contains("partner agency");

		JsonNode set = ok(this.api.setPartner(id, "衛生福利部", "長期照顧司", alice)).path("setTeamPartnerAgency");
		assertThat(set.path("team").path("partnerAgency").path("name").asString()).isEqualTo("衛生福利部");
		assertThat(set.path("team").path("partnerAgency").path("department").asString()).isEqualTo("長期照顧司");
		ok(this.api.setPartner(id, null, null, alice));
		fails(this.api.transitionResult(id, "FINALIST", this.organizer), "BAD_USER_INPUT");
		ok(this.api.setPartner(id, "衛生福利部", null, alice));
		assertThat(this.api.transition(id, "FINALIST", this.organizer)
			.path("transitionProposal")
			.path("proposal")
			.path("status")
			.asString()).isEqualTo("FINALIST");
	}

	@Test
	void publicServantMembersCarryTheirAgencyAsAffiliation() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account gov = user("civil-servant");
		String id = this.api.proposal(this.api.hackathon("PRESIDENTIAL"), "With government", alice);
		String servant = this.api.openPositionOk(id, "Domain knowledge", "PUBLIC_SERVANT", 1, alice);
		String invitation = this.api.inviteOk(id, gov.id(), servant, alice);
		ok(this.api.mutate("acceptTeamInvitation", "AcceptTeamInvitationInput",
				tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
					.put("invitationId", invitation)
					.put("affiliation", "數位發展部"),
				"member { role }", gov));
		JsonNode member = this.api.team(id, alice).path("members").get(1);
		assertThat(member.path("role").asString()).isEqualTo("PUBLIC_SERVANT");
		assertThat(member.path("affiliation").asString()).isEqualTo("數位發展部");
		// A member changes their own affiliation, not their role.
		ok(this.api.updateMember(id, gov.id(), null, "數位發展部 資料創新司", gov));
		fails(this.api.updateMember(id, gov.id(), "LEAD", null, gov), "FORBIDDEN");
		assertThat(this.api.team(id, alice).path("members").get(1).path("affiliation").asString())
			.isEqualTo("數位發展部 資料創新司");
	}

	@Test
	void removingAMemberNotifiesThemAndKeepsALead() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account carol = user("carol");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Removal", alice);
		ok(this.api.accept(this.api.requestOk(id, null, null, bob), alice));
		ok(this.api.accept(this.api.requestOk(id, null, null, carol), alice));
		ok(this.api.updateMember(id, bob.id(), "LEAD", null, alice));
		fails(this.api.remove(id, alice.id(), bob), "FORBIDDEN");
		fails(this.api.remove(id, bob.id(), bob), "BAD_USER_INPUT");
		ok(this.api.remove(id, carol.id(), bob));
		JsonNode removed = notifications(carol).get(0);
		assertThat(removed.path("type").asString()).isEqualTo("TEAM_MEMBER_REMOVED");
		assertThat(parameter(removed, "reason")).isEqualTo("Inactive");
		ok(this.api.remove(id, bob.id(), alice));
		assertThat(this.api.team(id, alice).path("members").findValuesAsString("userId")).containsExactly(alice.id());
		// The organizer may remove the proposer, but not the last lead.
		fails(this.api.remove(id, alice.id(), this.organizer), "BAD_USER_INPUT");
	}

	@Test
	void removingAPositionKeepsItsMembersAndRequestsWithoutIt() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account carol = user("carol");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Positions", alice);
		String position = this.api.openPositionOk(id, "Data science", "DATA", 3, alice);
		ok(this.api.accept(this.api.requestOk(id, position, null, bob), alice));
		String carols = this.api.requestOk(id, position, null, carol);
		ok(this.api.removePosition(id, position, alice));
		JsonNode team = this.api.team(id, alice);
		assertThat(team.path("positions")).isEmpty();
		assertThat(team.path("members").get(1).path("position").isNull()).isTrue();
		assertThat(team.path("members").get(1).path("role").asString()).isEqualTo("DATA");
		ok(this.api.accept(carols, alice));
		fails(this.api.removePosition(id, position, alice), "BAD_USER_INPUT");
		fails(this.api.openPosition(id, " ", null, 1, alice), "BAD_USER_INPUT");
		fails(this.api.openPosition(id, "Backend", null, 51, alice), "BAD_USER_INPUT");
	}

	@Test
	void nothingChangesInAnArchivedHackathon() {
		TestAccounts.Account alice = user("alice");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		String id = this.api.proposal(hackathon, "Archived", alice);
		this.api.moveTo(hackathon, "ARCHIVED", "OPEN_FOR_PROPOSALS");
		assertThat(fails(this.api.openPosition(id, "Backend", null, 1, alice), "BAD_USER_INPUT").toString())
			.doesNotContain("rule");
		assertThat(this.api.openPosition(id, "Backend", null, 1, this.organizer).errorMessage()).contains("ARCHIVED");
	}

}
