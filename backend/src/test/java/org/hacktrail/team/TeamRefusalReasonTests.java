package org.hacktrail.team;

import java.util.UUID;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals reach the caller with a reason code the panel says in its reader's language
 * (issue #17): {@code extensions.reason}, {@code extensions.field} and
 * {@code extensions.args}, beside the English message made from the same template.
 */
class TeamRefusalReasonTests extends TeamTestBase {

	TestAccounts.Account alice;

	TeamApi.Hackathon hackathon;

	String id;

	@BeforeEach
	void setUpTeam() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.alice = this.accounts.user("reason" + tag + "-alice");
		this.hackathon = this.api.hackathon("COMMUNITY");
		this.id = this.api.proposal(this.hackathon, "Reasons", this.alice);
	}

	static JsonNode extensions(Http.GraphQlResult result) {
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		return result.body().path("errors").path(0).path("extensions");
	}

	@Test
	void aNumberOutOfRangeNamesItsFieldBoundsAndValue() {
		Http.GraphQlResult result = this.api.openPosition(this.id, "Backend", null, 51, this.alice);
		JsonNode extensions = extensions(result);
		assertThat(extensions.path("reason").asString()).isEqualTo("OUT_OF_RANGE");
		assertThat(extensions.path("field").asString()).isEqualTo("count");
		assertThat(extensions.path("args").path("min").asInt()).isEqualTo(1);
		assertThat(extensions.path("args").path("max").asInt()).isEqualTo(50);
		assertThat(extensions.path("args").path("value").asInt()).isEqualTo(51);
		assertThat(result.errorMessage()).isEqualTo("The count is between 1 and 50, not 51.");
		assertThat(this.api.team(this.id, this.alice).path("team").path("positions")).as("nothing opened").isEmpty();
	}

	@Test
	void aLineBreakInATitleNamesTheLanguageAndTheCharacter() {
		ObjectNode input = Http.json().put("hackathonSlug", this.hackathon.slug());
		input.putObject("title").put("zhTW", "兩行\n標題");
		Http.GraphQlResult result = this.api.mutate("createProposal", "CreateProposalInput", input, "proposal { id }",
				this.alice);
		JsonNode extensions = extensions(result);
		assertThat(extensions.path("reason").asString()).isEqualTo("LINE_BREAK");
		assertThat(extensions.path("field").asString()).isEqualTo("title.zhTW");
		assertThat(extensions.path("args").path("codePoint").asString()).isEqualTo("U+000A");
		assertThat(result.errorMessage()).isEqualTo(
				"The title.zhTW cannot contain control characters (U+000A, a line break: it must be a single line).");
	}

	@Test
	void anUnknownTagListsTheTagsThatExist() {
		ObjectNode input = Http.json().put("hackathonSlug", this.hackathon.slug());
		input.putObject("title").put("en", "Tagged");
		input.putArray("tags").add("no-such-tag");
		Http.GraphQlResult result = this.api.mutate("createProposal", "CreateProposalInput", input, "proposal { id }",
				this.alice);
		JsonNode extensions = extensions(result);
		assertThat(extensions.path("reason").asString()).isEqualTo("UNKNOWN_TAG");
		assertThat(extensions.path("field").asString()).isEqualTo("tags");
		assertThat(extensions.path("args").path("value").asString()).isEqualTo("no-such-tag");
		assertThat(extensions.path("args").path("allowed").asString()).isNotBlank();
		assertThat(result.errorMessage()).startsWith("Unknown tag 'no-such-tag'; use one of: ");
	}

	@Test
	void aForbiddenChangeCarriesItsReasonAndChangesNothing() {
		TestAccounts.Account mallory = this.accounts.user("reason" + UUID.randomUUID().toString().substring(0, 8));
		ObjectNode input = Http.json().put("id", this.id);
		input.putObject("title").put("en", "Taken over");
		Http.GraphQlResult result = this.api.mutate("updateProposal", "UpdateProposalInput", input, "proposal { id }",
				mallory);
		assertThat(result.errorCode()).isEqualTo("FORBIDDEN");
		JsonNode extensions = result.body().path("errors").path(0).path("extensions");
		assertThat(extensions.path("reason").asString()).isEqualTo("PROPOSER_OR_ORGANIZER");
		assertThat(extensions.has("field")).isFalse();
		assertThat(result.errorMessage()).isEqualTo("Only the proposer or an organizer can change this proposal.");
		assertThat(this.api.proposalWithTeam(this.id, this.alice).toString()).doesNotContain("Taken over");
	}

	@Test
	void aStateRefusalWithoutAFieldOfItsOwnStillCarriesItsReason() {
		Http.GraphQlResult result = this.api.request(this.id, null, null, this.alice);
		JsonNode extensions = extensions(result);
		assertThat(extensions.path("reason").asString()).isEqualTo("ALREADY_MEMBER_SELF");
		assertThat(extensions.path("args").isObject()).isTrue();
		assertThat(result.errorMessage()).isEqualTo("You are already a member of this team.");
	}

}
