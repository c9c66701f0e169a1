package org.hacktrail.judging.panel;

import java.util.List;

import org.hacktrail.identity.Role;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge panel over GraphQL: invitations, acceptance (by link token or by matching
 * account email), judge records and who may read and change them.
 */
class PanelTests extends JudgingApiTestSupport {

	JudgingApi.Hackathon hackathon;

	@BeforeEach
	void setUp() {
		this.hackathon = this.api.hackathon("PRESIDENTIAL", "JUDGING", "REVIEW");
	}

	@Test
	void anInviteeAcceptsWithTheLinkTokenAndBecomesAJudgeWithTheRole() {
		TestAccounts.Account judge = this.accounts.user("panel-token");
		this.users.updateProfile(judge.id(), null, List.of("Ministry of Digital Affairs"));
		// Invited under a different address: the token works with any login.
		JsonNode invited = JudgingApi.ok(
				this.api.invite(this.hackathon.id(), "Someone.Else@Example.org", "PUBLIC", this.organizer),
				"inviteJudge");
		assertThat(invited.path("invitation").path("status").asString()).isEqualTo("PENDING");
		assertThat(invited.path("acceptPath").asString()).contains(invited.path("token").asString());
		JsonNode record = JudgingApi
			.ok(this.api.accept(invited.path("token").asString(), null, judge), "acceptJudgeInvitation")
			.path("judge");
		assertThat(record.path("userId").asString()).isEqualTo(judge.id());
		assertThat(record.path("sector").asString()).isEqualTo("PUBLIC");
		assertThat(record.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(record.path("affiliations").get(0).asString()).as("defaults to the account's affiliations")
			.isEqualTo("Ministry of Digital Affairs");
		assertThat(this.users.findById(judge.id()).orElseThrow().roles()).contains(Role.JUDGE);

		// Accepting again (a retried request) is harmless; another account cannot take
		// the same invitation.
		assertThat(this.api.accept(invited.path("token").asString(), null, judge).hasErrors()).isFalse();
		Http.GraphQlResult other = this.api.accept(invited.path("token").asString(), null,
				this.accounts.user("panel-thief"));
		assertThat(other.errorCode()).isEqualTo("CONFLICT");
		JsonNode invitations = JudgingApi.ok(this.http.graphql(
				"query($s: String!) { judgeInvitations(hackathonSlug: $s) " + "{ email status acceptedAt } }",
				Http.json().put("s", this.hackathon.slug()), this.organizer.headers()), "judgeInvitations");
		assertThat(invitations.get(0).path("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void anInviteeWhoseAccountEmailMatchesSeesAndAcceptsTheInvitation() {
		TestAccounts.Account judge = this.accounts.user("panel-email");
		JsonNode invited = JudgingApi.ok(this.api.invite(this.hackathon.id(), "  PANEL-EMAIL@example.org ", "PRIVATE",
				this.organizer, "Example Tech Co."), "inviteJudge");
		String invitationId = invited.path("invitation").path("id").asString();
		JsonNode mine = JudgingApi.ok(this.http.graphql("{ myJudgeInvitations { id sector } }", judge.headers()),
				"myJudgeInvitations");
		assertThat(mine.findValuesAsString("id")).containsExactly(invitationId);
		// Someone else cannot accept it by id.
		TestAccounts.Account stranger = this.accounts.user("panel-stranger");
		assertThat(this.api.accept(null, invitationId, stranger).errorCode()).isEqualTo("FORBIDDEN");
		JsonNode record = JudgingApi.ok(this.api.accept(null, invitationId, judge), "acceptJudgeInvitation")
			.path("judge");
		assertThat(record.path("affiliations").get(0).asString()).as("the organizer's list wins")
			.isEqualTo("Example Tech Co.");
		JsonNode myRecord = JudgingApi
			.ok(this.http.graphql("query($s: String!) { myJudgeRecord(hackathonSlug: $s) " + "{ id sector } }",
					Http.json().put("s", this.hackathon.slug()), judge.headers()), "myJudgeRecord");
		assertThat(myRecord.path("sector").asString()).isEqualTo("PRIVATE");
		JsonNode strangerRecord = JudgingApi
			.ok(this.http.graphql("query($s: String!) { myJudgeRecord(hackathonSlug: $s) " + "{ id } }",
					Http.json().put("s", this.hackathon.slug()), stranger.headers()), "myJudgeRecord");
		assertThat(strangerRecord.isNull()).isTrue();
	}

	@Test
	void onlyOrganizersInviteListAndDrop() {
		TestAccounts.Account judge = this.accounts.user("panel-rights");
		JsonNode record = this.api.judge(this.hackathon, judge, "PUBLIC");
		assertThat(this.api.invite(this.hackathon.id(), "x@example.org", "PUBLIC", judge).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.api.invite(this.hackathon.id(), "x@example.org", "PUBLIC", null).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.invite(this.hackathon.id(), "not-an-email", "PUBLIC", this.organizer).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		String judges = "query($s: String!) { judges(hackathonSlug: $s) { id } }";
		assertThat(this.http.graphql(judges, Http.json().put("s", this.hackathon.slug()), judge.headers()).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.http.graphql(judges, Http.json().put("s", this.hackathon.slug())).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		String drop = "mutation($i: DropJudgeInput!) { dropJudge(input: $i) { judge { status dropReason } } }";
		ObjectNode input = Http.json();
		input.putObject("i").put("judgeId", record.path("id").asString()).put("reason", "Ill");
		assertThat(this.http.graphql(drop, input, judge.headers()).errorCode()).isEqualTo("FORBIDDEN");
		JsonNode dropped = JudgingApi.ok(this.http.graphql(drop, input, this.organizer.headers()), "dropJudge")
			.path("judge");
		assertThat(dropped.path("status").asString()).isEqualTo("DROPPED");
		assertThat(dropped.path("dropReason").asString()).isEqualTo("Ill");
	}

	@Test
	void aJudgeChangesTheirAffiliationsButNotTheirSector() {
		TestAccounts.Account judge = this.accounts.user("panel-update");
		JsonNode record = this.api.judge(this.hackathon, judge, "ACADEMIC");
		String update = "mutation($i: UpdateJudgeInput!) { updateJudge(input: $i) { judge { sector affiliations expertise } } }";
		ObjectNode own = Http.json();
		own.putObject("i")
			.put("judgeId", record.path("id").asString())
			.putArray("affiliations")
			.add("NTU")
			.add(" ntu ");
		JsonNode updated = JudgingApi.ok(this.http.graphql(update, own, judge.headers()), "updateJudge").path("judge");
		assertThat(updated.path("affiliations")).hasSize(1);
		ObjectNode sector = Http.json();
		sector.putObject("i").put("judgeId", record.path("id").asString()).put("sector", "PUBLIC");
		assertThat(this.http.graphql(update, sector, judge.headers()).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.http.graphql(update, sector, this.accounts.user("panel-other").headers()).errorCode())
			.isEqualTo("FORBIDDEN");
		JsonNode byOrganizer = JudgingApi.ok(this.http.graphql(update, sector, this.organizer.headers()), "updateJudge")
			.path("judge");
		assertThat(byOrganizer.path("sector").asString()).isEqualTo("PUBLIC");
	}

	@Test
	void aRevokedInvitationNoLongerWorksAndReinvitingRenewsTheLink() {
		JsonNode first = JudgingApi.ok(
				this.api.invite(this.hackathon.id(), "panel-revoke@example.org", "PUBLIC", this.organizer),
				"inviteJudge");
		JsonNode second = JudgingApi.ok(
				this.api.invite(this.hackathon.id(), "panel-revoke@example.org", "PRIVATE", this.organizer),
				"inviteJudge");
		assertThat(second.path("invitation").path("id").asString())
			.isEqualTo(first.path("invitation").path("id").asString());
		TestAccounts.Account judge = this.accounts.user("panel-revoke");
		assertThat(this.api.accept(first.path("token").asString(), null, judge).errorCode()).isEqualTo("NOT_FOUND");
		ObjectNode revoke = Http.json();
		revoke.putObject("i").put("invitationId", second.path("invitation").path("id").asString());
		String revokeMutation = "mutation($i: RevokeJudgeInvitationInput!) { revokeJudgeInvitation(input: $i) "
				+ "{ invitation { status } } }";
		assertThat(this.http.graphql(revokeMutation, revoke, judge.headers()).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.accept(second.path("token").asString(), null, null).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		assertThat(this.http.graphql("{ myJudgeInvitations { id } }").errorCode()).isEqualTo("UNAUTHENTICATED");
		JudgingApi.ok(this.http.graphql("mutation($i: RevokeJudgeInvitationInput!) { revokeJudgeInvitation(input: $i) "
				+ "{ invitation { status } } }", revoke, this.organizer.headers()), "revokeJudgeInvitation");
		assertThat(this.api.accept(second.path("token").asString(), null, judge).errorCode())
			.isEqualTo("BAD_USER_INPUT");
	}

}
