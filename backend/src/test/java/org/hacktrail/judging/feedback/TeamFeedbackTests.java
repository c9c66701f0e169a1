package org.hacktrail.judging.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Judges' feedback for the teams over the API: written on a sheet (apart from the private
 * comment) or at an expo table; the proposal's team (members and proposer) reads nothing
 * before the round is published and the feedback not hidden after, judges numbered, never
 * named; another team never reads it; organizers hide one with a reason (judges and
 * proposers cannot), and a hidden one never reaches the team.
 */
class TeamFeedbackTests extends JudgingApiTestSupport {

	static final String SAVE = "mutation($i: SaveTeamFeedbackInput!) { saveTeamFeedback(input: $i) "
			+ "{ feedback { id proposalId source visitId text hidden { reason } } } }";

	static final String HIDE = "mutation($i: HideTeamFeedbackInput!) { hideTeamFeedback(input: $i) "
			+ "{ feedback { id text hidden { reason at } } } }";

	static final String TEAM = "query($p: ID!) { proposalFeedback(proposalId: $p) { proposalId published "
			+ "rounds { round { id } publishedAt entries { judgeNumber source text } } } }";

	static final String MODERATION = "query($r: ID!) { roundTeamFeedback(roundId: $r) { id proposalId text source "
			+ "judge { id displayName } hidden { reason } } }";

	@Test
	void theTeamReadsSheetFeedbackOnlyAfterPublicationAndNeverAHiddenOne() {
		TestAccounts.Account proposer = this.accounts.user("fb-proposer-" + suffix());
		TestAccounts.Account otherProposer = this.accounts.user("fb-other-" + suffix());
		TestAccounts.Account member = this.accounts.user("fb-member-" + suffix());
		TestAccounts.Account stranger = this.accounts.user("fb-stranger-" + suffix());
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "PITCHING", "REVIEW");
		String ours = proposeAs(hackathon, "Ours " + suffix(), proposer);
		String theirs = proposeAs(hackathon, "Theirs " + suffix(), otherProposer);
		String third = this.api.proposal(hackathon, "Third " + suffix(), null);
		List<String> proposals = List.of(ours, theirs, third);
		ObjectNode add = Http.json();
		add.putObject("i").put("proposalId", ours).put("userId", member.id()).put("role", "DEVELOPER");
		JudgingApi
			.ok(this.http.graphql("mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) " + "{ team { id } } }",
					add, this.organizer.headers()), "addTeamMember");
		for (String phase : List.of("HACKING", "JUDGING")) {
			ObjectNode move = Http.json();
			move.putObject("input").put("hackathonId", hackathon.id()).put("to", phase);
			JudgingApi.ok(
					this.http.graphql("mutation($input: ChangeHackathonPhaseInput!) { changeHackathonPhase("
							+ "input: $input) { hackathon { phase } } }", move, this.organizer.headers()),
					"changeHackathonPhase");
		}
		String roundId = hackathon.roundIds().get(0);
		TestAccounts.Account first = this.accounts.user("fb-judge1-" + suffix());
		TestAccounts.Account second = this.accounts.user("fb-judge2-" + suffix());
		String firstJudgeId = this.api.judge(hackathon, first, "PUBLIC").path("id").asString();
		this.api.judge(hackathon, second, "PRIVATE");
		this.api.configureOk(JudgingApi.roundInput(roundId, 2).put("cutSize", 1).put("normalise", false));
		this.api.assignOk(roundId, "5");
		this.api.statusOk(roundId, "OPEN", null);

		// Before the round opens nobody writes; a judge with the proposal writes; the
		// private comment stays apart.
		ObjectNode withComment = JudgingApi.sheetInput(roundId, ours, 9.0, 8.0, null);
		withComment.put("comment", "PRIVATE: the demo crashed twice");
		JudgingApi.ok(this.api.submit(withComment, first), "submitScoreSheet");
		JsonNode saved = JudgingApi
			.ok(save(roundId, ours, "  Great civic impact; document the API.  ", first), "saveTeamFeedback")
			.path("feedback");
		assertThat(saved.path("source").asString()).isEqualTo("SCORE_SHEET");
		assertThat(saved.path("text").asString()).isEqualTo("Great civic impact; document the API.");
		JudgingApi.ok(save(roundId, ours, "Rude remark that should never reach the team", second), "saveTeamFeedback");
		JudgingApi.ok(save(roundId, theirs, "Feedback for the other team", second), "saveTeamFeedback");
		// A judge who then turns out to have a conflict with a proposal: their feedback
		// on
		// it no longer reaches the team, as their sheet no longer counts.
		JudgingApi.ok(save(roundId, third, "Note of a judge with a conflict", first), "saveTeamFeedback");
		ObjectNode conflict = Http.json();
		conflict.putObject("i")
			.put("judgeId", firstJudgeId)
			.put("proposalId", third)
			.put("reason", "PERSONAL")
			.put("comment", "Former colleague of the proposer");
		JudgingApi.ok(this.http.graphql("mutation($i: AddConflictInput!) { addConflict(input: $i) { judge { id } } }",
				conflict, this.organizer.headers()), "addConflict");

