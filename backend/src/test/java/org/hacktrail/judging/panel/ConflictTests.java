package org.hacktrail.judging.panel;

import java.net.http.HttpResponse;
import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflicts of interest: declared by a judge, found from affiliations, added and cleared
 * by organizers, every decision in the log, and the unit test of the affiliation key.
 */
class ConflictTests extends JudgingApiTestSupport {

	static final String DECLARE = "mutation($i: DeclareConflictInput!) { declareConflict(input: $i) { judge { "
			+ JudgingApi.JUDGE_FIELDS + " } } }";

	static final String ADD = "mutation($i: AddConflictInput!) { addConflict(input: $i) { judge { "
			+ JudgingApi.JUDGE_FIELDS + " } } }";

	static final String CLEAR = "mutation($i: ClearConflictInput!) { clearConflict(input: $i) { judge { "
			+ JudgingApi.JUDGE_FIELDS + " } } }";

	@Autowired
	ProposalService proposals;

	JudgingApi.Hackathon hackathon;

	@BeforeEach
	void setUp() {
		this.hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
	}

	@Test
	void aJudgeDeclaresAConflictWithAReasonAndOnlyOrganizersClearIt() {
		String proposal = this.api.proposal(this.hackathon, "Conflicted idea", null);
		TestAccounts.Account judge = this.accounts.user("coi-declare");
		JsonNode record = this.api.judge(this.hackathon, judge, "PUBLIC");
		ObjectNode other = declare(proposal, "OTHER", null);
		assertThat(this.http.graphql(DECLARE, other, judge.headers()).errorCode()).as("OTHER needs a comment")
			.isEqualTo("BAD_USER_INPUT");
		assertThat(this.http
			.graphql(DECLARE, declare(proposal, "FINANCIAL", null), this.accounts.user("coi-nobody").headers())
			.errorCode()).as("not a judge here").isEqualTo("FORBIDDEN");
		assertThat(this.http.graphql(DECLARE, declare(proposal, "FINANCIAL", null)).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		JsonNode declared = JudgingApi
			.ok(this.http.graphql(DECLARE, declare(proposal, "FINANCIAL", "I invested in it"), judge.headers()),
					"declareConflict")
			.path("judge")
			.path("conflicts")
			.get(0);
		assertThat(declared.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(declared.path("source").asString()).isEqualTo("DECLARED");
		assertThat(declared.path("reason").asString()).isEqualTo("FINANCIAL");
		assertThat(declared.path("history").get(0).path("actor").asString()).isEqualTo("JUDGE");

		ObjectNode clear = Http.json();
		clear.putObject("i")
			.put("judgeId", record.path("id").asString())
			.put("proposalId", proposal)
			.put("comment", "Sold the shares before the event");
		assertThat(this.http.graphql(CLEAR, clear, judge.headers()).errorCode()).isEqualTo("FORBIDDEN");
		ObjectNode noComment = Http.json();
		noComment.putObject("i")
			.put("judgeId", record.path("id").asString())
			.put("proposalId", proposal)
			.put("comment", " ");
		assertThat(this.http.graphql(CLEAR, noComment, this.organizer.headers()).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		JsonNode cleared = JudgingApi.ok(this.http.graphql(CLEAR, clear, this.organizer.headers()), "clearConflict")
			.path("judge")
			.path("conflicts")
			.get(0);
		assertThat(cleared.path("status").asString()).isEqualTo("CLEARED");
		assertThat(cleared.path("history")).hasSize(2);
		assertThat(cleared.path("history").get(1).path("action").asString()).isEqualTo("CLEARED");
		assertThat(cleared.path("history").get(1).path("by").asString()).isEqualTo(this.organizer.id());

		// An organizer adds it back with a reason; the log shows all three decisions,
		// newest first.
		ObjectNode add = Http.json();
		add.putObject("i")
			.put("judgeId", record.path("id").asString())
			.put("proposalId", proposal)
			.put("reason", "PERSONAL")
			.put("comment", "Sibling is on the team");
		assertThat(this.http.graphql(ADD, add, judge.headers()).errorCode()).isEqualTo("FORBIDDEN");
		JudgingApi.ok(this.http.graphql(ADD, add, this.organizer.headers()), "addConflict");
		String log = "query($s: String!) { conflictLog(hackathonSlug: $s) { proposalId proposal { id } judge { id } "
				+ "decision { action actor reason comment } } }";
		JsonNode entries = JudgingApi.ok(
				this.http.graphql(log, Http.json().put("s", this.hackathon.slug()), this.organizer.headers()),
				"conflictLog");
		assertThat(entries.findValuesAsString("action")).containsExactly("ADDED", "CLEARED", "DECLARED");
		assertThat(entries.get(0).path("proposal").path("id").asString()).isEqualTo(proposal);
		assertThat(this.http.graphql(log, Http.json().put("s", this.hackathon.slug()), judge.headers()).errorCode())
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void conflictsAreFoundFromTeamMembersAffiliations() {
		TestAccounts.Account proposer = this.accounts.user("coi-team-lead");
		TestAccounts.Account member = this.accounts.user("coi-team-member");
		this.users.updateProfile(member.id(), null, List.of("Taipei City Government"));
		JudgingApi.Hackathon open = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		String proposal = this.api.proposal(open, "Team idea", proposer);
		ObjectNode add = Http.json();
		add.putObject("i")
			.put("proposalId", proposal)
			.put("userId", member.id())
			.put("role", "DEVELOPER")
			.put("affiliation", "Open Culture Foundation");
		JudgingApi
			.ok(this.http.graphql("mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) { team { id } } }", add,
					this.organizer.headers()), "addTeamMember");

		JsonNode byJoinAffiliation = this.api
			.judge(open, this.accounts.user("coi-team-judge-1"), "PRIVATE", "open culture foundation")
			.path("conflicts");
		JsonNode byAccount = this.api
			.judge(open, this.accounts.user("coi-team-judge-2"), "PUBLIC", "Taipei City Government")
			.path("conflicts");
		JsonNode unrelated = this.api.judge(open, this.accounts.user("coi-team-judge-3"), "PUBLIC", "Elsewhere Inc.")
			.path("conflicts");

		assertThat(byJoinAffiliation).hasSize(1);
		assertThat(byJoinAffiliation.get(0).path("proposalId").asString()).isEqualTo(proposal);
		assertThat(byJoinAffiliation.get(0).path("matchedWith").asString()).contains("TEAM_MEMBER");
		assertThat(byAccount).hasSize(1);
		assertThat(byAccount.get(0).path("matchedWith").asString()).contains("TEAM_MEMBER").contains("Taipei");
		assertThat(unrelated).isEmpty();
	}

	@Test
	void aJudgeAffiliatedWithTheOrganisationOfAnImportedProposerHasAConflict() {
		JudgingApi.Hackathon open = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		String file = "title,proposer,proposer_affiliation\r\nImported idea,Dana,Ministry of Digital Affairs\r\n"
				+ "Other idea,Eve,\r\n";
		HttpResponse<String> imported = this.http.post("/api/hackathons/" + open.slug() + "/proposals/import",
				"text/csv", file, this.organizer.headers());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(imported.body()).contains("\"created\":2");

		JsonNode conflicts = this.api
			.judge(open, this.accounts.user("coi-csv-judge-" + open.slug()), "PUBLIC", "ministry of digital affairs")
			.path("conflicts");
		assertThat(conflicts).hasSize(1);
		assertThat(conflicts.get(0).path("matchedWith").asString()).contains("PROPOSER")
			.contains("Dana")
			.contains("Ministry of Digital Affairs");
		// The same as data, for a client to say in its reader's language.
		assertThat(conflicts.get(0).path("matchedSource").asString()).isEqualTo("PROPOSER");
		assertThat(conflicts.get(0).path("matchedPerson").asString()).isEqualTo("Dana");
		assertThat(conflicts.get(0).path("matchedOrganisation").asString()).isEqualTo("Ministry of Digital Affairs");
		assertThat(conflicts.get(0).path("matchedAffiliation").asString()).isEqualTo("ministry of digital affairs");
		JsonNode unrelated = this.api
			.judge(open, this.accounts.user("coi-csv-other-" + open.slug()), "PRIVATE", "Elsewhere Inc.")
			.path("conflicts");
		assertThat(unrelated).isEmpty();
	}

	@Test
	void conflictsAreFoundFromTheProposersAffiliationsAndAClearedOneIsNotFoundAgain() {
		TestAccounts.Account proposer = this.accounts.user("coi-proposer");
		this.users.updateProfile(proposer.id(), null, List.of("Ministry of Digital Affairs", "g0v"));
		// The hackathon must be open for a proposer to propose; an organizer enters it on
		// their behalf instead.
		JudgingApi.Hackathon open = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		String theirs = this.api.proposal(open, "Their idea", proposer);
		String unrelated = this.api.proposal(open, "Unrelated idea", null);
		TestAccounts.Account judge = this.accounts.user("coi-found");
		// Full-width letters, case and punctuation do not hide a match.
		JsonNode record = this.api.judge(open, judge, "PUBLIC", "ＭＩＮＩＳＴＲＹ of digital affairs.");
		JsonNode conflicts = record.path("conflicts");
		assertThat(conflicts).hasSize(1);
		assertThat(conflicts.get(0).path("proposalId").asString()).isEqualTo(theirs);
		assertThat(conflicts.get(0).path("source").asString()).isEqualTo("FOUND");
		assertThat(conflicts.get(0).path("matchedWith").asString()).contains("PROPOSER").contains("Ministry");
		assertThat(conflicts.get(0).path("history").get(0).path("actor").asString()).isEqualTo("SYSTEM");
		assertThat(conflicts.findValuesAsString("proposalId")).doesNotContain(unrelated);

		ObjectNode clear = Http.json();
		clear.putObject("i")
			.put("judgeId", record.path("id").asString())
			.put("proposalId", theirs)
			.put("comment", "Different department, no working relation");
		JudgingApi.ok(this.http.graphql(CLEAR, clear, this.organizer.headers()), "clearConflict");
		ObjectNode detect = Http.json();
		detect.putObject("i").put("hackathonId", open.id());
		JsonNode detected = JudgingApi.ok(
				this.http.graphql("mutation($i: DetectConflictsInput!) { detectConflicts(input: $i) "
						+ "{ found judges { conflicts { status } } } }", detect, this.organizer.headers()),
				"detectConflicts");
		assertThat(detected.path("found").asInt()).isZero();
		assertThat(detected.path("judges").get(0).path("conflicts").get(0).path("status").asString())
			.isEqualTo("CLEARED");
		assertThat(this.http
			.graphql("mutation($i: DetectConflictsInput!) { detectConflicts(input: $i) { found } }", detect,
					judge.headers())
			.errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void changingAffiliationsAndAPartnerAgencyAreCheckedForConflicts() {
		JudgingApi.Hackathon open = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		TestAccounts.Account proposer = this.accounts.user("coi-later-proposer");
		this.users.updateProfile(proposer.id(), null, List.of("Taipei City Government"));
		String theirs = this.api.proposal(open, "City idea", proposer);
		String partnered = this.api.proposal(open, "Partnered idea", null);
		TestAccounts.Account judge = this.accounts.user("coi-later");
		JsonNode record = this.api.judge(open, judge, "PRIVATE", "Example Tech Co.");
		assertThat(record.path("conflicts")).isEmpty();

		String update = "mutation($i: UpdateJudgeInput!) { updateJudge(input: $i) { judge { conflicts { proposalId source matchedWith } } } }";
		ObjectNode input = Http.json();
		input.putObject("i")
			.put("judgeId", record.path("id").asString())
			.putArray("affiliations")
			.add("Example Tech Co.")
			.add("taipei city government");
		JsonNode after = JudgingApi.ok(this.http.graphql(update, input, judge.headers()), "updateJudge").path("judge");
		assertThat(after.path("conflicts").findValuesAsString("proposalId")).containsExactly(theirs);

		// The teams feature records a partner agency on the proposal; the next detection
		// finds it.
		this.proposals.recordTeam(partnered, 3, "Example Tech Co.", 1);
		ObjectNode detect = Http.json();
		detect.putObject("i").put("hackathonId", open.id());
		JsonNode detected = JudgingApi.ok(this.http.graphql(
				"mutation($i: DetectConflictsInput!) { detectConflicts(input: $i) "
						+ "{ found judges { conflicts { proposalId matchedWith } } } }",
				detect, this.organizer.headers()), "detectConflicts");
		assertThat(detected.path("found").asInt()).isEqualTo(1);
		assertThat(detected.path("judges").get(0).path("conflicts").findValuesAsString("matchedWith"))
			.anySatisfy((text) -> assertThat(text).startsWith("PARTNER_AGENCY"));
	}

	@Test
	void affiliationKeysIgnoreCaseWidthSpacingAndPunctuation() {
		assertThat(Affiliations.key(" Ministry of  Digital Affairs. ")).isEqualTo("ministry of digital affairs");
		assertThat(Affiliations.key("ＭＯＤＡ")).isEqualTo(Affiliations.key("moda"));
		assertThat(Affiliations.key("數位發展部")).isEqualTo("數位發展部").isNotEqualTo(Affiliations.key("數位部"));
		assertThat(Affiliations.key("g0v-jothon")).isEqualTo(Affiliations.key("g0v jothon"));
	}

	private ObjectNode declare(String proposal, String reason, String comment) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i")
			.put("hackathonId", this.hackathon.id())
			.put("proposalId", proposal)
			.put("reason", reason);
		if (comment != null) {
			input.put("comment", comment);
		}
		return variables;
	}

}
