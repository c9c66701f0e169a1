package org.hacktrail.team;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hacktrail.team.TeamApi.fails;
import static org.hacktrail.team.TeamApi.ok;

/**
 * Who may do what to a team: every mutation is refused (FORBIDDEN) for each wrong actor
 * and UNAUTHENTICATED for anonymous callers, then allowed for the right one; and a join
 * request's message is read only by the requester, the team's leads and organizers.
 *
 * <p>
 * The cast: alice proposed and leads the team; bob is a plain member; carol has a pending
 * request (with a private message) and dave a pending invitation; erin leads another
 * team; olga is an outsider; and the organizer.
 */
class TeamAuthorizationTests extends TeamTestBase {

	static final String SECRET = "My phone is 0912-345-678; I can only come on Sunday.";

	TestAccounts.Account alice;

	TestAccounts.Account bob;

	TestAccounts.Account carol;

	TestAccounts.Account dave;

	TestAccounts.Account erin;

	TestAccounts.Account olga;

	String id;

	String position;

	String carolsRequest;

	String davesInvitation;

	@BeforeEach
	void setUpTeam() {
		this.alice = user("alice");
		this.bob = user("bob");
		this.carol = user("carol");
		this.dave = user("dave");
		this.erin = user("erin");
		this.olga = user("olga");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		this.id = this.api.proposal(hackathon, "Authorization", this.alice);
		this.api.proposal(hackathon, "Erin's", this.erin);
		this.position = this.api.openPositionOk(this.id, "Backend", "DEVELOPER", 3, this.alice);
		ok(this.api.accept(this.api.requestOk(this.id, null, null, this.bob), this.alice));
		this.carolsRequest = this.api.requestOk(this.id, this.position, SECRET, this.carol);
		this.davesInvitation = this.api.inviteOk(this.id, this.dave.id(), null, this.alice);
	}

	/** A mutation as any given caller (null: anonymous). */
	interface Call extends Function<TestAccounts.Account, Http.GraphQlResult> {

	}