		// Bad input is refused with nothing changed; people without the proposal cannot
		// write.
		assertThat(save(roundId, ours, "bell\u0007", first).errorCode()).isEqualTo("BAD_USER_INPUT");
		Http.GraphQlResult tooLong = save(roundId, ours, "x".repeat(2001), first);
		assertThat(tooLong.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(tooLong.body().path("errors").get(0).path("extensions").path("field").asString()).isEqualTo("text");
		assertThat(save(roundId, ours, "I am no judge", stranger).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(save(roundId, ours, "Anonymous", null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(mine(roundId, ours, first).path("text").asString())
			.isEqualTo("Great civic impact; document the API.");

		// Before publication: nothing for the team, a clear "not published".
		for (TestAccounts.Account team : List.of(proposer, member)) {
			JsonNode before = JudgingApi.ok(team(ours, team), "proposalFeedback");
			assertThat(before.path("published").asBoolean()).isFalse();
			assertThat(before.path("rounds")).isEmpty();
			assertThat(before.toString()).doesNotContain("Great civic impact");
		}
		assertThat(team(ours, otherProposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(team(ours, stranger).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(team(ours, first).errorCode()).as("a judge is not the team").isEqualTo("FORBIDDEN");
		assertThat(team(ours, null).errorCode()).isEqualTo("UNAUTHENTICATED");

		// A round whose judging is not set up yet has none; a round that does not exist
		// is
		// NOT_FOUND.
		JudgingApi.Hackathon fresh = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		assertThat(JudgingApi.ok(
				this.http.graphql(MODERATION, Http.json().put("r", fresh.roundIds().get(0)), this.organizer.headers()),
				"roundTeamFeedback"))
			.isEmpty();
		assertThat(this.http.graphql(MODERATION, Http.json().put("r", "no-such-round"), this.organizer.headers())
			.errorCode()).isEqualTo("NOT_FOUND");

		// Moderation: organizers see every feedback with its judge; only they hide one.
		JsonNode listed = JudgingApi.ok(
				this.http.graphql(MODERATION, Http.json().put("r", roundId), this.organizer.headers()),
				"roundTeamFeedback");
		assertThat(listed).hasSize(4);
		String rude = null;
		for (JsonNode feedback : listed) {
			if (feedback.path("text").asString().startsWith("Rude")) {
				rude = feedback.path("id").asString();
				assertThat(feedback.path("judge").path("displayName").asString()).startsWith("fb-judge2-");
			}
		}
		assertThat(rude).isNotNull();
		assertThat(this.http.graphql(MODERATION, Http.json().put("r", roundId), first.headers()).errorCode())
			.isEqualTo("FORBIDDEN");
		for (TestAccounts.Account wrong : List.of(first, second, proposer)) {
			assertThat(hide(rude, "Not constructive", wrong).errorCode()).isEqualTo("FORBIDDEN");
		}
		assertThat(hide(rude, "Not constructive", null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(hide(rude, "   ", this.organizer).errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode hidden = JudgingApi
			.ok(hide(rude, "Not constructive; personal remark", this.organizer), "hideTeamFeedback")
			.path("feedback");
		assertThat(hidden.path("hidden").path("reason").asString()).isEqualTo("Not constructive; personal remark");
		assertThat(hide(rude, "Again", this.organizer).errorCode()).isEqualTo("BAD_USER_INPUT");
		// The judge can no longer change a hidden feedback.
		assertThat(save(roundId, ours, "Rephrased", second).errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode moderated = JudgingApi.ok(
				this.http.graphql(MODERATION, Http.json().put("r", roundId), this.organizer.headers()),
				"roundTeamFeedback");
		assertThat(moderated.toString()).contains("Rude remark", "Not constructive; personal remark");
		assertThat(events("TEAM_FEEDBACK_HIDDEN", rude)).isEqualTo(1);

		// Publish the round.
		for (TestAccounts.Account judge : List.of(first, second)) {
			for (int i = 0; i < proposals.size(); i++) {
				if (judge == first && (i == 0 || i == 2)) {
					continue;
				}
				this.api.score(roundId, proposals.get(i), 8 - 2 * i, 6, judge);
			}
		}
		this.api.closeLeavingUnsubmittedOut(roundId);
		JudgingApi.ok(this.api.select(roundId, List.of(ours), null, null, this.organizer), "selectProposals");
		JudgingApi.ok(this.api.publish(roundId, this.organizer), "publishRound");

		// After: the team reads the feedback not hidden, judges numbered; never the
		// private comment, the hidden one or another proposal's.
		for (TestAccounts.Account team : List.of(proposer, member)) {
			JsonNode after = JudgingApi.ok(team(ours, team), "proposalFeedback");
			assertThat(after.path("published").asBoolean()).isTrue();
			assertThat(after.path("rounds")).hasSize(1);
			JsonNode round = after.path("rounds").get(0);
			assertThat(round.path("round").path("id").asString()).isEqualTo(roundId);
			assertThat(round.path("publishedAt").isNull()).isFalse();
			assertThat(round.path("entries")).hasSize(1);
			assertThat(round.path("entries").get(0).path("judgeNumber").asInt()).isEqualTo(1);
			assertThat(round.path("entries").get(0).path("source").asString()).isEqualTo("SCORE_SHEET");
			assertThat(round.path("entries").get(0).path("text").asString())
				.isEqualTo("Great civic impact; document the API.");
			assertThat(after.toString()).doesNotContain("Rude", "PRIVATE", "other team", "fb-judge");
		}
		JsonNode others = JudgingApi.ok(team(theirs, otherProposer), "proposalFeedback");
		assertThat(others.toString()).contains("Feedback for the other team").doesNotContain("Great civic impact");
		assertThat(team(ours, otherProposer).errorCode()).isEqualTo("FORBIDDEN");
		JsonNode conflicted = JudgingApi.ok(team(third, this.organizer), "proposalFeedback");
		assertThat(conflicted.path("published").asBoolean()).isTrue();
		assertThat(conflicted.toString()).doesNotContain("Note of a judge with a conflict");
		// The round is over: feedback no longer changes.
		assertThat(save(roundId, ours, "Late addition", first).errorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void feedbackWrittenAtAnExpoTableReachesTheTeamAfterPublication() {
		TestAccounts.Account proposer = this.accounts.user("fbx-proposer-" + suffix());
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "PITCHING", "REVIEW");
		String ours = proposeAs(hackathon, "Expo ours " + suffix(), proposer);
		List<String> proposals = new ArrayList<>(List.of(ours));
		proposals.addAll(this.api.proposals(hackathon, 2));
		for (String phase : List.of("HACKING", "JUDGING")) {
			ObjectNode move = Http.json();
			move.putObject("input").put("hackathonId", hackathon.id()).put("to", phase);
			JudgingApi.ok(
					this.http.graphql("mutation($input: ChangeHackathonPhaseInput!) { changeHackathonPhase("
							+ "input: $input) { hackathon { phase } } }", move, this.organizer.headers()),
					"changeHackathonPhase");
		}
		String round = hackathon.roundIds().get(0);
		TestAccounts.Account judge = this.accounts.user("fbx-judge-" + suffix());
		this.api.judge(hackathon, judge, "PUBLIC");
		this.api.openPairwise(round, proposals, "9");

		// Not at a table yet: no feedback.
		assertThat(save(round, ours, "Before any visit", judge).errorCode()).isEqualTo("FORBIDDEN");
		// The judge walks every table; at our table, they write feedback.
		String previous = null;
		String visitAtOurs = null;
		for (int step = 0; step < 10; step++) {
			JsonNode next = JudgingApi.ok(this.http.graphql(
					"mutation($r: ID!) { nextExpoVisit(roundId: $r) " + "{ done visit { id proposalId } } }",
					Http.json().put("r", round), judge.headers()), "nextExpoVisit");
			if (next.path("visit").isNull() || next.path("visit").isMissingNode()) {
				break;
			}
			String current = next.path("visit").path("proposalId").asString();
			if (current.equals(ours)) {
				JsonNode written = JudgingApi
					.ok(save(round, ours, "Clear pitch; show real users next time.", judge), "saveTeamFeedback")
					.path("feedback");
				assertThat(written.path("source").asString()).isEqualTo("EXPO_VISIT");
				visitAtOurs = next.path("visit").path("id").asString();
				assertThat(written.path("visitId").asString()).isEqualTo(visitAtOurs);
			}
			ObjectNode answer = Http.json();
			ObjectNode i = answer.putObject("i")
				.put("roundId", round)
				.put("clientId", UUID.randomUUID().toString())
				.put("currentProposalId", current);
			if (previous != null) {
				i.put("previousProposalId", previous).put("winner", current.equals(ours) ? "CURRENT" : "PREVIOUS");
			}
			JudgingApi.ok(this.http.graphql("mutation($i: RecordExpoComparisonInput!) { recordExpoComparison("
					+ "input: $i) { visit { id } } }", answer, judge.headers()), "recordExpoComparison");
			previous = current;
		}
		assertThat(visitAtOurs).isNotNull();
		JsonNode before = JudgingApi.ok(team(ours, proposer), "proposalFeedback");
		assertThat(before.path("published").asBoolean()).isFalse();
		assertThat(before.toString()).doesNotContain("Clear pitch");

		this.api.statusOk(round, "CLOSED", null);
		// One judge's walk is too little evidence for a top N: the selection is the
		// organizers' own, with a justification.
		JudgingApi.ok(this.api.select(round, List.of(ours), "Chosen by the organizers to publish the expo round.", null,
				this.organizer), "selectProposals");
		JudgingApi.ok(this.api.publish(round, this.organizer), "publishRound");

		JsonNode after = JudgingApi.ok(team(ours, proposer), "proposalFeedback");
		assertThat(after.path("published").asBoolean()).isTrue();
		JsonNode entry = after.path("rounds").get(0).path("entries").get(0);
		assertThat(entry.path("source").asString()).isEqualTo("EXPO_VISIT");
		assertThat(entry.path("judgeNumber").asInt()).isEqualTo(1);
		assertThat(entry.path("text").asString()).isEqualTo("Clear pitch; show real users next time.");
	}

	private String proposeAs(JudgingApi.Hackathon hackathon, String title, TestAccounts.Account proposer) {
		ObjectNode variables = Http.json();
		variables.putObject("input").put("hackathonSlug", hackathon.slug()).putObject("title").put("en", title);
		String id = JudgingApi.ok(this.http.graphql(
				"mutation($input: CreateProposalInput!) { createProposal(" + "input: $input) { proposal { id } } }",
				variables, proposer.headers()), "createProposal")
			.path("proposal")
			.path("id")
			.asString();
		ObjectNode move = Http.json();
		move.putObject("input").put("proposalId", id).put("to", "SUBMITTED");
		JudgingApi.ok(
				this.http.graphql("mutation($input: TransitionProposalInput!) { transitionProposal("
						+ "input: $input) { proposal { status } } }", move, this.organizer.headers()),
				"transitionProposal");
		return id;
	}

	private Http.GraphQlResult save(String roundId, String proposalId, String text, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("roundId", roundId).put("proposalId", proposalId).put("text", text);
		return this.http.graphql(SAVE, Http.json().set("i", input), headers(as));
	}

	private JsonNode mine(String roundId, String proposalId, TestAccounts.Account as) {
		return JudgingApi.ok(this.http.graphql(
				"query($r: ID!, $p: ID!) { myTeamFeedback(roundId: $r, " + "proposalId: $p) { text } }",
				Http.json().put("r", roundId).put("p", proposalId), as.headers()), "myTeamFeedback");
	}

	private Http.GraphQlResult hide(String feedbackId, String reason, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("feedbackId", feedbackId).put("reason", reason);
		return this.http.graphql(HIDE, Http.json().set("i", input), headers(as));
	}

	private Http.GraphQlResult team(String proposalId, TestAccounts.Account as) {
		return this.http.graphql(TEAM, Http.json().put("p", proposalId), headers(as));
	}

	private int events(String type, String subjectId) {
		JsonNode edges = JudgingApi.ok(this.http.graphql(
				"query($t: AuditEventType) { auditEvents(type: $t, " + "first: 100) { edges { node { subjectId } } } }",
				Http.json().put("t", type), this.organizer.headers()), "auditEvents")
			.path("edges");
		int count = 0;
		for (JsonNode edge : edges) {
			if (subjectId.equals(edge.path("node").path("subjectId").asString())) {
				count++;
			}
		}
		return count;
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String[] headers(TestAccounts.Account as) {
		return (as != null) ? as.headers() : new String[0];
	}

}
