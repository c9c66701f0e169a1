package org.hacktrail.team;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hacktrail.team.TeamApi.fails;
import static org.hacktrail.team.TeamApi.ok;

/**
 * {@code inviteCandidates}: a team's leads find people to invite by name or by a whole
 * email address, never seeing an address; everyone else is refused.
 */
class TeamInviteSearchTests extends TeamTestBase {

	static final String QUERY = "query($p: ID!, $s: String!) { inviteCandidates(proposalId: $p, search: $s) "
			+ "{ userId displayName affiliations matchedByEmail member invited } }";

	String tag;

	TestAccounts.Account alice;

	TestAccounts.Account bob;

	TestAccounts.Account dave;

	TestAccounts.Account olga;

	String id;

	@BeforeEach
	void setUpTeam() {
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		this.alice = this.accounts.user("quill" + this.tag + "-alice");
		this.bob = this.accounts.user("quill" + this.tag + "-bob");
		this.dave = this.accounts.user("quill" + this.tag + "-dave");
		this.olga = this.accounts.user("quill" + this.tag + "-olga");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		this.id = this.api.proposal(hackathon, "Search", this.alice);
		ok(this.api.accept(this.api.requestOk(this.id, null, null, this.bob), this.alice));
		this.api.inviteOk(this.id, this.dave.id(), null, this.alice);
	}

	Http.GraphQlResult search(String text, TestAccounts.Account as) {
		return this.api.call(QUERY, Http.json().put("p", this.id).put("s", text), as);
	}

	List<JsonNode> found(String text, TestAccounts.Account as) {
		List<JsonNode> people = new ArrayList<>();
		ok(search(text, as)).path("inviteCandidates").forEach(people::add);
		return people;
	}

	@Test
	void aLeadFindsPeopleByAPartOfTheirNameIgnoringCaseWithWhereTheyStand() {
		List<JsonNode> people = found("  QUILL" + this.tag.toUpperCase() + " ", this.alice);
		assertThat(people).extracting((p) -> p.path("displayName").asString())
			.containsExactly("quill" + this.tag + "-alice", "quill" + this.tag + "-bob", "quill" + this.tag + "-dave",
					"quill" + this.tag + "-olga");
		assertThat(people).extracting((p) -> p.path("member").asBoolean()).containsExactly(true, true, false, false);
		assertThat(people).extracting((p) -> p.path("invited").asBoolean()).containsExactly(false, false, true, false);
		assertThat(people).extracting((p) -> p.path("matchedByEmail").asBoolean()).containsOnly(false);
		assertThat(people.get(3).path("userId").asString()).isEqualTo(this.olga.id());
		// The answer holds no email address anywhere, and the type offers none to ask
		// for.
		assertThat(people.toString()).doesNotContain("@example.org");
		assertThat(this.api
			.call("query($p: ID!) { inviteCandidates(proposalId: $p, search: \"quill\") { email } }",
					Http.json().put("p", this.id), this.alice)
			.hasErrors()).isTrue();
	}

	@Test
	void anEmailAddressMatchesOnlyWhole() {
		String address = "quill" + this.tag + "-olga@example.org";
		List<JsonNode> people = found(address.toUpperCase(), this.alice);
		assertThat(people).hasSize(1);
		assertThat(people.get(0).path("userId").asString()).isEqualTo(this.olga.id());
		assertThat(people.get(0).path("matchedByEmail").asBoolean()).isTrue();
		// A part of an address finds nobody: a search cannot spell out someone's address.
		assertThat(found("quill" + this.tag + "-olga@exam", this.alice)).isEmpty();
		assertThat(found("olga@example.org", this.alice)).isEmpty();
	}

	@Test
	void atMostTenComeBackAndTheTextIsNeverAPattern() {
		for (int i = 0; i < 8; i++) {
			this.accounts.user("quill" + this.tag + "-extra" + i);
		}
		assertThat(found("quill" + this.tag, this.alice)).hasSize(TeamInviteSearch.MAX_RESULTS);
		assertThat(found(".*", this.alice)).isEmpty();
		assertThat(found("quill" + this.tag + ".", this.alice)).isEmpty();
	}

	@Test
	void tooShortOrTooLongTextIsRefusedClearly() {
		assertThat(fails(search(" q ", this.alice), "BAD_USER_INPUT").path("field").asString()).isEqualTo("search");
		assertThat(search(" q ", this.alice).errorMessage()).isEqualTo("Type at least 2 characters to search.");
		assertThat(search("x".repeat(101), this.alice).errorMessage())
			.isEqualTo("Type at most 100 characters to search.");
		// Two characters of Chinese are enough.
		assertThat(search("王小", this.alice).hasErrors()).isFalse();
	}

	@Test
	void onlyTheTeamsLeadsAndOrganizersSearch() {
		// A member who is not a lead, an outsider, the invitee: refused before the text
		// is
		// even looked at.
		for (TestAccounts.Account wrong : List.of(this.bob, this.olga, this.dave)) {
			assertThat(search("quill" + this.tag, wrong).errorCode()).as(wrong.user().displayName())
				.isEqualTo("FORBIDDEN");
			assertThat(search("q", wrong).errorCode()).isEqualTo("FORBIDDEN");
		}
		assertThat(search("quill" + this.tag, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(found("quill" + this.tag, this.organizer)).hasSize(4);
		assertThat(this.api.call(QUERY, Http.json().put("p", "no-such-proposal").put("s", "quill"), this.alice)
			.errorCode()).isEqualTo("NOT_FOUND");
	}

}
