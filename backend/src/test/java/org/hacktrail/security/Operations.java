package org.hacktrail.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables of the hostile-input and IDOR tests: every GraphQL operation on main with
 * its inputs and the caller who owns what it touches.
 *
 * <h2>Adding a feature (judging, teams, follow-up) when it merges</h2>
 * <ol>
 * <li>In {@link World#build}, create the feature's objects through the API as their owner
 * (e.g. a score sheet of {@code world.victim} as a judge; an organizer-only override) and
 * {@code world.put("sheet.victim", id)}. If the feature needs a judge or team member,
 * make the victim one; keep the attacker an outsider with the same role where the feature
 * has one (another judge of another panel), because that is the IDOR that matters.</li>
 * <li>In {@link #text()}, add a {@link TextOperation} per mutation or query that takes
 * free text or a map: the legitimate caller, the document, the variables (with a harmless
 * value where the payload goes) and each text field as a JSON pointer into the variables,
 * mapped to the pointer in {@code data} where it comes back verbatim ("" if it does not
 * come back; a segment {@code last} is an array's last element).</li>
 * <li>In {@link #forged()}, add a {@link ForgedOperation} per query and mutation that
 * takes an id, sent by {@code ATTACKER} (and {@code ANONYMOUS} for mutations) against the
 * victim's object, with the expected refusal: {@link #refused(String...)},
 * {@link #nullAt(String)} or {@link #absentFrom(String, String)}.</li>
 * <li>Add the feature's collections to {@link #SNAPSHOT}: the IDOR test compares them
 * before and after.</li>
 * </ol>
 * REST endpoints go into {@code HostileInputTests#restIsRefusedToTheWrongCaller}.
 */
public final class Operations {

	private Operations() {
	}

	/**
	 * Collections compared before and after the forged operations: nothing in them may
	 * change.
	 */
	public static final List<String> SNAPSHOT = List.of("hackathons", "proposals", "projects", "api_tokens", "users",
			// judging
			"judges", "judge_invitations", "judging_rounds", "judging_plans", "judge_assignments", "score_sheets",
			"ballots", "published_results", "judging_secrets", "expo_visits", "team_feedback", "judge_reminders",
			// teams and notifications
			"teams", "hackathon_memberships", "notification_inboxes", "team_invite_links",
			// follow-up and jobs
			"outcome_milestones", "project_followups", "followup_requests", "outcome_import_errors",
			"project_metadata_updates", "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION");

	public enum Actor {

		ORGANIZER, VICTIM, ATTACKER, ANONYMOUS,
		/** A judge on the victim's panel and a non-lead member of the victim's team. */
		PEER,
		/** The user the victim's team invited. */
		INVITEE,
		/** A new user for every request (for operations one person can do only once). */
		NEWCOMER;

		public String[] headers(World world) {
			TestAccounts.Account account = switch (this) {
				case ORGANIZER -> world.organizer;
				case VICTIM -> world.victim;
				case ATTACKER -> world.attacker;
				case PEER -> world.peer;
				case INVITEE -> world.invitee;
				case NEWCOMER -> world.freshUser("newcomer");
				case ANONYMOUS -> null;
			};
			return (account != null) ? account.headers() : new String[0];
		}

	}

	/**
	 * An operation whose free-text inputs get hostile payloads, sent by its legitimate
	 * caller.
	 *
	 * @param textFields JSON pointer into the variables → JSON pointer into {@code data}
	 * where the text comes back verbatim when accepted ("" if it does not)
	 */
	public record TextOperation(String name, Actor actor, String document, Function<World, ObjectNode> variables,
			Map<String, String> textFields, Set<String> alsoRefusedWith) {

		public TextOperation(String name, Actor actor, String document, Function<World, ObjectNode> variables,
				Map<String, String> textFields) {
			this(name, actor, document, variables, textFields, Set.of());
		}

		/**
		 * Also refused with these codes (besides BAD_USER_INPUT, NOT_FOUND and CONFLICT):
		 * an id that is not the caller's is FORBIDDEN by design for some operations.
		 * {@link #IGNORED}: unknown ids are skipped, not refused.
		 */
		public TextOperation refusing(String... codes) {
			return new TextOperation(this.name, this.actor, this.document, this.variables, this.textFields,
					Set.of(codes));
		}

	}

	/**
	 * In {@link TextOperation#alsoRefusedWith}: the operation ignores ids it does not
	 * know (and succeeds).
	 */
	public static final String IGNORED = "IGNORED";

	/**
	 * An operation sent by the wrong caller against someone else's object, and what must
	 * happen.
	 */
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

	/**
	 * Answered without error, with null at {@code pointer} (the object is hidden, not
	 * refused).
	 */
	public static Expectation nullAt(String pointer) {
		return (world, result) -> {
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			JsonNode value = result.data().at(pointer);
			assertThat(value.isNull() || value.isMissingNode()).as(pointer + " in " + result.body()).isTrue();
		};
	}

	/**
	 * The list at {@code pointer} (of nodes with {@code id}, or connection edges) does
	 * not hold the object.
	 */
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
				},
				fields("/input/title/en", "/createProposal/proposal/title/en", "/input/summary/en",
						"/createProposal/proposal/summary/en", "/input/channel", "", "/input/needs/0", "",
						"/input/tags/0", "", "/input/links/0/url", "")));
		all.add(new TextOperation("createProposal on someone's behalf", Actor.ORGANIZER,
				"mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id proposerName "
						+ "proposerAffiliation } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("hackathonSlug", w.id("hackathon.slug"));
					input.putObject("title").put("en", "Title " + UUID.randomUUID());
					input.put("proposerName", "plain " + UUID.randomUUID());
					input.put("proposerAffiliation", "plain");
					return v;
				}, fields("/input/proposerName", "/createProposal/proposal/proposerName", "/input/proposerAffiliation",
						"/createProposal/proposal/proposerAffiliation")));
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
				"mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { name } } }", (w) -> {
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
				},
				fields("/input/slug", "/createHackathon/hackathon/slug", "/input/name/en",
						"/createHackathon/hackathon/name/en", "/input/location", "/createHackathon/hackathon/location",
						"/input/timeZone", "")));
		all.add(new TextOperation("updateHackathon", Actor.ORGANIZER,
				"mutation($input: UpdateHackathonInput!) { updateHackathon(input: $input) { hackathon { name { en } location } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input")
						.put("id", w.id("draftHackathon.id"))
						.put("location", "plain");
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
				"mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { name { en } repositoryUrl "
						+ "description { zhTW } } } }",
				(w) -> {
					ObjectNode v = Http.json();
					ObjectNode input = v.putObject("input").put("id", w.id("project.public"));
					input.putObject("name").put("en", "plain");
					input.put("repositoryUrl", "https://example.org/repo");
					input.putArray("issueAreas").add("open-government");
					input.putObject("description").put("zhTW", "plain");
					input.put("thumbnailUrl", "https://example.org/p.png");
					return v;
				},
				fields("/input/name/en", "/updateProject/project/name/en", "/input/repositoryUrl", "",
						"/input/issueAreas/0", "", "/input/description/zhTW", "/updateProject/project/description/zhTW",
						"/input/thumbnailUrl", "")));
		all.add(new TextOperation("proposals(filter)", Actor.ANONYMOUS,
				"query($slug: String!, $text: String, $need: String, $tag: String, $after: String) { proposals("
						+ "hackathonSlug: $slug, filter: {text: $text, need: $need, tag: $tag}, after: $after) "
						+ "{ edges { node { id } } } }",
				(w) -> vars("slug", w.id("hackathon.slug")),
				fields("/text", "", "/need", "", "/tag", "", "/after", "")));
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
		all.addAll(judgingText());
		all.addAll(teamText());
		all.addAll(followUpText());
		all.addAll(FeedbackOperations.text());
		return all;
	}

	/**
	 * An operation whose only text is a lookup argument: refused or nothing found, never
	 * more.
	 */
	private static TextOperation lookup(String name, Actor actor, String document,
			Function<World, ObjectNode> variables, String... fields) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String field : fields) {
			map.put(field, "");
		}
		return new TextOperation(name, actor, document, variables, map);
	}

	private static ObjectNode input(Function<ObjectNode, ObjectNode> fill) {
		ObjectNode v = Http.json();
		fill.apply(v.putObject("input"));
		return v;
	}

	/**
	 * The token of a new invitation link to the attacker's own team (each is used once).
	 */
	private static String attackersLink(World w) {
		ObjectNode link = input((i) -> i.put("proposalId", w.id("proposal.attacker")));
		return w
			.call(w.attacker,
					"mutation($input: CreateTeamInviteLinkInput!) { createTeamInviteLink(input: $input) "
							+ "{ token } }",
					link)
			.path("createTeamInviteLink")
			.path("token")
			.asString();
	}

	static List<TextOperation> judgingText() {
		List<TextOperation> all = new ArrayList<>();
		all.add(new TextOperation("inviteJudge", Actor.ORGANIZER,
				"mutation($input: InviteJudgeInput!) { inviteJudge(input: $input) { invitation { email affiliations "
						+ "expertise } } }",
				(w) -> input((i) -> {
					i.put("hackathonId", w.id("judging2.id"))
						.put("email", "inv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org")
						.put("sector", "PUBLIC");
					i.putArray("affiliations").add("plain");
					i.putArray("expertise").add("plain");
					return i;
				}), fields("/input/email", "", "/input/affiliations/0", "/inviteJudge/invitation/affiliations/0",
						"/input/expertise/0", "/inviteJudge/invitation/expertise/0", "/input/hackathonId", "")));
		all.add(new TextOperation("acceptJudgeInvitation", Actor.ATTACKER,
				"mutation($input: AcceptJudgeInvitationInput!) { acceptJudgeInvitation(input: $input) { judge { id } } }",
				(w) -> input((i) -> i.put("token", "plain")), fields("/input/token", "")));
		all.add(new TextOperation("acceptJudgeInvitation by id", Actor.ATTACKER,
				"mutation($input: AcceptJudgeInvitationInput!) { acceptJudgeInvitation(input: $input) { judge { id } } }",
				(w) -> input((i) -> i.put("invitationId", "plain")), fields("/input/invitationId", ""))
			.refusing("FORBIDDEN"));
		all.add(new TextOperation("updateJudge (own record)", Actor.VICTIM,
				"mutation($input: UpdateJudgeInput!) { updateJudge(input: $input) { judge { affiliations expertise } } }",
				(w) -> input((i) -> {
					i.put("judgeId", w.id("judge.victim"));
					i.putArray("affiliations").add("plain");
					i.putArray("expertise").add("plain");
					return i;
				}), fields("/input/affiliations/0", "/updateJudge/judge/affiliations/0", "/input/expertise/0",
						"/updateJudge/judge/expertise/0", "/input/judgeId", "")));
		all.add(new TextOperation("dropJudge", Actor.ORGANIZER,
				"mutation($input: DropJudgeInput!) { dropJudge(input: $input) { judge { dropReason } } }",
				(w) -> input((i) -> i.put("judgeId", w.freshJudge()).put("reason", "plain")),
				fields("/input/reason", "/dropJudge/judge/dropReason")));
		all.add(new TextOperation("dropJudge voiding sheets", Actor.ORGANIZER,
				"mutation($input: DropJudgeInput!) { dropJudge(input: $input) { judge { id } rounds { roundId } } }",
				(w) -> input((i) -> i.put("judgeId", w.freshJudge())
					.put("reason", "Left the panel")
					.put("voidSubmittedSheets", true)
					.put("voidReason", "plain")),
				fields("/input/voidReason", "")));
		all.add(new TextOperation("declareConflict", Actor.ATTACKER,
				"mutation($input: DeclareConflictInput!) { declareConflict(input: $input) { judge { conflicts { "
						+ "comment } } } }",
				(w) -> {
					// A new proposal each time: declaring an active conflict again keeps
					// the first comment.
					String proposal = new JudgingApi(w.http, w.organizer).proposal(
							new JudgingApi.Hackathon(w.id("judging2.id"), w.id("judging2.slug"), List.of()),
							"Conflicted " + UUID.randomUUID(), null);
					return input((i) -> i.put("hackathonId", w.id("judging2.id"))
						.put("proposalId", proposal)
						.put("reason", "OTHER")
						.put("comment", "plain"));
				}, fields("/input/comment", "/declareConflict/judge/conflicts/last/comment", "/input/proposalId", "")));
		all.add(new TextOperation("addConflict", Actor.ORGANIZER,
				"mutation($input: AddConflictInput!) { addConflict(input: $input) { judge { conflicts { comment } } } }",
				(w) -> input((i) -> i.put("judgeId", w.freshJudge())
					.put("proposalId", w.id("judging2.proposal"))
					.put("reason", "PERSONAL")
					.put("comment", "plain")),
				fields("/input/comment", "/addConflict/judge/conflicts/0/comment")));
		all.add(new TextOperation("clearConflict", Actor.ORGANIZER,
				"mutation($input: ClearConflictInput!) { clearConflict(input: $input) { judge { conflicts { comment "
						+ "history { comment } } } } }",
				(w) -> {
					String judge = w.freshJudge();
					w.call(w.organizer,
							"mutation($j: ID!, $p: ID!) { addConflict(input: {judgeId: $j, proposalId: $p, "
									+ "reason: PERSONAL, comment: \"known\"}) { judge { id } } }",
							vars("j", judge, "p", w.id("judging2.proposal")));
					return input((i) -> i.put("judgeId", judge)
						.put("proposalId", w.id("judging2.proposal"))
						.put("comment", "plain"));
				}, fields("/input/comment", "/clearConflict/judge/conflicts/0/history/1/comment")));
		all.add(new TextOperation("configureRound", Actor.ORGANIZER,
				"mutation($input: ConfigureRoundInput!) { configureRound(input: $input) { round { criteria { id "
						+ "name { en } description { en } } } } }",
				(w) -> input((i) -> {
					i.put("roundId", w.id("round2")).put("seed", "12345");
					ObjectNode criterion = i.putArray("criteria")
						.addObject()
						.put("id", "plain")
						.put("weight", 1.0)
						.put("scaleMin", 0.0)
						.put("scaleMax", 10.0);
					criterion.putObject("name").put("en", "plain");
					criterion.putObject("description").put("en", "plain");
					return i;
				}),
				fields("/input/criteria/0/name/en", "/configureRound/round/criteria/0/name/en",
						"/input/criteria/0/description/en", "/configureRound/round/criteria/0/description/en",
						"/input/criteria/0/id", "/configureRound/round/criteria/0/id", "/input/seed", "",
						"/input/roundId", "")));
		all.add(new TextOperation("assignJudges", Actor.ORGANIZER,
				"mutation($input: AssignJudgesInput!) { assignJudges(input: $input) { plan { seed } } }",
				(w) -> input((i) -> i.put("roundId", w.id("round2")).put("seed", "7")), fields("/input/seed", "")));
		all.add(new TextOperation("changeRoundStatus", Actor.ORGANIZER,
				"mutation($input: ChangeRoundStatusInput!) { changeRoundStatus(input: $input) { round { status } } }",
				(w) -> input((i) -> i.put("roundId", w.id("round2")).put("to", "CLOSED").put("reason", "plain")),
				fields("/input/reason", "", "/input/roundId", "")));
		all.add(new TextOperation("saveScoreSheet", Actor.VICTIM,
				"mutation($input: SaveScoreSheetInput!) { saveScoreSheet(input: $input) { sheet { comment } } }",
				(w) -> {
					int version = w
						.call(w.victim, "query($id: ID!) { scoreSheet(id: $id) { version } }",
								vars("id", w.id("sheet.victim.text")))
						.path("scoreSheet")
						.path("version")
						.asInt();
					ObjectNode v = input((i) -> i.put("roundId", w.id("round"))
						.put("proposalId", w.id("judging.proposal.2"))
						.put("comment", "plain")
						.put("expectedVersion", version));
					((ObjectNode) v.get("input")).putArray("scores")
						.addObject()
						.put("criterionId", "impact")
						.put("value", 5.0);
					return v;
				}, fields("/input/comment", "/saveScoreSheet/sheet/comment", "/input/scores/0/criterionId", "",
						"/input/proposalId", "", "/input/roundId", ""))
			.refusing("FORBIDDEN"));
		all.add(new TextOperation("submitScoreSheet", Actor.VICTIM,
				"mutation($input: SubmitScoreSheetInput!) { submitScoreSheet(input: $input) { sheet { comment } } }",
				(w) -> {
					int version = w
						.call(w.victim, "query($id: ID!) { scoreSheet(id: $id) { version } }",
								vars("id", w.id("sheet.victim.text")))
						.path("scoreSheet")
						.path("version")
						.asInt();
					// A criterion id that is not in the rubric: the submission is refused
					// whatever the comment.
					ObjectNode v = input((i) -> i.put("roundId", w.id("round"))
						.put("proposalId", w.id("judging.proposal.2"))
						.put("comment", "plain")
						.put("expectedVersion", version));
					ArrayNode scores = ((ObjectNode) v.get("input")).putArray("scores");
					scores.addObject().put("criterionId", "impact").put("value", 5.0);
					scores.addObject().put("criterionId", "nope").put("value", 5.0);
					return v;
				}, fields("/input/comment", "", "/input/scores/1/criterionId", "")));
		all.add(new TextOperation("reopenScoreSheet", Actor.ORGANIZER,
				"mutation($input: ReopenScoreSheetInput!) { reopenScoreSheet(input: $input) { sheet { history { "
						+ "reason } } } }",
				(w) -> {
					JsonNode sheet = w
						.call(w.peer, "query($id: ID!) { scoreSheet(id: $id) { status version } }",
								vars("id", w.id("sheet.reopen")))
						.path("scoreSheet");
					if (!sheet.path("status").asString().equals("SUBMITTED")) {
						ObjectNode submit = input((i) -> i.put("roundId", w.id("round"))
							.put("proposalId", w.id("judging.proposal.2"))
							.put("expectedVersion", sheet.path("version").asInt()));
						w.call(w.peer, "mutation($input: SubmitScoreSheetInput!) { submitScoreSheet(input: $input) "
								+ "{ sheet { status } } }", submit);
					}
					return input((i) -> i.put("sheetId", w.id("sheet.reopen")).put("reason", "plain"));
				}, fields("/input/reason", "", "/input/sheetId", "")));
		all.add(new TextOperation("castBallot", Actor.VICTIM,
				"mutation($input: CastBallotInput!) { castBallot(input: $input) { ballot { votes { proposalId } } } }",
				(w) -> {
					ObjectNode v = input((i) -> i.put("roundId", w.id("round")));
					((ObjectNode) v.get("input")).putArray("votes").addObject().put("proposalId", "plain");
					return v;
				}, fields("/input/votes/0/proposalId", "", "/input/roundId", "")));
		all.add(new TextOperation("selectProposals", Actor.ORGANIZER,
				"mutation($input: SelectProposalsInput!) { selectProposals(input: $input) { round { id } } }", (w) -> {
					ObjectNode v = input((i) -> i.put("roundId", w.id("round2"))
						.put("justification", "plain")
						.put("tieResolution", "plain"));
					((ObjectNode) v.get("input")).putArray("proposalIds").add(w.id("judging2.proposal"));
					return v;
				}, fields("/input/justification", "", "/input/tieResolution", "", "/input/proposalIds/0", "")));
		for (String query : List.of("judgeInvitations(hackathonSlug: $s) { id }", "judges(hackathonSlug: $s) { id }",
				"myJudgeRecord(hackathonSlug: $s) { id }", "conflictLog(hackathonSlug: $s) { proposalId }",
				"judgingRounds(hackathonSlug: $s) { id }")) {
			all.add(lookup(query.substring(0, query.indexOf('(')), Actor.ORGANIZER,
					"query($s: String!) { " + query + " }", (w) -> vars("s", "plain"), "/s"));
		}
		for (String query : List.of("judgingRound(roundId: $s) { id }", "myAssignments(roundId: $s) { assigned }",
				"scoreSheet(id: $s) { id }", "roundProgress(roundId: $s) { assigned }",
				"roundRanking(roundId: $s) { published }", "myBallot(roundId: $s) { id }",
				"publicationPreview(roundId: $s) { ready }")) {
			all.add(lookup(query.substring(0, query.indexOf('(')), Actor.ORGANIZER, "query($s: ID!) { " + query + " }",
					(w) -> vars("s", "plain"), "/s"));
		}
		return all;
	}

	static List<TextOperation> teamText() {
		List<TextOperation> all = new ArrayList<>();
		all.add(new TextOperation("openTeamPosition", Actor.ATTACKER,
				"mutation($input: OpenTeamPositionInput!) { openTeamPosition(input: $input) { position { skill "
						+ "description } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker"))
					.put("skill", "plain")
					.put("description", "plain")),
				fields("/input/skill", "/openTeamPosition/position/skill", "/input/description",
						"/openTeamPosition/position/description", "/input/proposalId", "")));
		all.add(new TextOperation("updateTeamPosition", Actor.VICTIM,
				"mutation($input: UpdateTeamPositionInput!) { updateTeamPosition(input: $input) { position { skill "
						+ "description } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.submitted"))
					.put("positionId", w.id("position.victim"))
					.put("skill", "designer")
					.put("description", "plain")),
				fields("/input/skill", "/updateTeamPosition/position/skill", "/input/description",
						"/updateTeamPosition/position/description", "/input/positionId", "")));
		all.add(new TextOperation("removeTeamPosition", Actor.ATTACKER,
				"mutation($input: RemoveTeamPositionInput!) { removeTeamPosition(input: $input) { team { id } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker")).put("positionId", "plain")),
				fields("/input/positionId", "")));
		all.add(new TextOperation("requestToJoinTeam", Actor.NEWCOMER,
				"mutation($input: RequestToJoinTeamInput!) { requestToJoinTeam(input: $input) { joinRequest { message "
						+ "affiliation } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker"))
					.put("message", "plain")
					.put("affiliation", "plain")),
				fields("/input/message", "/requestToJoinTeam/joinRequest/message", "/input/affiliation",
						"/requestToJoinTeam/joinRequest/affiliation", "/input/positionId", "")));
		all.add(new TextOperation("acceptJoinRequest", Actor.ATTACKER,
				"mutation($input: AcceptJoinRequestInput!) { acceptJoinRequest(input: $input) { joinRequest { "
						+ "decisionNote } } }",
				(w) -> input((i) -> i
					.put("requestId", w.requestToJoin(w.freshUser("joiner"), w.id("proposal.attacker"), "hello"))
					.put("note", "plain")),
				fields("/input/note", "/acceptJoinRequest/joinRequest/decisionNote")));
		all.add(new TextOperation("declineJoinRequest", Actor.ATTACKER,
				"mutation($input: DeclineJoinRequestInput!) { declineJoinRequest(input: $input) { joinRequest { "
						+ "decisionNote } } }",
				(w) -> input((i) -> i
					.put("requestId", w.requestToJoin(w.freshUser("declined"), w.id("proposal.attacker"), "hello"))
					.put("note", "plain")),
				fields("/input/note", "/declineJoinRequest/joinRequest/decisionNote", "/input/requestId", "")));
		all.add(new TextOperation("withdrawJoinRequest", Actor.ATTACKER,
				"mutation($input: WithdrawJoinRequestInput!) { withdrawJoinRequest(input: $input) { joinRequest { id } } }",
				(w) -> input((i) -> i.put("requestId", "plain")), fields("/input/requestId", "")));
		all.add(new TextOperation("inviteToTeam", Actor.ATTACKER,
				"mutation($input: InviteToTeamInput!) { inviteToTeam(input: $input) { invitation { message } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker"))
					.put("userId", w.freshUser("invited").id())
					.put("message", "plain")),
				fields("/input/message", "/inviteToTeam/invitation/message", "/input/userId", "")));
		all.add(new TextOperation("declineTeamInvitation", Actor.INVITEE,
				"mutation($input: DeclineTeamInvitationInput!) { declineTeamInvitation(input: $input) { invitation { "
						+ "decisionNote } } }",
				(w) -> {
					String id = null;
					for (JsonNode pending : w
						.call(w.invitee, "{ myTeamInvitations(status: [PENDING]) { id proposal { id } } }", Http.json())
						.path("myTeamInvitations")) {
						if (pending.path("proposal").path("id").asString().equals(w.id("proposal.attacker"))) {
							id = pending.path("id").asString();
						}
					}
					if (id == null) {
						ObjectNode invite = input(
								(i) -> i.put("proposalId", w.id("proposal.attacker")).put("userId", w.invitee.id()));
						id = w
							.call(w.attacker,
									"mutation($input: InviteToTeamInput!) { inviteToTeam(input: $input) "
											+ "{ invitation { id } } }",
									invite)
							.path("inviteToTeam")
							.path("invitation")
							.path("id")
							.asString();
					}
					String invitation = id;
					return input((i) -> i.put("invitationId", invitation).put("note", "plain"));
				}, fields("/input/note", "/declineTeamInvitation/invitation/decisionNote")));
		all.add(new TextOperation("acceptTeamInvitation", Actor.INVITEE,
				"mutation($input: AcceptTeamInvitationInput!) { acceptTeamInvitation(input: $input) { team { id } } }",
				(w) -> input((i) -> i.put("invitationId", "plain").put("affiliation", "plain")),
				fields("/input/invitationId", "", "/input/affiliation", "")));
		all.add(new TextOperation("withdrawTeamInvitation", Actor.ATTACKER,
				"mutation($input: WithdrawTeamInvitationInput!) { withdrawTeamInvitation(input: $input) { invitation { id } } }",
				(w) -> input((i) -> i.put("invitationId", "plain")), fields("/input/invitationId", "")));
		all.add(new TextOperation("createTeamInviteLink", Actor.ATTACKER,
				"mutation($input: CreateTeamInviteLinkInput!) { createTeamInviteLink(input: $input) { link { message } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker")).put("message", "plain")),
				fields("/input/message", "/createTeamInviteLink/link/message", "/input/proposalId", "")));
		all.add(new TextOperation("acceptTeamInviteLink", Actor.NEWCOMER,
				"mutation($input: AcceptTeamInviteLinkInput!) { acceptTeamInviteLink(input: $input) { member { "
						+ "affiliation } } }",
				(w) -> input((i) -> i.put("token", attackersLink(w)).put("affiliation", "plain")),
				fields("/input/affiliation", "/acceptTeamInviteLink/member/affiliation")));
		all.add(new TextOperation("declineTeamInviteLink", Actor.NEWCOMER,
				"mutation($input: DeclineTeamInviteLinkInput!) { declineTeamInviteLink(input: $input) { link { "
						+ "decisionNote } } }",
				(w) -> input((i) -> i.put("token", attackersLink(w)).put("note", "plain")),
				fields("/input/note", "/declineTeamInviteLink/link/decisionNote")));
		all.add(lookup("acceptTeamInviteLink token", Actor.NEWCOMER,
				"mutation($input: AcceptTeamInviteLinkInput!) { "
						+ "acceptTeamInviteLink(input: $input) { team { id } } }",
				(w) -> input((i) -> i.put("token", "plain").put("affiliation", "plain")), "/input/token"));
		all.add(lookup("declineTeamInviteLink token", Actor.NEWCOMER,
				"mutation($input: DeclineTeamInviteLinkInput!) { "
						+ "declineTeamInviteLink(input: $input) { link { id } } }",
				(w) -> input((i) -> i.put("token", "plain")), "/input/token"));
		all.add(lookup("withdrawTeamInviteLink", Actor.ATTACKER,
				"mutation($input: WithdrawTeamInviteLinkInput!) { "
						+ "withdrawTeamInviteLink(input: $input) { link { id } } }",
				(w) -> input((i) -> i.put("linkId", "plain")), "/input/linkId"));
		all.add(lookup("teamInviteLink", Actor.ATTACKER, "query($t: String!) { teamInviteLink(token: $t) { id } }",
				(w) -> vars("t", "plain"), "/t"));
		all.add(new TextOperation("updateTeamMember (own affiliation)", Actor.PEER,
				"mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { member { affiliation } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.submitted"))
					.put("userId", w.peer.id())
					.put("affiliation", "plain")),
				fields("/input/affiliation", "/updateTeamMember/member/affiliation", "/input/userId", ""))
			.refusing("FORBIDDEN"));
		all.add(new TextOperation("addTeamMember", Actor.ORGANIZER,
				"mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { member { affiliation } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker"))
					.put("userId", w.freshUser("added").id())
					.put("affiliation", "plain")),
				fields("/input/affiliation", "/addTeamMember/member/affiliation")));
		all.add(new TextOperation("removeTeamMember", Actor.ATTACKER,
				"mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { team { id } } }", (w) -> {
					String user = w.freshUser("removed").id();
					w.call(w.organizer,
							"mutation($p: ID!, $u: ID!) { addTeamMember(input: {proposalId: $p, userId: $u}) "
									+ "{ member { userId } } }",
							vars("p", w.id("proposal.attacker"), "u", user));
					return input((i) -> i.put("proposalId", w.id("proposal.attacker"))
						.put("userId", user)
						.put("reason", "plain"));
				}, fields("/input/reason", "", "/input/userId", "")));
		all.add(new TextOperation("leaveTeam", Actor.ATTACKER,
				"mutation($input: LeaveTeamInput!) { leaveTeam(input: $input) { team { id } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker")).put("handOverTo", "plain")),
				fields("/input/handOverTo", "")));
		all.add(new TextOperation("setTeamPartnerAgency", Actor.VICTIM,
				"mutation($input: SetTeamPartnerAgencyInput!) { setTeamPartnerAgency(input: $input) { team { "
						+ "partnerAgency { name department } } } }",
				(w) -> input((i) -> {
					i.put("proposalId", w.id("proposal.submitted"))
						.putObject("partnerAgency")
						.put("name", "plain")
						.put("department", "plain");
					return i;
				}), fields("/input/partnerAgency/name", "/setTeamPartnerAgency/team/partnerAgency/name",
						"/input/partnerAgency/department", "/setTeamPartnerAgency/team/partnerAgency/department")));
		all.add(new TextOperation("allowLateTeamMembers", Actor.ORGANIZER,
				"mutation($input: AllowLateTeamMembersInput!) { allowLateTeamMembers(input: $input) { team { "
						+ "lateMembersReason } } }",
				(w) -> input((i) -> i.put("proposalId", w.id("proposal.attacker"))
					.put("allowed", true)
					.put("reason", "plain")),
				fields("/input/reason", "/allowLateTeamMembers/team/lateMembersReason")));
		all.add(lookup("proposalsNeedingSkill", Actor.ANONYMOUS,
				"query($s: String!, $skill: String!, $after: String) { "
						+ "proposalsNeedingSkill(hackathonSlug: $s, skill: $skill, after: $after) { edges { node { id } } } }",
				(w) -> vars("s", w.id("hackathon.slug"), "skill", "plain"), "/s", "/skill", "/after"));
		all.add(lookup("team", Actor.ANONYMOUS, "query($p: ID!) { team(proposalId: $p) { id } }",
				(w) -> vars("p", "plain"), "/p"));
		all.add(lookup("notifications", Actor.VICTIM,
				"query($after: String) { notifications(after: $after) { edges " + "{ node { id } } } }",
				(w) -> Http.json(), "/after"));
		all.add(lookup("markNotificationsRead", Actor.ATTACKER, "mutation($input: MarkNotificationsReadInput!) { "
				+ "markNotificationsRead(input: $input) { unreadCount } }", (w) -> {
					ObjectNode v = Http.json();
					v.putObject("input").putArray("ids").add("plain");
					return v;
				}, "/input/ids/0")
			.refusing(IGNORED));
		return all;
	}

	static List<TextOperation> followUpText() {
		List<TextOperation> all = new ArrayList<>();
		all.add(new TextOperation("recordOutcomeMilestone", Actor.VICTIM,
				"mutation($input: RecordOutcomeMilestoneInput!) { recordOutcomeMilestone(input: $input) { milestone { "
						+ "agency programme amount currency evidenceUrl note } } }",
				(w) -> input((i) -> i.put("projectId", w.id("project.public"))
					.put("type", "FUNDED")
					.put("date", "2026-01-05")
					.put("agency", "plain " + UUID.randomUUID())
					.put("programme", "plain")
					.put("amount", "1000")
					.put("currency", "TWD")
					.put("evidenceUrl", "https://example.org/e")
					.put("note", "plain")),
				fields("/input/agency", "/recordOutcomeMilestone/milestone/agency", "/input/programme",
						"/recordOutcomeMilestone/milestone/programme", "/input/amount", "", "/input/currency", "",
						"/input/evidenceUrl", "", "/input/note", "/recordOutcomeMilestone/milestone/note",
						"/input/projectId", "", "/input/date", "")));
		all.add(new TextOperation("verifyOutcomeMilestone", Actor.ORGANIZER,
				"mutation($input: VerifyOutcomeMilestoneInput!) { verifyOutcomeMilestone(input: $input) { milestone { "
						+ "verificationReason } } }",
				(w) -> input((i) -> i.put("id", w.recordMilestone(w.victim, "To verify " + UUID.randomUUID()))
					.put("note", "plain")),
				fields("/input/note", "/verifyOutcomeMilestone/milestone/verificationReason", "/input/id", "")));
		all.add(new TextOperation("rejectOutcomeMilestone", Actor.ORGANIZER,
				"mutation($input: RejectOutcomeMilestoneInput!) { rejectOutcomeMilestone(input: $input) { milestone { "
						+ "verificationReason } } }",
				(w) -> input((i) -> i.put("id", w.recordMilestone(w.victim, "To reject " + UUID.randomUUID()))
					.put("reason", "plain")),
				fields("/input/reason", "/rejectOutcomeMilestone/milestone/verificationReason", "/input/id", "")));
		all.add(new TextOperation("answerFollowUpRequest", Actor.VICTIM,
				"mutation($input: AnswerFollowUpRequestInput!) { answerFollowUpRequest(input: $input) { request { "
						+ "answer } } }",
				(w) -> input((i) -> i.put("id", w.id("followup.request")).put("answer", "plain")),
				fields("/input/answer", "/answerFollowUpRequest/request/answer", "/input/id", "")));
		all.add(lookup("follow and unfollow", Actor.ATTACKER,
				"mutation($p: ID!) { followProject(input: {projectId: $p})" + " { following } }",
				(w) -> vars("p", "plain"), "/p"));
		all.add(lookup("unfollowProject", Actor.ATTACKER,
				"mutation($p: ID!) { unfollowProject(input: {projectId: $p})" + " { following } }",
				(w) -> vars("p", "plain"), "/p"));
		all.add(lookup("outcomeStatistics issueArea", Actor.ANONYMOUS,
				"query($a: String) { outcomeStatistics(filter: " + "{issueArea: $a}) { total { proposals } } }",
				(w) -> Http.json(), "/a"));
		all.add(lookup("outcomeImport runId", Actor.ORGANIZER,
				"query($r: ID!) { outcomeImport(runId: $r) { skipped } }", (w) -> vars("r", "1"), "/r"));
		all.add(lookup("outcomeSelectionPreview", Actor.ORGANIZER,
				"query($a: String, $r: ID, $h: ID) { outcomeSelectionPreview(selection: {agency: $a, importRunId: $r, "
						+ "hackathonId: $h}) { count } }",
				(w) -> Http.json().put("a", "plain"), "/a", "/r", "/h"));
		all.add(lookup("restartJob id", Actor.ORGANIZER,
				"mutation($r: ID!) { restartJob(input: {id: $r}) { run { id } } }", (w) -> vars("r", "1"), "/r"));
		all.add(lookup("jobRuns jobName", Actor.ORGANIZER, "query($n: String) { jobRuns(jobName: $n) { id } }",
				(w) -> Http.json(), "/n"));
		return all;
	}

	/**
	 * Every query and mutation on main that takes an id or slug, sent by the wrong
	 * caller.
	 */
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
				"query($slug: String!) { hackathon(slug: $slug) { id } }",
				(w) -> vars("slug", w.id("draftHackathon.slug")), nullAt("/hackathon")));
		all.add(new ForgedOperation("hackathons list hides DRAFT", Actor.ANONYMOUS,
				"{ hackathons(first: 100) { edges { node { id } } } }", (w) -> Http.json(),
				absentFrom("/hackathons/edges", "draftHackathon.id")));
		all.add(new ForgedOperation("project(id) seen only through a hidden draft", Actor.ATTACKER,
				"query($id: ID!) { project(id: $id) { id proposals { id } } }",
				(w) -> vars("id", w.id("project.hidden")), nullAt("/project")));
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
		all.add(new ForgedOperation("jobNames", Actor.ATTACKER, "{ jobNames }", (w) -> Http.json(),
				refused("FORBIDDEN")));
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
		all.addAll(judgingForged());
		all.addAll(teamForged());
		all.addAll(notificationForged());
		all.addAll(followUpForged());
		all.addAll(ExpoOperations.forged());
		all.addAll(FeedbackOperations.forged());
		return all;
	}

	private static final String[] HIDDEN = { "NOT_FOUND", "FORBIDDEN" };

	/**
	 * The same forged mutation sent by the attacker (refused with {@code codes}) and
	 * anonymously.
	 */
	private static void mutation(List<ForgedOperation> all, String name, String document,
			Function<World, ObjectNode> variables, String... codes) {
		all.add(new ForgedOperation(name, Actor.ATTACKER, document, variables, refused(codes)));
		all.add(new ForgedOperation(name, Actor.ANONYMOUS, document, variables, refused("UNAUTHENTICATED")));
	}

	/**
	 * Judging: the attacker judges another panel and proposed one of this round's
	 * proposals; the peer judges it.
	 */
	static List<ForgedOperation> judgingForged() {
		List<ForgedOperation> all = new ArrayList<>();
		Function<World, ObjectNode> slug = (w) -> vars("slug", w.id("judging.slug"));
		Function<World, ObjectNode> round = (w) -> vars("id", w.id("round"));
		for (Actor actor : List.of(Actor.ATTACKER, Actor.PEER)) {
			all.add(new ForgedOperation("judgeInvitations", actor,
					"query($slug: String!) { judgeInvitations(hackathonSlug: $slug) { id email } }", slug,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("judges", actor,
					"query($slug: String!) { judges(hackathonSlug: $slug) { id affiliations } }", slug,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("conflictLog", actor,
					"query($slug: String!) { conflictLog(hackathonSlug: $slug) { proposalId } }", slug,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("judgingRound plan and history", actor,
					"query($id: ID!) { judgingRound(roundId: $id) { id plan { id loads { judgeId } } history { action } } }",
					round, nullAt("/judgingRound/plan")));
			all.add(new ForgedOperation("judgingRound history", actor,
					"query($id: ID!) { judgingRound(roundId: $id) { id history { action } } }", round,
					nullAt("/judgingRound/history")));
			all.add(new ForgedOperation("judgingRounds plan", actor,
					"query($slug: String!) { judgingRounds(hackathonSlug: $slug) { id plan { id } } }", slug,
					nullAt("/judgingRounds/0/plan")));
			all.add(new ForgedOperation("judgingRound selection before publication", actor,
					"query($id: ID!) { judgingRound(roundId: $id) { id selection { proposalIds } } }", round,
					nullAt("/judgingRound/selection")));
			all.add(new ForgedOperation("another judge's draft sheet", actor,
					"query($id: ID!) { scoreSheet(id: $id) { id comment scores { value } } }",
					(w) -> vars("id", w.id("sheet.victim")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("another judge's submitted sheet", actor,
					"query($id: ID!) { scoreSheet(id: $id) { id comment scores { value } } }",
					(w) -> vars("id", w.id("sheet.victim.submitted")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("publicationPreview", actor,
					"query($id: ID!) { publicationPreview(roundId: $id) { selected { proposalId } openCases { kind } } }",
					round, refused("FORBIDDEN")));
			all.add(new ForgedOperation("roundProgress", actor,
					"query($id: ID!) { roundProgress(roundId: $id) { assigned judges { judge { id } } } }", round,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("roundRanking before publication", actor,
					"query($id: ID!) { roundRanking(roundId: $id) { lines { proposalId finalScore } } }", round,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("myBallot is one's own", actor,
					"query($id: ID!) { myBallot(roundId: $id) { id votes { proposalId } } }", round,
					nullAt("/myBallot")));
			all.add(new ForgedOperation("updateJudge of another judge", actor,
					"mutation($id: ID!) { updateJudge(input: {judgeId: $id, affiliations: [\"pwned\"], sector: PRIVATE}) "
							+ "{ judge { id } } }",
					(w) -> vars("id", w.id("judge.victim")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("reopenScoreSheet", actor,
					"mutation($id: ID!) { reopenScoreSheet(input: {sheetId: $id, reason: \"pwned\"}) { sheet { id } } }",
					(w) -> vars("id", w.id("sheet.victim.submitted")), refused("FORBIDDEN")));
		}
		all.add(new ForgedOperation("roundRanking before publication", Actor.VICTIM,
				"query($id: ID!) { roundRanking(roundId: $id) { lines { proposalId finalScore } } }", round,
				refused("FORBIDDEN")));
		all.add(new ForgedOperation("roundRanking before publication", Actor.ANONYMOUS,
				"query($id: ID!) { roundRanking(roundId: $id) { lines { proposalId finalScore } } }", round,
				refused("UNAUTHENTICATED", "FORBIDDEN")));
		// A judge changes only their own affiliations and expertise; the rest is the
		// organizers'.
		all.add(new ForgedOperation("updateJudge: one's own sector", Actor.VICTIM,
				"mutation($id: ID!) { updateJudge(input: {judgeId: $id, sector: PRIVATE}) { judge { sector } } }",
				(w) -> vars("id", w.id("judge.victim")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("updateJudge: one's own maximum load", Actor.VICTIM,
				"mutation($id: ID!) { updateJudge(input: {judgeId: $id, maxLoad: 99}) { judge { maxLoad } } }",
				(w) -> vars("id", w.id("judge.victim")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("dropJudge: oneself", Actor.VICTIM,
				"mutation($id: ID!) { dropJudge(input: {judgeId: $id, reason: \"bored\"}) { judge { id } } }",
				(w) -> vars("id", w.id("judge.victim")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("reopenScoreSheet: one's own", Actor.VICTIM,
				"mutation($id: ID!) { reopenScoreSheet(input: {sheetId: $id, reason: \"oops\"}) { sheet { id } } }",
				(w) -> vars("id", w.id("sheet.victim.submitted")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("clearConflict: one's own", Actor.ATTACKER,
				"mutation($j: ID!, $p: ID!) { clearConflict(input: {judgeId: $j, proposalId: $p, comment: \"none\"}) "
						+ "{ judge { id } } }",
				(w) -> vars("j", w.id("judge.attacker"), "p", w.id("judging2.proposal")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("configureRound of one's own panel", Actor.ATTACKER,
				"mutation($id: ID!) { configureRound(input: {roundId: $id, cutSize: 1}) { round { id } } }",
				(w) -> vars("id", w.id("round2")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("roundProgress", Actor.VICTIM,
				"query($id: ID!) { roundProgress(roundId: $id) { assigned } }", round, refused("FORBIDDEN")));
		all.add(new ForgedOperation("a judge's sheet", Actor.ANONYMOUS,
				"query($id: ID!) { scoreSheet(id: $id) { id comment } }", (w) -> vars("id", w.id("sheet.victim")),
				refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("a judge's sheet after publication", Actor.ATTACKER,
				"query($id: ID!) { scoreSheet(id: $id) { id comment scores { value } } }",
				(w) -> vars("id", w.id("sheet.published")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("another judge's sheet after publication", Actor.PEER,
				"query($id: ID!) { scoreSheet(id: $id) { id comment scores { value } } }",
				(w) -> vars("id", w.id("sheet.published")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("the published round's plan", Actor.ATTACKER,
				"query($id: ID!) { judgingRound(roundId: $id) { plan { id } history { action } } }",
				(w) -> vars("id", w.id("published.round")), nullAt("/judgingRound/plan")));
		for (String mutation : List.of("reopenScoreSheet(input: {sheetId: $id, reason: \"pwned\"}) { sheet { id } }")) {
			all.add(new ForgedOperation("after publication: " + mutation.substring(0, mutation.indexOf('(')),
					Actor.PEER, "mutation($id: ID!) { " + mutation + " }", (w) -> vars("id", w.id("sheet.published")),
					refused("FORBIDDEN")));
		}
		all.add(new ForgedOperation("publicationPreview", Actor.ANONYMOUS,
				"query($id: ID!) { publicationPreview(roundId: $id) { selected { proposalId } } }", round,
				refused("UNAUTHENTICATED", "FORBIDDEN")));
		all.add(new ForgedOperation("publishRound again", Actor.ATTACKER,
				"mutation($id: ID!) { publishRound(input: " + "{roundId: $id}) { movedProposalIds } }",
				(w) -> vars("id", w.id("published.round")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("judgingRounds of a DRAFT hackathon", Actor.ATTACKER,
				"query($slug: String!) { judgingRounds(hackathonSlug: $slug) { id } }",
				(w) -> vars("slug", w.id("draftHackathon.slug")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("judges of a DRAFT hackathon", Actor.ATTACKER,
				"query($slug: String!) { judges(hackathonSlug: $slug) { id } }",
				(w) -> vars("slug", w.id("draftHackathon.slug")), refused(HIDDEN)));
		all.add(new ForgedOperation("myJudgeRecord elsewhere", Actor.ATTACKER,
				"query($slug: String!) { myJudgeRecord(hackathonSlug: $slug) { id } }", slug,
				nullAt("/myJudgeRecord")));
		all.add(new ForgedOperation("myAssignments of another panel", Actor.ATTACKER,
				"query($id: ID!) { myAssignments(roundId: $id) { proposals { proposalId sheet { comment } } } }", round,
				refused("FORBIDDEN")));
		all.add(new ForgedOperation("myAssignments holds only one's own sheets", Actor.PEER,
				"query($id: ID!) { myAssignments(roundId: $id) { proposals { sheet { id comment } } } }", round,
				(w, result) -> {
					assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
					assertThat(result.body().toString()).doesNotContain(w.id("sheet.victim"))
						.doesNotContain("Secret notes");
				}));
		all.add(new ForgedOperation("myJudgeInvitations are one's own", Actor.ATTACKER, "{ myJudgeInvitations { id } }",
				(w) -> Http.json(), absentFrom("/myJudgeInvitations", "invitation.victim")));
		all.add(new ForgedOperation("the proposer sees no scores of their proposal", Actor.ATTACKER,
				"query($id: ID!) { scoreSheet(id: $id) { scores { value } } }", (w) -> vars("id", w.id("sheet.victim")),
				refused("FORBIDDEN")));

		mutation(all, "inviteJudge",
				"mutation($id: ID!) { inviteJudge(input: {hackathonId: $id, email: "
						+ "\"pwned@example.org\", sector: PUBLIC}) { token } }",
				(w) -> vars("id", w.id("judging.id")), "FORBIDDEN");
		mutation(all, "revokeJudgeInvitation",
				"mutation($id: ID!) { revokeJudgeInvitation(input: {invitationId: $id}) " + "{ invitation { id } } }",
				(w) -> vars("id", w.id("invitation.victim")), "FORBIDDEN");
		mutation(all, "acceptJudgeInvitation addressed to someone else",
				"mutation($id: ID!) { acceptJudgeInvitation(" + "input: {invitationId: $id}) { judge { id } } }",
				(w) -> vars("id", w.id("invitation.victim")), HIDDEN);
		mutation(all, "acceptJudgeInvitation with a forged token",
				"mutation { acceptJudgeInvitation(input: {token: "
						+ "\"ht_inv_forged0000000000000000000000000000000\"}) { judge { id } } }",
				(w) -> Http.json(), "NOT_FOUND", "BAD_USER_INPUT", "FORBIDDEN");
		mutation(all, "dropJudge",
				"mutation($id: ID!) { dropJudge(input: {judgeId: $id, reason: \"pwned\"}) " + "{ judge { id } } }",
				(w) -> vars("id", w.id("judge.victim")), "FORBIDDEN");
		mutation(all, "declareConflict at another panel",
				"mutation($h: ID!, $p: ID!) { declareConflict(input: "
						+ "{hackathonId: $h, proposalId: $p, reason: PERSONAL}) { judge { id } } }",
				(w) -> vars("h", w.id("judging.id"), "p", w.id("judging.proposal.1")), "FORBIDDEN");
		mutation(all, "addConflict",
				"mutation($j: ID!, $p: ID!) { addConflict(input: {judgeId: $j, proposalId: $p, "
						+ "reason: PERSONAL, comment: \"pwned\"}) { judge { id } } }",
				(w) -> vars("j", w.id("judge.victim"), "p", w.id("judging.proposal.1")), "FORBIDDEN");
		mutation(all, "clearConflict",
				"mutation($j: ID!, $p: ID!) { clearConflict(input: {judgeId: $j, proposalId: "
						+ "$p, comment: \"pwned\"}) { judge { id } } }",
				(w) -> vars("j", w.id("judge.victim"), "p", w.id("judging.proposal.1")), "FORBIDDEN");
		mutation(all, "detectConflicts", "mutation($h: ID!) { detectConflicts(input: {hackathonId: $h}) { found } }",
				(w) -> vars("h", w.id("judging.id")), "FORBIDDEN");
		mutation(all, "configureRound", "mutation($id: ID!) { configureRound(input: {roundId: $id, cutSize: 1, "
				+ "reason: \"pwned\"}) { round { id } } }", round, "FORBIDDEN");
		mutation(all, "assignJudges", "mutation($id: ID!) { assignJudges(input: {roundId: $id}) { plan { id } } }",
				round, "FORBIDDEN");
		mutation(all, "changeRoundStatus",
				"mutation($id: ID!) { changeRoundStatus(input: {roundId: $id, to: CLOSED}) " + "{ round { id } } }",
				round, "FORBIDDEN");
		mutation(all, "saveScoreSheet at another panel",
				"mutation($r: ID!, $p: ID!) { saveScoreSheet(input: {roundId: "
						+ "$r, proposalId: $p, scores: [{criterionId: \"impact\", value: 10}]}) { sheet { id } } }",
				(w) -> vars("r", w.id("round"), "p", w.id("judging.proposal.attacker")), "FORBIDDEN");
		mutation(all, "submitScoreSheet at another panel",
				"mutation($r: ID!, $p: ID!) { submitScoreSheet(input: "
						+ "{roundId: $r, proposalId: $p, scores: [{criterionId: \"impact\", value: 10}, {criterionId: "
						+ "\"feasibility\", value: 10}]}) { sheet { id } } }",
				(w) -> vars("r", w.id("round"), "p", w.id("judging.proposal.attacker")), "FORBIDDEN");
		mutation(all, "selectProposals",
				"mutation($id: ID!, $p: ID!) { selectProposals(input: {roundId: $id, "
						+ "proposalIds: [$p], justification: \"pwned pwned pwned pwned pwned\"}) { round { id } } }",
				(w) -> vars("id", w.id("round"), "p", w.id("judging.proposal.attacker")), "FORBIDDEN");
		mutation(all, "publishRound", "mutation($id: ID!) { publishRound(input: {roundId: $id}) { movedProposalIds } }",
				round, "FORBIDDEN");
		all.add(new ForgedOperation("castBallot", Actor.ANONYMOUS,
				"mutation($r: ID!, $p: ID!) { castBallot(input: "
						+ "{roundId: $r, votes: [{proposalId: $p}]}) { ballot { id } } }",
				(w) -> vars("r", w.id("round"), "p", w.id("judging.proposal.attacker")), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("saveScoreSheet on a proposal not assigned (peer's own round)", Actor.PEER,
				"mutation($r: ID!, $p: ID!) { saveScoreSheet(input: {roundId: $r, proposalId: $p, scores: "
						+ "[{criterionId: \"impact\", value: 1}]}) { sheet { id } } }",
				(w) -> vars("r", w.id("round2"), "p", w.id("judging2.proposal")), refused(HIDDEN)));
		return all;
	}

	/**
	 * Teams: the victim leads; the peer is a non-lead member; the attacker leads another
	 * team and has a pending request to the victim's; an applicant's request and the
	 * invitee's invitation are pending.
	 */
	static List<ForgedOperation> teamForged() {
		List<ForgedOperation> all = new ArrayList<>();
		Function<World, ObjectNode> team = (w) -> vars("p", w.id("proposal.submitted"));
		Function<World, ObjectNode> position = (w) -> vars("p", w.id("proposal.submitted"), "pos",
				w.id("position.victim"));
		all.add(new ForgedOperation("team hides others' join requests", Actor.ATTACKER,
				"query($p: ID!) { team(proposalId: $p) { joinRequests { id message } } }", team,
				absentFrom("/team/joinRequests", "request.applicant")));
		all.add(new ForgedOperation("team hides the invitations", Actor.ATTACKER,
				"query($p: ID!) { team(proposalId: $p) { invitations { id message } } }", team,
				absentFrom("/team/invitations", "invitation.team")));
		all.add(new ForgedOperation("team hides join requests from a member", Actor.PEER,
				"query($p: ID!) { team(proposalId: $p) { joinRequests { id message } } }", team,
				absentFrom("/team/joinRequests", "request.applicant")));
		all.add(new ForgedOperation("team of a hidden draft", Actor.ATTACKER,
				"query($p: ID!) { team(proposalId: $p) { id } }", (w) -> vars("p", w.id("proposal.draft")),
				nullAt("/team")));
		all.add(new ForgedOperation("myTeams are one's own", Actor.ATTACKER, "{ myTeams { id } }", (w) -> Http.json(),
				absentFrom("/myTeams", "proposal.submitted")));
		all.add(new ForgedOperation("myJoinRequests are one's own", Actor.ATTACKER, "{ myJoinRequests { id } }",
				(w) -> Http.json(), absentFrom("/myJoinRequests", "request.applicant")));
		all.add(new ForgedOperation("myTeamInvitations are one's own", Actor.ATTACKER, "{ myTeamInvitations { id } }",
				(w) -> Http.json(), absentFrom("/myTeamInvitations", "invitation.team")));
		all.add(new ForgedOperation("proposalsNeedingSkill of a DRAFT hackathon", Actor.ATTACKER,
				"query($s: String!) { proposalsNeedingSkill(hackathonSlug: $s, skill: \"designer\") { edges { node { id } } } }",
				(w) -> vars("s", w.id("draftHackathon.slug")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("proposalsNeedingSkill hides drafts", Actor.ATTACKER,
				"query($s: String!) { proposalsNeedingSkill(hackathonSlug: $s, skill: \"designer\") { edges { node { id } } } }",
				(w) -> vars("s", w.id("hackathon.slug")),
				absentFrom("/proposalsNeedingSkill/edges", "proposal.draft")));
		for (Actor actor : List.of(Actor.ATTACKER, Actor.PEER)) {
			all.add(new ForgedOperation("openTeamPosition", actor, "mutation($p: ID!) { openTeamPosition(input: "
					+ "{proposalId: $p, skill: \"pwned\"}) { position { id } } }", team, refused("FORBIDDEN")));
			all.add(new ForgedOperation("updateTeamPosition", actor, "mutation($p: ID!, $pos: ID!) { "
					+ "updateTeamPosition(input: {proposalId: $p, positionId: $pos, skill: \"pwned\"}) { position { id } } }",
					position, refused("FORBIDDEN")));
			all.add(new ForgedOperation("removeTeamPosition", actor,
					"mutation($p: ID!, $pos: ID!) { "
							+ "removeTeamPosition(input: {proposalId: $p, positionId: $pos}) { team { id } } }",
					position, refused("FORBIDDEN")));
			all.add(new ForgedOperation("acceptJoinRequest", actor,
					"mutation($r: ID!) { acceptJoinRequest(input: " + "{requestId: $r}) { member { userId } } }",
					(w) -> vars("r", w.id("request.applicant")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("declineJoinRequest", actor,
					"mutation($r: ID!) { declineJoinRequest(input: "
							+ "{requestId: $r, note: \"pwned\"}) { joinRequest { id } } }",
					(w) -> vars("r", w.id("request.applicant")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("withdrawJoinRequest of someone else", actor,
					"mutation($r: ID!) { " + "withdrawJoinRequest(input: {requestId: $r}) { joinRequest { id } } }",
					(w) -> vars("r", w.id("request.applicant")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("inviteToTeam", actor,
					"mutation($p: ID!, $u: ID!) { inviteToTeam(input: "
							+ "{proposalId: $p, userId: $u}) { invitation { id } } }",
					(w) -> vars("p", w.id("proposal.submitted"), "u", w.attacker.id()),
					refused("FORBIDDEN", "BAD_USER_INPUT")));
			all.add(new ForgedOperation("acceptTeamInvitation of someone else", actor,
					"mutation($i: ID!) { " + "acceptTeamInvitation(input: {invitationId: $i}) { member { userId } } }",
					(w) -> vars("i", w.id("invitation.team")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("declineTeamInvitation of someone else", actor, "mutation($i: ID!) { "
					+ "declineTeamInvitation(input: {invitationId: $i, note: \"pwned\"}) { invitation { id } } }",
					(w) -> vars("i", w.id("invitation.team")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("withdrawTeamInvitation", actor,
					"mutation($i: ID!) { withdrawTeamInvitation("
							+ "input: {invitationId: $i}) { invitation { id } } }",
					(w) -> vars("i", w.id("invitation.team")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("createTeamInviteLink", actor,
					"mutation($p: ID!) { createTeamInviteLink(input: "
							+ "{proposalId: $p, message: \"pwned\"}) { token } }",
					team, refused("FORBIDDEN")));
			all.add(new ForgedOperation("withdrawTeamInviteLink", actor,
					"mutation($l: ID!) { withdrawTeamInviteLink(" + "input: {linkId: $l}) { link { id } } }",
					(w) -> vars("l", w.id("link.victim")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("team hides its invitation links", actor,
					"query($p: ID!) { team(proposalId: $p) { openInviteLinks { id message } } }", team,
					absentFrom("/team/openInviteLinks", "link.victim")));
			all.add(new ForgedOperation("removeTeamMember (the lead)", actor, "mutation($p: ID!, $u: ID!) { "
					+ "removeTeamMember(input: {proposalId: $p, userId: $u, reason: \"pwned\"}) { team { id } } }",
					(w) -> vars("p", w.id("proposal.submitted"), "u", w.victim.id()), refused("FORBIDDEN")));
			all.add(new ForgedOperation("updateTeamMember (the lead)", actor, "mutation($p: ID!, $u: ID!) { "
					+ "updateTeamMember(input: {proposalId: $p, userId: $u, role: OTHER, affiliation: \"pwned\"}) "
					+ "{ member { userId } } }", (w) -> vars("p", w.id("proposal.submitted"), "u", w.victim.id()),
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("addTeamMember", actor,
					"mutation($p: ID!, $u: ID!) { addTeamMember(input: "
							+ "{proposalId: $p, userId: $u}) { member { userId } } }",
					(w) -> vars("p", w.id("proposal.submitted"), "u", w.attacker.id()),
					refused("FORBIDDEN", "BAD_USER_INPUT")));
			all.add(new ForgedOperation("setTeamPartnerAgency", actor,
					"mutation($p: ID!) { setTeamPartnerAgency(input: "
							+ "{proposalId: $p, partnerAgency: {name: \"pwned\"}}) { team { id } } }",
					team, refused("FORBIDDEN")));
			all.add(new ForgedOperation("allowLateTeamMembers", actor,
					"mutation($p: ID!) { allowLateTeamMembers(input: "
							+ "{proposalId: $p, allowed: true, reason: \"pwned\"}) { team { id } } }",
					team, refused("FORBIDDEN")));
		}
		all.add(new ForgedOperation("a member promotes themself to lead", Actor.PEER,
				"mutation($p: ID!, $u: ID!) { "
						+ "updateTeamMember(input: {proposalId: $p, userId: $u, role: LEAD}) { member { role } } }",
				(w) -> vars("p", w.id("proposal.submitted"), "u", w.peer.id()), refused("FORBIDDEN")));
		all.add(new ForgedOperation("the requester accepts their own join request", Actor.ATTACKER,
				"mutation($r: ID!) { acceptJoinRequest(input: {requestId: $r}) { member { userId } } }",
				(w) -> vars("r", w.id("request.attacker")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("updateTeamPosition: own team, someone else's position", Actor.ATTACKER,
				"mutation($p: ID!, $pos: ID!) { updateTeamPosition(input: {proposalId: $p, positionId: $pos, "
						+ "skill: \"pwned\"}) { position { id } } }",
				(w) -> vars("p", w.id("proposal.attacker"), "pos", w.id("position.victim")),
				refused("NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT")));
		all.add(new ForgedOperation("inviteToTeam: own team, someone else's position", Actor.ATTACKER,
				"mutation($p: ID!, $u: ID!, $pos: ID!) { inviteToTeam(input: {proposalId: $p, userId: $u, positionId: "
						+ "$pos}) { invitation { id } } }",
				(w) -> vars("p", w.id("proposal.attacker"), "u", w.id("user.bystander"), "pos",
						w.id("position.victim")),
				refused("NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT")));
		all.add(new ForgedOperation("createTeamInviteLink: own team, someone else's position", Actor.ATTACKER,
				"mutation($p: ID!, $pos: ID!) { createTeamInviteLink(input: {proposalId: $p, positionId: $pos}) "
						+ "{ token } }",
				(w) -> vars("p", w.id("proposal.attacker"), "pos", w.id("position.victim")),
				refused("NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT")));
		mutation(all, "acceptTeamInviteLink with a forged token",
				"mutation { acceptTeamInviteLink(input: {token: "
						+ "\"htl_forged00000000000000000000000000000000000\"}) { member { userId } } }",
				(w) -> Http.json(), "NOT_FOUND");
		mutation(all, "declineTeamInviteLink with a forged token",
				"mutation { declineTeamInviteLink(input: {token: "
						+ "\"htl_forged00000000000000000000000000000000000\", note: \"pwned\"}) { link { id } } }",
				(w) -> Http.json(), "NOT_FOUND");
		all.add(new ForgedOperation("teamInviteLink with a forged token", Actor.ATTACKER,
				"{ teamInviteLink(token: \"htl_forged00000000000000000000000000000000000\") { id message } }",
				(w) -> Http.json(), refused("NOT_FOUND")));
		all.add(new ForgedOperation("teamInviteLink", Actor.ANONYMOUS,
				"{ teamInviteLink(token: \"htl_forged00000000000000000000000000000000000\") { id } }",
				(w) -> Http.json(), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("removeTeamPosition: own team, someone else's position", Actor.ATTACKER,
				"mutation($p: ID!, $pos: ID!) { removeTeamPosition(input: {proposalId: $p, positionId: $pos}) "
						+ "{ team { id } } }",
				(w) -> vars("p", w.id("proposal.attacker"), "pos", w.id("position.victim")),
				refused("NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT")));
		all.add(new ForgedOperation("removeTeamMember: own team, someone else's member", Actor.ATTACKER,
				"mutation($p: ID!, $u: ID!) { removeTeamMember(input: {proposalId: $p, userId: $u}) { team { id } } }",
				(w) -> vars("p", w.id("proposal.attacker"), "u", w.peer.id()),
				refused("NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT")));
		all.add(new ForgedOperation("leaveTeam one is not in", Actor.ATTACKER,
				"mutation($p: ID!) { leaveTeam(input: " + "{proposalId: $p}) { team { id } } }", team,
				refused("NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT")));
		all.add(new ForgedOperation("leaveTeam handing the lead over", Actor.PEER,
				"mutation($p: ID!, $u: ID!) { "
						+ "leaveTeam(input: {proposalId: $p, handOverTo: $u}) { team { id } } }",
				(w) -> vars("p", w.id("proposal.submitted"), "u", w.attacker.id()),
				refused("FORBIDDEN", "BAD_USER_INPUT")));
		all.add(new ForgedOperation("withdrawTeamInviteLink", Actor.ANONYMOUS,
				"mutation($l: ID!) { " + "withdrawTeamInviteLink(input: {linkId: $l}) { link { id } } }",
				(w) -> vars("l", w.id("link.victim")), refused("UNAUTHENTICATED")));
		for (String name : List.of("openTeamPosition(input: {proposalId: $p, skill: \"x\"}) { team { id } }",
				"createTeamInviteLink(input: {proposalId: $p}) { token }",
				"leaveTeam(input: {proposalId: $p}) { team { id } }",
				"setTeamPartnerAgency(input: {proposalId: $p}) { team { id } }")) {
			all.add(new ForgedOperation(name.substring(0, name.indexOf('(')), Actor.ANONYMOUS,
					"mutation($p: ID!) { " + name + " }", team, refused("UNAUTHENTICATED")));
		}
		for (String name : List.of("acceptJoinRequest(input: {requestId: $r}) { team { id } }",
				"declineJoinRequest(input: {requestId: $r}) { joinRequest { id } }",
				"withdrawJoinRequest(input: {requestId: $r}) { joinRequest { id } }")) {
			all.add(new ForgedOperation(name.substring(0, name.indexOf('(')), Actor.ANONYMOUS,
					"mutation($r: ID!) { " + name + " }", (w) -> vars("r", w.id("request.applicant")),
					refused("UNAUTHENTICATED")));
		}
		for (String name : List.of("acceptTeamInvitation(input: {invitationId: $i}) { team { id } }",
				"declineTeamInvitation(input: {invitationId: $i}) { invitation { id } }",
				"withdrawTeamInvitation(input: {invitationId: $i}) { invitation { id } }")) {
			all.add(new ForgedOperation(name.substring(0, name.indexOf('(')), Actor.ANONYMOUS,
					"mutation($i: ID!) { " + name + " }", (w) -> vars("i", w.id("invitation.team")),
					refused("UNAUTHENTICATED")));
		}
		for (String query : List.of("{ myTeams { id } }", "{ myJoinRequests { id } }",
				"{ myTeamInvitations { id } }")) {
			all.add(new ForgedOperation(query, Actor.ANONYMOUS, query, (w) -> Http.json(), refused("UNAUTHENTICATED")));
		}
		return all;
	}

	/** Notifications: the victim has some; nobody else reads or marks them. */
	static List<ForgedOperation> notificationForged() {
		List<ForgedOperation> all = new ArrayList<>();
		for (Actor actor : List.of(Actor.ATTACKER, Actor.PEER)) {
			all.add(new ForgedOperation("notifications are one's own", actor,
					"{ notifications(first: 100) { edges { node { id parameters { value } } } } }", (w) -> Http.json(),
					absentFrom("/notifications/edges", "notification.victim")));
			all.add(new ForgedOperation("markNotificationsRead of someone else's", actor,
					"mutation($n: ID!) { markNotificationsRead(input: {ids: [$n]}) { notifications { id } unreadCount } }",
					(w) -> vars("n", w.id("notification.victim")),
					absentFrom("/markNotificationsRead/notifications", "notification.victim")));
		}
		all.add(new ForgedOperation("notifications", Actor.ANONYMOUS, "{ notifications { edges { node { id } } } }",
				(w) -> Http.json(), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("unreadNotificationCount", Actor.ANONYMOUS, "{ unreadNotificationCount }",
				(w) -> Http.json(), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("markNotificationsRead", Actor.ANONYMOUS,
				"mutation($n: ID!) { markNotificationsRead(input: {ids: [$n]}) { unreadCount } }",
				(w) -> vars("n", w.id("notification.victim")), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("markNotificationsRead all", Actor.ANONYMOUS,
				"mutation { markNotificationsRead(input: {all: true}) { unreadCount } }", (w) -> Http.json(),
				refused("UNAUTHENTICATED")));
		return all;
	}

	/**
	 * Follow-up: the victim leads the public project; the peer is a non-lead member of
	 * its team.
	 */
	static List<ForgedOperation> followUpForged() {
		List<ForgedOperation> all = new ArrayList<>();
		Function<World, ObjectNode> project = (w) -> vars("p", w.id("project.public"));
		Function<World, ObjectNode> milestone = (w) -> vars("m", w.id("milestone.victim"));
		String record = "mutation($p: ID!) { recordOutcomeMilestone(input: {projectId: $p, type: ADOPTED, date: "
				+ "\"2026-01-05\", agency: \"pwned\", evidenceUrl: \"https://evil.example\"}) { milestone { id } } }";
		Function<World, ObjectNode> update = (w) -> vars("u", w.id("metadata.update"));
		for (Actor actor : List.of(Actor.ATTACKER, Actor.PEER)) {
			all.add(new ForgedOperation("acceptProjectMetadataUpdate by a non-lead", actor,
					"mutation($u: ID!) { acceptProjectMetadataUpdate(input: {id: $u}) { update { id } } }", update,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("dismissProjectMetadataUpdate by a non-lead", actor,
					"mutation($u: ID!) { dismissProjectMetadataUpdate(input: {id: $u}) { update { id } } }", update,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("metadata updates of someone else's project", actor,
					"query($p: ID!) { project(id: $p) { metadataUpdates { id proposed } } }", project,
					nullAt("/project/metadataUpdates")));
		}
		all.add(new ForgedOperation("acceptProjectMetadataUpdate anonymously", Actor.ANONYMOUS,
				"mutation($u: ID!) { acceptProjectMetadataUpdate(input: {id: $u}) { update { id } } }", update,
				refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("dismissProjectMetadataUpdate anonymously", Actor.ANONYMOUS,
				"mutation($u: ID!) { dismissProjectMetadataUpdate(input: {id: $u}) { update { id } } }", update,
				refused("UNAUTHENTICATED")));
		for (Actor actor : List.of(Actor.ATTACKER, Actor.PEER)) {
			all.add(new ForgedOperation("recordOutcomeMilestone by a non-lead", actor, record, project,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("answerFollowUpRequest by a non-lead", actor,
					"mutation($r: ID!) { "
							+ "answerFollowUpRequest(input: {id: $r, answer: \"pwned\"}) { request { id } } }",
					(w) -> vars("r", w.id("followup.request")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("pending milestones of someone else", actor,
					"query($p: ID!) { project(id: $p) " + "{ outcomes { id note } } }", project,
					absentFrom("/project/outcomes", "milestone.victim")));
			all.add(new ForgedOperation("follow-up requests of someone else", actor,
					"query($p: ID!) { project(id: $p) " + "{ followUp { requests { id } } } }", project,
					absentFrom("/project/followUp/requests", "followup.request")));
			all.add(new ForgedOperation("pending count of someone else", actor,
					"query($p: ID!) { project(id: $p) "
							+ "{ followUp { pendingCount stateIncludingPending activityError } } }",
					project, nullAt("/project/followUp/pendingCount")));
			all.add(new ForgedOperation("milestone history", actor,
					"query($p: ID!) { project(id: $p) " + "{ outcomes { history { by } } } }", project,
					absentFrom("/project/outcomes", "milestone.victim")));
		}
		for (Actor actor : List.of(Actor.ATTACKER, Actor.VICTIM)) {
			all.add(new ForgedOperation("verifyOutcomeMilestone by a non-organizer", actor,
					"mutation($m: ID!) { " + "verifyOutcomeMilestone(input: {id: $m}) { milestone { id } } }",
					milestone, refused("FORBIDDEN")));
			all.add(new ForgedOperation("rejectOutcomeMilestone by a non-organizer", actor,
					"mutation($m: ID!) { "
							+ "rejectOutcomeMilestone(input: {id: $m, reason: \"pwned\"}) { milestone { id } } }",
					milestone, refused("FORBIDDEN")));
			all.add(new ForgedOperation("outcomeMilestonesToVerify", actor, "{ outcomeMilestonesToVerify { id note } }",
					(w) -> Http.json(), refused("FORBIDDEN")));
			all.addAll(BulkVerificationOperations.forged(actor, "FORBIDDEN"));
			all.add(new ForgedOperation("outcomeStatistics ORGANIZER view", actor,
					"{ outcomeStatistics(view: ORGANIZER) { total { proposals } } }", (w) -> Http.json(),
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("outcomeImport errors of a run", actor,
					"query($r: ID!) { outcomeImport(runId: " + "$r) { skipped errors { reason } } }",
					(w) -> vars("r", w.id("run.import")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("jobRun of an import", actor,
					"query($r: ID!) { jobRun(id: $r) { id parameters " + "{ value } } }",
					(w) -> vars("r", w.id("run.import")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("restartJob of an import", actor,
					"mutation($r: ID!) { restartJob(input: " + "{id: $r}) { run { id } } }",
					(w) -> vars("r", w.id("run.import")), refused("FORBIDDEN")));
			all.add(new ForgedOperation("startJob", actor,
					"mutation { startJob(input: {name: \"outcomeImport\"}) " + "{ run { id } } }", (w) -> Http.json(),
					refused("FORBIDDEN")));
		}
		all.add(new ForgedOperation("follow a hidden project", Actor.ATTACKER,
				"mutation($p: ID!) { followProject(" + "input: {projectId: $p}) { following } }",
				(w) -> vars("p", w.id("project.hidden")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("unfollow a hidden project", Actor.ATTACKER,
				"mutation($p: ID!) { unfollowProject(" + "input: {projectId: $p}) { following } }",
				(w) -> vars("p", w.id("project.hidden")), refused("NOT_FOUND")));
		all.add(new ForgedOperation("record on a hidden project", Actor.ATTACKER, record,
				(w) -> vars("p", w.id("project.hidden")), refused("NOT_FOUND")));
		for (String document : List.of(record,
				"mutation($p: ID!) { followProject(input: {projectId: $p}) { following } }",
				"mutation($p: ID!) { unfollowProject(input: {projectId: $p}) { following } }")) {
			all.add(new ForgedOperation(document.substring(document.indexOf('{') + 2, document.indexOf('(', 12)),
					Actor.ANONYMOUS, document, project, refused("UNAUTHENTICATED")));
		}
		for (String document : List.of(
				"mutation($m: ID!) { verifyOutcomeMilestone(input: {id: $m}) { milestone { id } } }",
				"mutation($m: ID!) { rejectOutcomeMilestone(input: {id: $m, reason: \"x\"}) { milestone { id } } }",
				"mutation($m: ID!) { answerFollowUpRequest(input: {id: $m}) { request { id } } }")) {
			all.add(new ForgedOperation(document.substring(document.indexOf('{') + 2, document.indexOf('(', 12)),
					Actor.ANONYMOUS, document, (w) -> vars("m", w.id("milestone.victim")), refused("UNAUTHENTICATED")));
		}
		all.addAll(BulkVerificationOperations.forged(Actor.ANONYMOUS, "UNAUTHENTICATED"));
		all.add(new ForgedOperation("restartJob", Actor.ANONYMOUS,
				"mutation($r: ID!) { restartJob(input: {id: $r}) " + "{ run { id } } }",
				(w) -> vars("r", w.id("run.import")), refused("UNAUTHENTICATED")));
		for (String hidden : List.of("draftHackathon.slug", "hackathon.slug", "judging.slug")) {
			all.add(new ForgedOperation("outcomeStatistics PUBLIC view hides unpublished " + hidden, Actor.ATTACKER,
					"{ outcomeStatistics(view: PUBLIC) { byHackathon { slug } } }", (w) -> Http.json(),
					absentFrom("/outcomeStatistics/byHackathon", hidden)));
		}
		all.add(new ForgedOperation("outcomeStatistics ORGANIZER view", Actor.ANONYMOUS,
				"{ outcomeStatistics(view: ORGANIZER) { total { proposals } } }", (w) -> Http.json(),
				refused("UNAUTHENTICATED", "FORBIDDEN")));
		return all;
	}

}