	private void refused(Call call, TestAccounts.Account... wrong) {
		for (TestAccounts.Account actor : wrong) {
			assertThat(call.apply(actor).errorCode()).as("as %s", actor.user().displayName()).isEqualTo("FORBIDDEN");
		}
		assertThat(call.apply(null).errorCode()).as("anonymous").isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void onlyLeadsAndOrganizersManagePositions() {
		refused((as) -> this.api.openPosition(this.id, "PM", "PM", 1, as), this.bob, this.carol, this.erin, this.olga);
		refused((as) -> this.api.updatePosition(this.id, this.position, 5, as), this.bob, this.carol, this.erin,
				this.olga);
		refused((as) -> this.api.removePosition(this.id, this.position, as), this.bob, this.carol, this.erin,
				this.olga);
		ok(this.api.openPosition(this.id, "PM", "PM", 1, this.alice));
		ok(this.api.updatePosition(this.id, this.position, 5, this.organizer));
		assertThat(this.api.team(this.id, this.alice).path("positions")).hasSize(2);
	}

	@Test
	void onlyLeadsAndOrganizersDecideOnRequests() {
		refused((as) -> this.api.accept(this.carolsRequest, as), this.carol, this.bob, this.erin, this.olga);
		refused((as) -> this.api.decline(this.carolsRequest, "no", as), this.carol, this.bob, this.erin, this.olga);
		assertThat(this.api.team(this.id, this.alice).path("size").asInt()).as("nothing happened").isEqualTo(2);
		ok(this.api.accept(this.carolsRequest, this.organizer));
	}

	@Test
	void onlyTheRequesterAndOrganizersWithdrawARequest() {
		refused((as) -> this.api.withdrawRequest(this.carolsRequest, as), this.alice, this.bob, this.erin, this.olga);
		ok(this.api.withdrawRequest(this.carolsRequest, this.carol));
		String again = this.api.requestOk(this.id, null, null, this.carol);
		ok(this.api.withdrawRequest(again, this.organizer));
	}

	@Test
	void onlyLeadsAndOrganizersInviteAndWithdrawInvitations() {
		refused((as) -> this.api.invite(this.id, this.olga.id(), null, as), this.bob, this.carol, this.erin, this.olga);
		refused((as) -> this.api.withdrawInvitation(this.davesInvitation, as), this.dave, this.bob, this.erin,
				this.olga);
		ok(this.api.invite(this.id, this.olga.id(), null, this.organizer));
		ok(this.api.withdrawInvitation(this.davesInvitation, this.alice));
	}

	@Test
	void onlyTheInviteeAnswersAnInvitation() {
		refused((as) -> this.api.acceptInvitation(this.davesInvitation, as), this.alice, this.organizer, this.bob,
				this.olga);
		refused((as) -> this.api.declineInvitation(this.davesInvitation, as), this.alice, this.organizer, this.bob,
				this.olga);
		ok(this.api.acceptInvitation(this.davesInvitation, this.dave));
	}

	@Test
	void onlyLeadsAndOrganizersRemoveMembersAndOnlyOrganizersTheProposer() {
		refused((as) -> this.api.remove(this.id, this.bob.id(), as), this.carol, this.erin, this.olga);
		ok(this.api.updateMember(this.id, this.bob.id(), "LEAD", null, this.alice));
		assertThat(this.api.remove(this.id, this.alice.id(), this.bob).errorCode()).as("a co-lead and the proposer")
			.isEqualTo("FORBIDDEN");
		ok(this.api.remove(this.id, this.alice.id(), this.organizer));
	}

	@Test
	void onlyLeadsAndOrganizersChangeRolesAndAMemberOnlyTheirOwnAffiliation() {
		refused((as) -> this.api.updateMember(this.id, this.bob.id(), "DESIGNER", null, as), this.bob, this.carol,
				this.erin, this.olga);
		refused((as) -> this.api.updateMember(this.id, this.alice.id(), null, "g0v", as), this.bob, this.erin);
		ok(this.api.updateMember(this.id, this.bob.id(), null, "g0v", this.bob));
		ok(this.api.updateMember(this.id, this.bob.id(), "DESIGNER", null, this.alice));
		ok(this.api.updateMember(this.id, this.bob.id(), "DATA", null, this.organizer));
	}

	@Test
	void onlyOrganizersAddMembersAndAllowLateMembers() {
		refused((as) -> this.api.addMember(this.id, this.olga.id(), "DEVELOPER", as), this.alice, this.bob, this.olga);
		refused((as) -> this.api.allowLate(this.id, true, "because", as), this.alice, this.bob, this.olga);
		ok(this.api.addMember(this.id, this.olga.id(), "DEVELOPER", this.organizer));
		ok(this.api.allowLate(this.id, true, "because", this.organizer));
	}

	@Test
	void onlyLeadsAndOrganizersSetThePartnerAgency() {
		refused((as) -> this.api.setPartner(this.id, "Ministry", null, as), this.bob, this.carol, this.erin, this.olga);
		ok(this.api.setPartner(this.id, "Ministry", null, this.alice));
		ok(this.api.setPartner(this.id, null, null, this.organizer));
	}

	@Test
	void onlyMembersLeaveAndAnonymousCallersAreAskedToSignIn() {
		fails(this.api.leave(this.id, null, this.olga), "BAD_USER_INPUT");
		fails(this.api.leave(this.id, null, null), "UNAUTHENTICATED");
		fails(this.api.request(this.id, null, "hi", null), "UNAUTHENTICATED");
		fails(this.api.call("{ myTeams { id } }", null, null), "UNAUTHENTICATED");
		fails(this.api.call("{ myJoinRequests { id } }", null, null), "UNAUTHENTICATED");
		ok(this.api.leave(this.id, null, this.bob));
	}

	@Test
	void aPendingRequestsMessageIsReadOnlyByTheRequesterTheTeamsLeadsAndOrganizers() {
		Map<String, TestAccounts.Account> readers = new LinkedHashMap<>();
		readers.put("the lead", this.alice);
		readers.put("an organizer", this.organizer);
		readers.put("the requester", this.carol);
		readers.forEach((who, as) -> {
			JsonNode requests = this.api.team(this.id, as).path("joinRequests");
			assertThat(requests.toString()).as(who).contains(SECRET);
		});
		Map<String, TestAccounts.Account> others = new LinkedHashMap<>();
		others.put("a member", this.bob);
		others.put("another team's lead", this.erin);
		others.put("an outsider", this.olga);
		others.put("the invitee", this.dave);
		others.put("anonymous", null);
		others.forEach((who, as) -> {
			JsonNode team = ok(this.api.call("query($id: ID!) { proposal(id: $id) { team { joinRequests { id message "
					+ "requesterId } } } team(proposalId: $id) { joinRequests(status: [PENDING]) { message } } }",
					Http.json().put("id", this.id), as));
			assertThat(team.toString()).as(who).doesNotContain(SECRET).doesNotContain(this.carolsRequest);
		});
		// The lead's notification names the requester but does not carry the message.
		assertThat(notifications(this.alice).toString()).contains("TEAM_JOIN_REQUEST_RECEIVED").doesNotContain(SECRET);
		// The requester reads their own, also through myJoinRequests; nobody else's are
		// there.
		JsonNode mine = ok(
				this.api.call("{ myJoinRequests(status: [PENDING]) { message proposal { id } } }", null, this.carol));
		assertThat(mine.path("myJoinRequests").get(0).path("message").asString()).isEqualTo(SECRET);
		assertThat(ok(this.api.call("{ myJoinRequests { message } }", null, this.bob)).toString())
			.doesNotContain(SECRET);
		// Acting on someone else's request by id is refused, not answered.
		assertThat(this.api.withdrawRequest(this.carolsRequest, this.olga).errorMessage()).doesNotContain(SECRET);
	}

	@Test
	void anInvitationsMessageIsForTheInviteeTheLeadsAndOrganizersOnly() {
		for (TestAccounts.Account reader : List.of(this.alice, this.organizer, this.dave)) {
			assertThat(this.api.team(this.id, reader).path("invitations").toString()).contains("來吧");
		}
		for (TestAccounts.Account other : new TestAccounts.Account[] { this.bob, this.carol, this.olga, null }) {
			assertThat(this.api.team(this.id, other).path("invitations")).isEmpty();
		}
	}

}
