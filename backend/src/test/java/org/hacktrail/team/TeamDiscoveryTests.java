package org.hacktrail.team;

import java.util.ArrayList;
import java.util.List;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hacktrail.team.TeamApi.fails;
import static org.hacktrail.team.TeamApi.ok;

/**
 * Finding teams: proposals that need a skill (open positions with a free seat, or
 * proposal needs), my teams, my requests and invitations; and the cost of showing teams
 * on a page of proposals, which does not grow with the page.
 */
class TeamDiscoveryTests extends TeamTestBase {

	static final String NEEDING = """
			query($slug: String!, $skill: String!, $first: Int, $after: String) {
			  proposalsNeedingSkill(hackathonSlug: $slug, skill: $skill, first: $first, after: $after) {
			    edges { node { id title { en } team { openPositions { skill } } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	List<String> needing(TeamApi.Hackathon hackathon, String skill, TestAccounts.Account as) {
		List<String> titles = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 20; page++) {
			ObjectNode variables = Http.json().put("slug", hackathon.slug()).put("skill", skill).put("first", 1);
			if (after != null) {
				variables.put("after", after);
			}
			JsonNode connection = ok(this.api.call(NEEDING, variables, as)).path("proposalsNeedingSkill");
			connection.path("edges")
				.forEach((edge) -> titles.add(edge.path("node").path("title").path("en").asString()));
			if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
				return titles;
			}
			after = connection.path("pageInfo").path("endCursor").asString();
		}
		throw new AssertionError("pagination did not end");
	}

	@Test
	void proposalsNeedingASkillComeFromOpenPositionsAndProposalNeeds() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account drafter = user("drafter");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		this.api.proposal(hackathon, "Alpha", alice, "React", "GIS");
		String beta = this.api.proposal(hackathon, "Beta", alice);
		this.api.openPositionOk(beta, "ｒｅａｃｔ", "DEVELOPER", 1, alice);
		String gamma = this.api.proposal(hackathon, "Gamma", alice);
		String full = this.api.openPositionOk(gamma, "React", "DEVELOPER", 1, alice);
		ok(this.api.accept(this.api.requestOk(gamma, full, null, bob), alice));
		this.api.draft(hackathon, "Delta", drafter, "react");
		String epsilon = this.api.proposal(hackathon, "Epsilon", alice);
		this.api.openPositionOk(epsilon, "UI", "DESIGNER", 2, alice);
		String withdrawn = this.api.proposal(hackathon, "Zeta", alice, "React");
		this.api.transition(withdrawn, "WITHDRAWN", alice);
		this.api.proposal(this.api.hackathon("COMMUNITY"), "Elsewhere", alice, "React");

		assertThat(needing(hackathon, "react", bob)).containsExactly("Alpha", "Beta");
		assertThat(needing(hackathon, " REACT ", null)).as("anonymous, any case").containsExactly("Alpha", "Beta");
		assertThat(needing(hackathon, "react", drafter)).as("their own draft too")
			.containsExactly("Alpha", "Beta", "Delta");
		assertThat(needing(hackathon, "designer", bob)).as("a role name").containsExactly("Epsilon");
		assertThat(needing(hackathon, "gis", bob)).containsExactly("Alpha");
		assertThat(needing(hackathon, "COBOL", bob)).isEmpty();

		// Freeing the seat in Gamma brings it back.
		ok(this.api.leave(gamma, null, bob));
		assertThat(needing(hackathon, "React", bob)).containsExactly("Alpha", "Beta", "Gamma");

		fails(this.api.call(NEEDING, Http.json().put("slug", hackathon.slug()).put("skill", " "), bob),
				"BAD_USER_INPUT");
		fails(this.api.call(NEEDING, Http.json().put("slug", "no-such-hackathon").put("skill", "React"), bob),
				"NOT_FOUND");
	}

	@Test
	void myTeamsRequestsAndInvitations() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account nobody = user("nobody");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		String first = this.api.proposal(hackathon, "First", alice);
		String second = this.api.proposal(hackathon, "Second", alice);
		String third = this.api.proposal(hackathon, "Third", alice);
		ok(this.api.accept(this.api.requestOk(first, null, "one", bob), alice));
		String declined = this.api.requestOk(second, null, "two", bob);
		ok(this.api.decline(declined, "no", alice));
		this.api.requestOk(second, null, "two again", bob);
		this.api.inviteOk(third, bob.id(), null, alice);

		JsonNode teams = ok(
				this.api.call("{ myTeams { id viewerMembership { role } proposal { title { en } } } }", null, bob))
			.path("myTeams");
		assertThat(teams.findValuesAsString("id")).containsExactly(first);
		assertThat(teams.get(0).path("viewerMembership").path("role").asString()).isEqualTo("OTHER");
		assertThat(ok(this.api.call("{ myTeams { id } }", null, alice)).path("myTeams").findValuesAsString("id"))
			.contains(first, second, third);
		assertThat(ok(this.api.call("{ myTeams { id } }", null, nobody)).path("myTeams")).isEmpty();

		JsonNode all = ok(this.api.call("{ myJoinRequests { status message proposal { id } } }", null, bob))
			.path("myJoinRequests");
		assertThat(all.findValuesAsString("status")).containsExactly("PENDING", "DECLINED", "ACCEPTED");
		assertThat(all.findValuesAsString("message")).containsExactly("two again", "two", "one");
		JsonNode pending = ok(this.api.call("{ myJoinRequests(status: [PENDING]) { proposal { id } } }", null, bob))
			.path("myJoinRequests");
		assertThat(pending.findValuesAsString("id")).containsExactly(second);
		JsonNode invitations = ok(
				this.api.call("{ myTeamInvitations(status: [PENDING]) { proposal { id } } }", null, bob))
			.path("myTeamInvitations");
		assertThat(invitations.findValuesAsString("id")).containsExactly(third);
		assertThat(ok(this.api.call("{ myJoinRequests { id } }", null, alice)).path("myJoinRequests")).isEmpty();
	}

	static final String PAGE = """
			query($slug: String!) {
			  proposals(hackathonSlug: $slug) { edges { node { id teamSize
			    team { size viewerCanManage members { role displayName user { displayName } position { skill } }
			           openPositions { skill openings } joinRequests { id proposal { id } } }
			  } } }
			}""";

	@Test
	void teamsOnAPageOfProposalsCostTheSameRoundTripsWhateverThePageSize() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TeamApi.Hackathon small = this.api.hackathon("COMMUNITY");
		TeamApi.Hackathon large = this.api.hackathon("COMMUNITY");
		for (TeamApi.Hackathon hackathon : List.of(small, large)) {
			int count = (hackathon == small) ? 2 : 8;
			for (int i = 0; i < count; i++) {
				String id = this.api.proposal(hackathon, "P" + i, alice);
				String position = this.api.openPositionOk(id, "Backend", null, 2, alice);
				ok(this.api.accept(this.api.requestOk(id, position, null, bob), alice));
			}
		}
		List<String> smallPage = TeamTestConfiguration
			.commandsOf(() -> ok(this.api.call(PAGE, Http.json().put("slug", small.slug()), alice)));
		List<String> largePage = TeamTestConfiguration
			.commandsOf(() -> ok(this.api.call(PAGE, Http.json().put("slug", large.slug()), alice)));
		JsonNode page = ok(this.api.call(PAGE, Http.json().put("slug", large.slug()), alice));
		assertThat(page.path("proposals").path("edges")).hasSize(8);
		assertThat(page.findValues("members").get(0)).hasSize(2);
		assertThat(largePage).as("same store commands for 8 proposals as for 2").hasSameSizeAs(smallPage);
		assertThat(largePage.stream().filter("find:teams"::equals).count()).as("one batch for the teams").isEqualTo(1);
		assertThat(largePage.stream().filter("find:users"::equals).count())
			.as("one to authenticate the bearer token, one batch for the members' users")
			.isEqualTo(2);
	}

}
