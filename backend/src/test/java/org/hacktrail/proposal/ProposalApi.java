package org.hacktrail.proposal;

import java.util.List;
import java.util.UUID;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL calls the proposal tests make, in one place, so that each test reads as the
 * rule it proves.
 */
final class ProposalApi {

	static final String PROPOSAL_FIELDS = """
			id status version proposerId proposerName proposerAffiliation channel needs linkCount teamSize
			title { zhTW en } summary { zhTW en } tags { id zhTW en } links { type url }
			project { id } history { from to by actor reason reasonCode reasonArgs { name value zhTW en } }""";

	private final Http http;

	private final TestAccounts.Account organizer;

	ProposalApi(Http http, TestAccounts.Account organizer) {
		this.http = http;
		this.organizer = organizer;
	}

	/** A new hackathon moved to {@code phase} by the organizer; returns its slug. */
	String hackathon(String kind, String phase) {
		String slug = "hk-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input");
		input.put("slug", slug).put("kind", kind).put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "2026-11-29T18:00:00+08:00");
		input.putObject("name").put("zhTW", "測試黑客松").put("en", "Test hackathon");
		Http.GraphQlResult created = this.http.graphql(
				"mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id phase } } }",
				variables, this.organizer.headers());
		assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
		String id = created.data().path("createHackathon").path("hackathon").path("id").asString();
		String[] phases = { "DRAFT", "OPEN_FOR_PROPOSALS", "PITCHING", "HACKING", "JUDGING", "RESULTS_PUBLISHED",
				"FOLLOW_UP", "ARCHIVED" };
		for (int i = 1; i < phases.length && !phases[i - 1].equals(phase); i++) {
			ObjectNode move = Http.json();
			move.putObject("input").put("hackathonId", id).put("to", phases[i]);
			Http.GraphQlResult moved = this.http.graphql(
					"mutation($input: ChangeHackathonPhaseInput!) { changeHackathonPhase(input: $input) { hackathon { phase } } }",
					move, this.organizer.headers());
			assertThat(moved.hasErrors()).as(moved.body().toString()).isFalse();
		}
		return slug;
	}

	String hackathonId(String slug) {
		return this.http
			.graphql("query($s: String!) { hackathon(slug: $s) { id } }", Http.json().put("s", slug),
					this.organizer.headers())
			.data()
			.path("hackathon")
			.path("id")
			.asString();
	}

	static ObjectNode proposalInput(String slug, String zhTitle, String enTitle) {
		ObjectNode input = Http.json().put("hackathonSlug", slug);
		ObjectNode title = input.putObject("title");
		if (zhTitle != null) {
			title.put("zhTW", zhTitle);
		}
		if (enTitle != null) {
			title.put("en", enTitle);
		}
		return input;
	}

	Http.GraphQlResult create(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { "
				+ PROPOSAL_FIELDS + " } } }", variables, (as != null) ? as.headers() : new String[0]);
	}

	JsonNode createOk(ObjectNode input, TestAccounts.Account as) {
		Http.GraphQlResult result = create(input, as);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("createProposal").path("proposal");
	}

	Http.GraphQlResult update(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { "
				+ PROPOSAL_FIELDS + " } } }", variables, (as != null) ? as.headers() : new String[0]);
	}

	Http.GraphQlResult transition(String id, String to, String reason, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("proposalId", id).put("to", to);
		if (reason != null) {
			input.put("reason", reason);
		}
		return this.http
			.graphql("mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { proposal { "
					+ PROPOSAL_FIELDS + " } } }", variables, (as != null) ? as.headers() : new String[0]);
	}

	JsonNode transitionOk(String id, String to, String reason, TestAccounts.Account as) {
		Http.GraphQlResult result = transition(id, to, reason, as);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("transitionProposal").path("proposal");
	}

	/** The proposal as {@code as} sees it (null node when hidden). */
	JsonNode get(String id, TestAccounts.Account as) {
		Http.GraphQlResult result = this.http.graphql(
				"query($id: ID!) { proposal(id: $id) { " + PROPOSAL_FIELDS + " } }", Http.json().put("id", id),
				(as != null) ? as.headers() : new String[0]);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("proposal");
	}

	Http.GraphQlResult list(String slug, ObjectNode filter, String orderBy, Integer first, String after,
			TestAccounts.Account as) {
		ObjectNode variables = Http.json().put("slug", slug);
		if (filter != null) {
			variables.set("filter", filter);
		}
		if (orderBy != null) {
			variables.put("orderBy", orderBy);
		}
		if (first != null) {
			variables.put("first", first);
		}
		if (after != null) {
			variables.put("after", after);
		}
		return this.http.graphql("""
				query($slug: String!, $filter: ProposalFilter, $orderBy: ProposalOrder, $first: Int, $after: String) {
				  proposals(hackathonSlug: $slug, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
				    edges { cursor node { id status title { zhTW en } proposerName } }
				    pageInfo { hasNextPage endCursor }
				  }
				}""", variables, (as != null) ? as.headers() : new String[0]);
	}

	/** Every proposal id of a listing, following cursors page by page. */
	List<String> listAll(String slug, ObjectNode filter, String orderBy, int pageSize, TestAccounts.Account as) {
		List<String> ids = new java.util.ArrayList<>();
		String after = null;
		for (int page = 0; page < 1000; page++) {
			Http.GraphQlResult result = list(slug, filter, orderBy, pageSize, after, as);
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			JsonNode connection = result.data().path("proposals");
			connection.path("edges").forEach((edge) -> ids.add(edge.path("node").path("id").asString()));
			if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
				return ids;
			}
			after = connection.path("pageInfo").path("endCursor").asString();
		}
		throw new AssertionError("pagination did not end");
	}

	static ArrayNode array(String... values) {
		ArrayNode array = Http.json().arrayNode();
		for (String value : values) {
			array.add(value);
		}
		return array;
	}

}
