package org.hacktrail.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects the hostile-input and IDOR tables act on, built once through the API: an organizer, a victim who
 * owns things, an attacker who owns little, hackathons (one still DRAFT, hidden from everyone but organizers), the
 * victim's proposals (a DRAFT one, hidden, and a SUBMITTED one), projects and API token. Features add their own
 * objects with {@link #put} (see {@link Operations} for the recipe).
 */
public final class World {

	public final Http http;

	public final TestAccounts.Account organizer;

	public final TestAccounts.Account victim;

	public final TestAccounts.Account attacker;

	private final Map<String, String> ids = new LinkedHashMap<>();

	World(Http http, TestAccounts accounts) {
		this.http = http;
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.organizer = accounts.organizer();
		this.victim = accounts.user("victim-" + run);
		this.attacker = accounts.user("attacker-" + run);
	}

	/** Builds the objects of every feature on main. */
	static World build(Http http, TestAccounts accounts) {
		World world = new World(http, accounts);
		String run = UUID.randomUUID().toString().substring(0, 8);
		world.put("hackathon.slug", world.hackathon("open-" + run, "OPEN_FOR_PROPOSALS"));
		world.put("hackathon.id", world.hackathonId(world.id("hackathon.slug")));
		world.put("draftHackathon.slug", world.hackathon("draft-" + run, "DRAFT"));
		world.put("draftHackathon.id", world.hackathonId(world.id("draftHackathon.slug")));
		world.put("proposal.draft", world.proposal(world.victim, "Victim's draft " + run));
		world.put("proposal.submitted", world.proposal(world.victim, "Victim's pitch " + run));
		world.call(world.victim, "mutation($id: ID!) { transitionProposal(input: {proposalId: $id, to: SUBMITTED}) "
				+ "{ proposal { status } } }", Http.json().put("id", world.id("proposal.submitted")));
		world.put("project.public", world.call(world.victim,
				"mutation($id: ID!) { linkProposalToProject(input: {proposalId: $id}) { proposal { project { id } } } }",
				Http.json().put("id", world.id("proposal.submitted")))
			.path("linkProposalToProject")
			.path("proposal")
			.path("project")
			.path("id")
			.asString());
		world.put("project.hidden", world.call(world.victim,
				"mutation($id: ID!) { linkProposalToProject(input: {proposalId: $id}) { proposal { project { id } } } }",
				Http.json().put("id", world.id("proposal.draft")))
			.path("linkProposalToProject")
			.path("proposal")
			.path("project")
			.path("id")
			.asString());
		world.put("token.victim", world.call(world.victim,
				"mutation { createApiToken(input: {name: \"victim's script\"}) { token { id } } }", Http.json())
			.path("createApiToken")
			.path("token")
			.path("id")
			.asString());
		world.put("proposal.attacker", world.proposal(world.attacker, "Attacker's own " + run));
		return world;
	}

	public void put(String key, String id) {
		assertThat(id).as(key).isNotBlank();
		this.ids.put(key, id);
	}

	public String id(String key) {
		String id = this.ids.get(key);
		assertThat(id).as("world has no " + key).isNotNull();
		return id;
	}

	/** Calls the API as {@code who}; fails the test on any error. Returns {@code data}. */
	public JsonNode call(TestAccounts.Account who, String document, ObjectNode variables) {
		Http.GraphQlResult result = this.http.graphql(document, variables, who.headers());
		assertThat(result.hasErrors()).as(document + " -> " + result.body()).isFalse();
		return result.data();
	}

	private String hackathon(String slug, String phase) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input");
		input.put("slug", slug).put("kind", "COMMUNITY").put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-12-01T09:00:00+08:00").put("endsAt", "2026-12-02T18:00:00+08:00");
		input.putObject("name").put("en", "Hostile " + slug);
		JsonNode created = call(this.organizer,
				"mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id } } }",
				variables);
		String id = created.path("createHackathon").path("hackathon").path("id").asString();
		if (!phase.equals("DRAFT")) {
			call(this.organizer, "mutation($id: ID!) { changeHackathonPhase(input: {hackathonId: $id, to: "
					+ "OPEN_FOR_PROPOSALS}) { hackathon { phase } } }", Http.json().put("id", id));
		}
		return slug;
	}

	private String hackathonId(String slug) {
		return call(this.organizer, "query($s: String!) { hackathon(slug: $s) { id } }", Http.json().put("s", slug))
			.path("hackathon")
			.path("id")
			.asString();
	}

	private String proposal(TestAccounts.Account who, String title) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("hackathonSlug", id("hackathon.slug"));
		input.putObject("title").put("en", title);
		input.putObject("summary").put("en", "Secret notes of " + title);
		input.putArray("needs").add("designer");
		return call(who, "mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }",
				variables)
			.path("createProposal")
			.path("proposal")
			.path("id")
			.asString();
	}

}
