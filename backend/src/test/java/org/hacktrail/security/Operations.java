package org.hacktrail.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables of the hostile-input and IDOR tests: every GraphQL operation on main with its inputs and the caller
 * who owns what it touches.
 *
 * <h2>Adding a feature (judging, teams, follow-up) when it merges</h2>
 * <ol>
 * <li>In {@link World#build}, create the feature's objects through the API as their owner (e.g. a score sheet of
 * {@code world.victim} as a judge; an organizer-only override) and {@code world.put("sheet.victim", id)}. If the
 * feature needs a judge or team member, make the victim one; keep the attacker an outsider with the same role
 * where the feature has one (another judge of another panel), because that is the IDOR that matters.</li>
 * <li>In {@link #text()}, add a {@link TextOperation} per mutation or query that takes free text or a map: the
 * legitimate caller, the document, the variables (with a harmless value where the payload goes) and each text
 * field as a JSON pointer into the variables, mapped to the pointer in {@code data} where it comes back verbatim
 * ("" if it does not come back).</li>
 * <li>In {@link #forged()}, add a {@link ForgedOperation} per query and mutation that takes an id, sent by
 * {@code ATTACKER} (and {@code ANONYMOUS} for mutations) against the victim's object, with the expected refusal:
 * {@link #refused(String...)}, {@link #nullAt(String)} or {@link #absentFrom(String, String)}.</li>
 * <li>Add the feature's collections to {@link #SNAPSHOT}: the IDOR test compares them before and after.</li>
 * </ol>
 * REST endpoints go into {@code HostileInputTests#restIsRefusedToTheWrongCaller}.
 */
public final class Operations {

	private Operations() {
	}

	/** Collections compared before and after the forged operations: nothing in them may change. */
	public static final List<String> SNAPSHOT = List.of("hackathons", "proposals", "projects", "api_tokens", "users");

	public enum Actor {

		ORGANIZER, VICTIM, ATTACKER, ANONYMOUS;

		String[] headers(World world) {
			TestAccounts.Account account = switch (this) {
				case ORGANIZER -> world.organizer;
				case VICTIM -> world.victim;
				case ATTACKER -> world.attacker;
				case ANONYMOUS -> null;
			};
			return (account != null) ? account.headers() : new String[0];
		}

	}

	/**
	 * An operation whose free-text inputs get hostile payloads, sent by its legitimate caller.
	 *
	 * @param textFields JSON pointer into the variables → JSON pointer into {@code data} where the text comes back
	 *     verbatim when accepted ("" if it does not)
	 */
	public record TextOperation(String name, Actor actor, String document, Function<World, ObjectNode> variables,
			Map<String, String> textFields) {
	}

	/** An operation sent by the wrong caller against someone else's object, and what must happen. */
	public record ForgedOperation(String name, Actor actor, String document, Function<World, ObjectNode> variables,
			Expectation expectation) {
	}

	@FunctionalInterface
	public interface Expectation {

		void check(World world, Http.GraphQlResult result);

	}

	/** Refused with one of these codes, and no data for the field. */
	public static Expectation refused(String... codes) {
		return (world, result) -> {
			assertThat(result.errorCode()).as(result.body().toString()).isIn((Object[]) codes);
			assertThat(result.body().toString()).doesNotContain("Secret notes");
		};
	}

	/** Answered without error, with null at {@code pointer} (the object is hidden, not refused). */
	public static Expectation nullAt(String pointer) {
		return (world, result) -> {
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			JsonNode value = result.data().at(pointer);
			assertThat(value.isNull() || value.isMissingNode()).as(pointer + " in " + result.body()).isTrue();
		};
	}

	/** The list at {@code pointer} (of nodes with {@code id}, or connection edges) does not hold the object. */
	public static Expectation absentFrom(String pointer, String worldKey) {
		return (world, result) -> {
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			assertThat(result.data().at(pointer).isArray()).as(pointer + " in " + result.body()).isTrue();
			assertThat(result.data().at(pointer).toString()).doesNotContain(world.id(worldKey));
		};
	}

	private static ObjectNode vars(String... keyValues) {
		ObjectNode node = Http.json();
		for (int i = 0; i + 1 < keyValues.length; i += 2) {
			node.put(keyValues[i], keyValues[i + 1]);
		}
		return node;
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static final String PROPOSAL = "proposal { id title { en } summary { en } channel needs tags { id } links { url } }";

	/** Operations on main with free-text or map inputs. */
	public static List<TextOperation> text() {
		List<TextOperation> all = new ArrayList<>();
		all.add(new TextOperation("createProposal", Actor.VICTIM,
				"mutation($input: CreateProposalInput!) { createProposal(input: $input) { " + PROPOSAL + " } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("hackathonSlug", w.id("hackathon.slug"));
					input.putObject("title").put("en", "Title " + UUID.randomUUID());
					input.putObject("summary").put("en", "plain");
					input.put("channel", "#plain");
					input.putArray("needs").add("plain");
					input.putArray("tags").add("open-government");
					input.putArray("links").addObject().put("type", "WEBSITE").put("url", "https://example.org/");
					return v;
				}, fields("/input/title/en", "/createProposal/proposal/title/en", "/input/summary/en",
						"/createProposal/proposal/summary/en", "/input/channel", "", "/input/needs/0", "",
						"/input/tags/0", "", "/input/links/0/url", "")));
		all.add(new TextOperation("updateProposal", Actor.VICTIM,
				"mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { " + PROPOSAL + " } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("id", w.id("proposal.draft"));
					input.putObject("summary").put("en", "plain");
					input.put("channel", "#plain");
					return v;
				}, fields("/input/summary/en", "/updateProposal/proposal/summary/en", "/input/channel", "")));
		all.add(new TextOperation("updateMyProfile", Actor.ATTACKER,
				"mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { displayName affiliations } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("displayName", "plain");
					input.putArray("affiliations").add("plain");
					return v;
				}, fields("/input/displayName", "/updateMyProfile/user/displayName", "/input/affiliations/0",
						"/updateMyProfile/user/affiliations/0")));
		all.add(new TextOperation("createApiToken", Actor.ATTACKER,
				"mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { name } } }",
				(w) -> {
					ObjectNode v = Http.json();
					v.putObject("input").put("name", "plain");
					return v;
				}, fields("/input/name", "/createApiToken/token/name")));
		all.add(new TextOperation("createHackathon", Actor.ORGANIZER,
				"mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { slug name { en } location timeZone } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input")
						.put("slug", "h-" + UUID.randomUUID().toString().substring(0, 12))
						.put("kind", "OTHER")
						.put("timeZone", "Asia/Taipei")
						.put("location", "plain")
						.put("startsAt", "2027-01-01T09:00:00+08:00")
						.put("endsAt", "2027-01-02T09:00:00+08:00");
					input.putObject("name").put("en", "plain");
					return v;
				}, fields("/input/slug", "/createHackathon/hackathon/slug", "/input/name/en",
						"/createHackathon/hackathon/name/en", "/input/location", "/createHackathon/hackathon/location",
						"/input/timeZone", "")));
		all.add(new TextOperation("updateHackathon", Actor.ORGANIZER,
				"mutation($input: UpdateHackathonInput!) { updateHackathon(input: $input) { hackathon { name { en } location } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("id", w.id("draftHackathon.id")).put("location", "plain");
					input.putObject("name").put("en", "plain");
					return v;
				}, fields("/input/location", "/updateHackathon/hackathon/location", "/input/name/en",
						"/updateHackathon/hackathon/name/en")));
		all.add(new TextOperation("setHackathonRounds", Actor.ORGANIZER,
				"mutation($input: SetHackathonRoundsInput!) { setHackathonRounds(input: $input) { hackathon { rounds { name { en } } } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("hackathonId", w.id("draftHackathon.id"));
					input.putArray("rounds").addObject().put("kind", "REVIEW").putObject("name").put("en", "plain");
					return v;
				}, fields("/input/rounds/0/name/en", "/setHackathonRounds/hackathon/rounds/0/name/en")));
		all.add(new TextOperation("updateProject", Actor.VICTIM,
				"mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { name { en } repositoryUrl } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("id", w.id("project.public"));
					input.putObject("name").put("en", "plain");
					input.put("repositoryUrl", "https://example.org/repo");
					input.putArray("issueAreas").add("open-government");
					return v;
				}, fields("/input/name/en", "/updateProject/project/name/en", "/input/repositoryUrl", "",
						"/input/issueAreas/0", "")));
		all.add(new TextOperation("proposals(filter)", Actor.ANONYMOUS,
				"query($slug: String!, $text: String, $need: String, $tag: String, $after: String) { proposals("
						+ "hackathonSlug: $slug, filter: {text: $text, need: $need, tag: $tag}, after: $after) "
						+ "{ edges { node { id } } } }",
				(w) -> vars("slug", w.id("hackathon.slug")), fields("/text", "", "/need", "", "/tag", "", "/after", "")));
		all.add(new TextOperation("lookups by slug and id", Actor.ANONYMOUS,
				"query($slug: String!, $id: ID!) { hackathon(slug: $slug) { id } proposal(id: $id) { id } project(id: $id) { id } }",
				(w) -> vars("slug", "plain", "id", "plain"), fields("/slug", "", "/id", "")));
		all.add(new TextOperation("startJob parameters", Actor.ORGANIZER,
				"mutation($input: StartJobInput!) { startJob(input: $input) { run { id } } }", (w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("name", "plain");
					input.putArray("parameters").addObject().put("key", "plain").put("value", "plain");
					return v;
				}, fields("/input/parameters/0/key", "", "/input/parameters/0/value", "", "/input/name", "")));
		all.add(new TextOperation("jobRun id", Actor.ORGANIZER, "query($id: ID!) { jobRun(id: $id) { id } }",
				(w) -> vars("id", "1"), fields("/id", "")));
		return all;
	}

	/** Every query and mutation on main that takes an id or slug, sent by the wrong caller. */
	public static List<ForgedOperation> forged() {
		List<ForgedOperation> all = new ArrayList<>();
		Set<String> refusedOrHidden = Set.of("NOT_FOUND", "FORBIDDEN");
		String[] hidden = refusedOrHidden.toArray(String[]::new);
		all.add(new ForgedOperation("proposal(id) of a hidden draft", Actor.ATTACKER,
				"query($id: ID!) { proposal(id: $id) { id title { en } summary { en } } }",
				(w) -> vars("id", w.id("proposal.draft")), nullAt("/proposal")));
		all.add(new ForgedOperation("proposal history of someone else", Actor.ATTACKER,
				"query($id: ID!) { proposal(id: $id) { id history { to } } }",
				(w) -> vars("id", w.id("proposal.submitted")), nullAt("/proposal/history")));
		all.add(new ForgedOperation("proposals list hides the draft", Actor.ATTACKER,
				"query($slug: String!) { proposals(hackathonSlug: $slug) { edges { node { id } } } }",
				(w) -> vars("slug", w.id("hackathon.slug")), absentFrom("/proposals/edges", "proposal.draft")));
		all.add(new ForgedOperation("proposals of a DRAFT hackathon", Actor.ATTACKER,
				"query($slug: String!) { proposals(hackathonSlug: $slug) { edges { node { id } } } }",
				(w) -> vars("slug", w.id("draftHackathon.slug")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("hackathon(slug) of a DRAFT hackathon", Actor.ATTACKER,
				"query($slug: String!) { hackathon(slug: $slug) { id } }", (w) -> vars("slug", w.id("draftHackathon.slug")),
				nullAt("/hackathon")));
		all.add(new ForgedOperation("hackathons list hides DRAFT", Actor.ANONYMOUS,
				"{ hackathons(first: 100) { edges { node { id } } } }", (w) -> Http.json(),
				absentFrom("/hackathons/edges", "draftHackathon.id")));
		all.add(new ForgedOperation("project(id) seen only through a hidden draft", Actor.ATTACKER,
				"query($id: ID!) { project(id: $id) { id proposals { id } } }", (w) -> vars("id", w.id("project.hidden")),
				nullAt("/project")));
		all.add(new ForgedOperation("projectSuggestions of someone else's proposal", Actor.ATTACKER,
				"query($id: ID!) { projectSuggestions(proposalId: $id) { reasons } }",
				(w) -> vars("id", w.id("proposal.submitted")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("updateProposal of a hidden draft", Actor.ATTACKER,
				"mutation($id: ID!) { updateProposal(input: {id: $id, channel: \"#pwned\"}) { proposal { id } } }",
				(w) -> vars("id", w.id("proposal.draft")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("updateProposal of someone else's", Actor.ATTACKER,
				"mutation($id: ID!) { updateProposal(input: {id: $id, channel: \"#pwned\"}) { proposal { id } } }",
				(w) -> vars("id", w.id("proposal.submitted")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("updateProposal anonymously", Actor.ANONYMOUS,
				"mutation($id: ID!) { updateProposal(input: {id: $id, channel: \"#pwned\"}) { proposal { id } } }",
				(w) -> vars("id", w.id("proposal.submitted")), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("transitionProposal of someone else's", Actor.ATTACKER,
				"mutation($id: ID!) { transitionProposal(input: {proposalId: $id, to: WITHDRAWN}) { proposal { id } } }",
				(w) -> vars("id", w.id("proposal.submitted")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("linkProposalToProject of someone else's", Actor.ATTACKER,
				"mutation($id: ID!) { linkProposalToProject(input: {proposalId: $id}) { proposal { id } } }",
				(w) -> vars("id", w.id("proposal.submitted")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("link own proposal into a hidden project", Actor.ATTACKER,
				"mutation($id: ID!, $project: ID) { linkProposalToProject(input: {proposalId: $id, projectId: $project}) { proposal { id } } }",
				(w) -> vars("id", w.id("proposal.attacker"), "project", w.id("project.hidden")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("unlinkProposalFromProject of someone else's", Actor.ATTACKER,
				"mutation($id: ID!) { unlinkProposalFromProject(input: {proposalId: $id}) { proposal { id } } }",
				(w) -> vars("id", w.id("proposal.submitted")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("updateProject of someone else's", Actor.ATTACKER,
				"mutation($id: ID!) { updateProject(input: {id: $id, websiteUrl: \"https://evil.example\"}) { project { id } } }",
				(w) -> vars("id", w.id("project.public")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("revokeApiToken of someone else's", Actor.ATTACKER,
				"mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { id } } }",
				(w) -> vars("id", w.id("token.victim")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("revokeApiToken anonymously", Actor.ANONYMOUS,
				"mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { id } } }",
				(w) -> vars("id", w.id("token.victim")), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("me lists only one's own tokens", Actor.ATTACKER, "{ me { apiTokens { id } } }",
				(w) -> Http.json(), absentFrom("/me/apiTokens", "token.victim")));
		all.add(new ForgedOperation("createHackathon", Actor.ATTACKER,
				"mutation { createHackathon(input: {slug: \"pwned-hackathon\", name: {en: \"x\"}, kind: OTHER, "
						+ "startsAt: \"2027-01-01T09:00:00Z\", endsAt: \"2027-01-02T09:00:00Z\", timeZone: \"UTC\"}) "
						+ "{ hackathon { id } } }",
				(w) -> Http.json(), refused("FORBIDDEN")));
		all.add(new ForgedOperation("updateHackathon", Actor.ATTACKER,
				"mutation($id: ID!) { updateHackathon(input: {id: $id, location: \"pwned\"}) { hackathon { id } } }",
				(w) -> vars("id", w.id("hackathon.id")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("changeHackathonPhase", Actor.ATTACKER,
				"mutation($id: ID!) { changeHackathonPhase(input: {hackathonId: $id, to: OPEN_FOR_PROPOSALS}) { hackathon { id } } }",
				(w) -> vars("id", w.id("draftHackathon.id")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("setHackathonRounds", Actor.ATTACKER,
				"mutation($id: ID!) { setHackathonRounds(input: {hackathonId: $id, rounds: []}) { hackathon { id } } }",
				(w) -> vars("id", w.id("hackathon.id")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("createProposal in a DRAFT hackathon", Actor.ATTACKER,
				"mutation($slug: String!) { createProposal(input: {hackathonSlug: $slug, title: {en: \"sneak\"}}) { proposal { id } } }",
				(w) -> vars("slug", w.id("draftHackathon.slug")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("createProposal on someone else's behalf", Actor.ATTACKER,
				"mutation($slug: String!) { createProposal(input: {hackathonSlug: $slug, title: {en: \"sneak\"}, proposerName: \"Victim\"}) { proposal { id } } }",
				(w) -> vars("slug", w.id("hackathon.slug")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("jobNames", Actor.ATTACKER, "{ jobNames }", (w) -> Http.json(), refused("FORBIDDEN")));
		all.add(new ForgedOperation("jobRuns", Actor.ATTACKER, "{ jobRuns { id } }", (w) -> Http.json(),
				refused("FORBIDDEN")));
		all.add(new ForgedOperation("jobRun(id)", Actor.ATTACKER, "{ jobRun(id: \"1\") { id } }", (w) -> Http.json(),
				refused("FORBIDDEN")));
		all.add(new ForgedOperation("startJob", Actor.ATTACKER,
				"mutation { startJob(input: {name: \"anything\"}) { run { id } } }", (w) -> Http.json(),
				refused(hidden)));
		all.add(new ForgedOperation("restartJob", Actor.ATTACKER,
				"mutation { restartJob(input: {id: \"1\"}) { run { id } } }", (w) -> Http.json(), refused(hidden)));
		all.add(new ForgedOperation("auditEvents", Actor.ATTACKER, "{ auditEvents { edges { node { id } } } }",
				(w) -> Http.json(), refused("FORBIDDEN")));
		return all;
	}

}
