package org.hacktrail.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hacktrail.followup.FollowUpRequest;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects the hostile-input and IDOR tables act on, built once through the API: an
 * organizer, a victim who owns things, an attacker who owns little, hackathons (one still
 * DRAFT, hidden from everyone but organizers), the victim's proposals (a DRAFT one,
 * hidden, and a SUBMITTED one), projects and API token. Features add their own objects
 * with {@link #put} (see {@link Operations} for the recipe).
 */
public final class World {

	public final Http http;

	public final TestAccounts.Account organizer;

	public final TestAccounts.Account victim;

	public final TestAccounts.Account attacker;

	/**
	 * An insider who is not the owner: a judge on the victim's panel (another sector) and
	 * a non-lead member of the victim's team. The IDORs that matter most are the ones
	 * between people with the same standing.
	 */
	public final TestAccounts.Account peer;

	/** A user the victim's team invited; never sends anything itself. */
	public final TestAccounts.Account invitee;

	final TestAccounts accounts;

	private final Map<String, String> ids = new LinkedHashMap<>();

	World(Http http, TestAccounts accounts) {
		this.http = http;
		this.accounts = accounts;
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.organizer = accounts.organizer();
		this.victim = accounts.user("victim-" + run);
		this.attacker = accounts.user("attacker-" + run);
		this.peer = accounts.user("peer-" + run);
		this.invitee = accounts.user("invitee-" + run);
	}

	/** A new signed-in user with no roles, for operations that use one up per call. */
	public TestAccounts.Account freshUser(String prefix) {
		return this.accounts.user(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
	}

	/** Builds the objects of every feature on main. */
	public static World build(Http http, TestAccounts accounts, MongoTemplate mongo) {
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
		world.put("token.victim",
				world.call(world.victim,
						"mutation { createApiToken(input: {name: \"victim's script\"}) { token { id } } }", Http.json())
					.path("createApiToken")
					.path("token")
					.path("id")
					.asString());
		world.put("proposal.attacker", world.proposal(world.attacker, "Attacker's own " + run));
		world.call(world.attacker, "mutation($id: ID!) { transitionProposal(input: {proposalId: $id, to: SUBMITTED}) "
				+ "{ proposal { status } } }", Http.json().put("id", world.id("proposal.attacker")));
		world.put("user.bystander", world.freshUser("bystander").id());
		world.judging(run);
		FeedbackOperations.world(world);
		world.put("expo.round", ExpoOperations.world(world, run));
		world.teams();
		world.followUp(mongo);
		return world;
	}

	/**
	 * Judging: hackathon "judging" whose panel is the victim (PUBLIC) and the peer
	 * (PRIVATE), its REVIEW round OPEN with a SIMPLE public vote; three proposals (one
	 * the attacker's); the victim's sheets (a draft on the attacker's proposal, a
	 * submitted one, a draft for the text corpus, a submitted one the organizer reopens)
	 * and ballot. Hackathon "judging2" is the attacker's panel (the outsider with the
	 * same role), with a DRAFT round, a proposal and a pending invitation of the victim.
	 */
	private void judging(String run) {
		JudgingApi api = new JudgingApi(this.http, this.organizer);
		JudgingApi.Hackathon judging = api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		put("judging.slug", judging.slug());
		put("judging.id", judging.id());
		String round = judging.roundIds().get(0);
		put("round", round);
		put("judging.proposal.attacker", api.proposal(judging, "Attacker's pitch to the panel " + run, this.attacker));
		put("judging.proposal.1", api.proposal(judging, "Panel proposal one " + run, null));
		put("judging.proposal.2", api.proposal(judging, "Panel proposal two " + run, null));
		put("judge.victim", api.judge(judging, this.victim, "PUBLIC").path("id").asString());
		put("judge.peer", api.judge(judging, this.peer, "PRIVATE").path("id").asString());
		ObjectNode config = JudgingApi.roundInput(round, 2);
		// The victim is a judge of the round and casts a ballot the attacker must not
		// read:
		// this round lets its judges vote.
		config.putObject("publicVote")
			.put("mode", "SIMPLE")
			.put("weight", 0.2)
			.putObject("eligibility")
			.put("excludeJudges", false);
		api.configureOk(config);
		api.assignOk(round, "5");
		api.statusOk(round, "OPEN", null);
		put("sheet.victim",
				JudgingApi
					.ok(api.save(JudgingApi.sheetInput(round, id("judging.proposal.attacker"), 9.0, null, null)
						.put("comment", "Secret notes of the victim's sheet"), this.victim), "saveScoreSheet")
					.path("sheet")
					.path("id")
					.asString());
		put("sheet.victim.submitted",
				api.score(round, id("judging.proposal.1"), 8.0, 7.0, this.victim).path("id").asString());
		api.score(round, id("judging.proposal.1"), 6.0, 5.0, this.peer);
		put("sheet.victim.text",
				JudgingApi
					.ok(api.save(JudgingApi.sheetInput(round, id("judging.proposal.2"), 5.0, null, null), this.victim),
							"saveScoreSheet")
					.path("sheet")
					.path("id")
					.asString());
		put("sheet.reopen", api.score(round, id("judging.proposal.2"), 4.0, 4.0, this.peer).path("id").asString());
		ObjectNode ballot = Http.json();
		ballot.putObject("input")
			.put("roundId", round)
			.putArray("votes")
			.addObject()
			.put("proposalId", id("judging.proposal.1"));
		put("ballot.victim",
				call(this.victim,
						"mutation($input: CastBallotInput!) { castBallot(input: $input) " + "{ ballot { id } } }",
						ballot)
					.path("castBallot")
					.path("ballot")
					.path("id")
					.asString());

		JudgingApi.Hackathon other = api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		put("judging2.slug", other.slug());
		put("judging2.id", other.id());
		put("round2", other.roundIds().get(0));
		put("judging2.proposal", api.proposal(other, "Other panel's proposal " + run, null));
		put("judge.attacker", api.judge(other, this.attacker, "PUBLIC").path("id").asString());
		put("invitation.victim",
				JudgingApi
					.ok(api.invite(other.id(), this.victim.user().email(), "PRIVATE", this.organizer), "inviteJudge")
					.path("invitation")
					.path("id")
					.asString());

		// A FINAL round judged by the victim and the peer, published: its results are
		// everyone's, its judges are not.
		JudgingApi.Hackathon published = api.hackathon("OTHER", "JUDGING", "FINAL");
		put("published.slug", published.slug());
		String finalRound = published.roundIds().get(0);
		List<String> finalists = api.proposals(published, 2);
		for (String proposal : finalists) {
			for (String to : List.of("IN_REVIEW", "SHORTLISTED")) {
				ObjectNode move = Http.json();
				move.putObject("input").put("proposalId", proposal).put("to", to);
				call(this.organizer, "mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) "
						+ "{ proposal { status } } }", move);
			}
		}
		api.judge(published, this.victim, "PUBLIC");
		api.judge(published, this.peer, "PRIVATE");
		api.configureOk(JudgingApi.roundInput(finalRound, 2).put("cutSize", 1).put("normalise", false));
		api.assignOk(finalRound, "8");
		api.statusOk(finalRound, "OPEN", null);
		double[] impact = { 9, 3 };
		for (TestAccounts.Account judge : List.of(this.victim, this.peer)) {
			for (int i = 0; i < 2; i++) {
				JsonNode sheet = api.score(finalRound, finalists.get(i), impact[i], 6, judge);
				if (judge == this.victim && i == 0) {
					put("sheet.published", sheet.path("id").asString());
				}
			}
		}
		api.closeLeavingUnsubmittedOut(finalRound);
		JudgingApi.ok(api.select(finalRound, List.of(finalists.get(0)), null, null, this.organizer), "selectProposals");
		JudgingApi.ok(api.publish(finalRound, this.organizer), "publishRound");
		put("published.round", finalRound);
		put("published.proposal", finalists.get(0));
	}

	/**
	 * A new active judge of the attacker's panel ("judging2"), for operations that use
	 * one up per call.
	 */
	public String freshJudge() {
		JudgingApi api = new JudgingApi(this.http, this.organizer);
		JudgingApi.Hackathon other = new JudgingApi.Hackathon(id("judging2.id"), id("judging2.slug"),
				java.util.List.of(id("round2")));
		return api.judge(other, freshUser("judge"), "PUBLIC").path("id").asString();
	}

	/**
	 * Teams and notifications, on the victim's SUBMITTED proposal: an open position, the
	 * peer a member (by an accepted request), a pending request of an applicant and one
	 * of the attacker, a pending invitation of the invitee, an open invitation link (its
	 * token is not kept: nobody here holds it). The victim's notifications come from
	 * these.
	 */
	private void teams() {
		String proposal = id("proposal.submitted");
		ObjectNode open = Http.json();
		open.putObject("input").put("proposalId", proposal).put("skill", "designer").put("count", 3);
		put("position.victim",
				call(this.victim,
						"mutation($input: OpenTeamPositionInput!) { openTeamPosition(input: "
								+ "$input) { position { id } } }",
						open)
					.path("openTeamPosition")
					.path("position")
					.path("id")
					.asString());
		String peerRequest = requestToJoin(this.peer, proposal, "Let me in");
		ObjectNode accept = Http.json();
		accept.putObject("input").put("requestId", peerRequest);
		call(this.victim, "mutation($input: AcceptJoinRequestInput!) { acceptJoinRequest(input: $input) "
				+ "{ member { userId } } }", accept);
		put("request.applicant", requestToJoin(freshUser("applicant"), proposal, "Secret notes of an applicant"));
		put("request.attacker", requestToJoin(this.attacker, proposal, "Attacker asks"));
		ObjectNode invite = Http.json();
		invite.putObject("input")
			.put("proposalId", proposal)
			.put("userId", this.invitee.id())
			.put("message", "Secret notes of an invitation");
		put("invitation.team",
				call(this.victim,
						"mutation($input: InviteToTeamInput!) { inviteToTeam(input: $input) "
								+ "{ invitation { id } } }",
						invite)
					.path("inviteToTeam")
					.path("invitation")
					.path("id")
					.asString());
		ObjectNode link = Http.json();
		link.putObject("input").put("proposalId", proposal).put("message", "Secret notes of an invitation link");
		JsonNode created = call(this.victim, "mutation($input: CreateTeamInviteLinkInput!) { createTeamInviteLink("
				+ "input: $input) { token link { id } } }", link)
			.path("createTeamInviteLink");
		put("link.victim", created.path("link").path("id").asString());
		put("notification.victim",
				call(this.victim, "{ notifications(first: 1) { edges { node { id } } } }", Http.json())
					.path("notifications")
					.path("edges")
					.path(0)
					.path("node")
					.path("id")
					.asString());
	}

	/** Asks to join a team; returns the request's id. */
	public String requestToJoin(TestAccounts.Account who, String proposalId, String message) {
		ObjectNode request = Http.json();
		request.putObject("input").put("proposalId", proposalId).put("message", message);
		return call(who,
				"mutation($input: RequestToJoinTeamInput!) { requestToJoinTeam(input: $input) "
						+ "{ joinRequest { id } } }",
				request)
			.path("requestToJoinTeam")
			.path("joinRequest")
			.path("id")
			.asString();
	}

	/**
	 * Follow-up: the victim's self-reported (PENDING) milestone on their public project,
	 * a metadata update its g0v.json proposes, an open follow-up request for it
	 * (inserted: the job that opens them needs a hackathon ended months ago), and an
	 * organizer's outcome import run with skipped rows.
	 */
	private void followUp(MongoTemplate mongo) {
		put("milestone.victim", recordMilestone(this.victim, "Secret agency " + UUID.randomUUID()));
		String project = id("project.public");
		String requestId = project + ":" + id("hackathon.id") + ":3";
		mongo.insert(new FollowUpRequest(requestId, project, id("hackathon.id"), 3, LocalDate.now().toString(),
				Instant.now(), FollowUpRequest.Status.OPEN, List.of(this.victim.id()), Instant.now(), null, null,
				null));
		put("followup.request", requestId);
		// A metadata update the project's g0v.json proposed (inserted: the activity check
		// that proposes them reads a repository API).
		String update = project + ":HOMEPAGE";
		mongo.insert(new org.bson.Document("_id", update).append("projectId", project)
			.append("field", "HOMEPAGE")
			.append("proposed", "https://example.org/from-g0v-json")
			.append("proposedAt", new java.util.Date())
			.append("status", "PENDING"), "project_metadata_updates");
		put("metadata.update", update);
		String csv = "project_ref,hackathon_slug,proposal_title,milestone,date,agency,programme,amount,currency,"
				+ "evidence_url,source,note\r\nnope,,,PILOT,2024-04-01,Secret notes of the import,,,,,,\r\n";
		HttpResponse<String> uploaded = this.http.post("/api/outcomes/import", "text/csv; charset=UTF-8", csv,
				this.organizer.headers());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
		String runId = Http.parse(uploaded.body()).path("run").path("id").asString();
		put("run.import", runId);
		awaitRun(runId);
		// The statistics are read from rollups: roll up now, so that the views have
		// something to hide.
		String rollup = call(this.organizer,
				"mutation { startJob(input: {name: \"statisticsRollup\"}) { run { id } } }", Http.json())
			.path("startJob")
			.path("run")
			.path("id")
			.asString();
		awaitRun(rollup);
	}

	/** Waits until a job run has ended. */
	public void awaitRun(String runId) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String status = call(this.organizer, "query($id: ID!) { jobRun(id: $id) { status } }",
					Http.json().put("id", runId))
				.path("jobRun")
				.path("status")
				.asString();
			if (!status.equals("STARTING") && !status.equals("STARTED")) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("Job run " + runId + " did not end in 60 s");
	}

	/**
	 * A PILOT milestone of the victim's public project reported by {@code who}; returns
	 * its id.
	 */
	public String recordMilestone(TestAccounts.Account who, String agency) {
		ObjectNode input = Http.json();
		input.putObject("input")
			.put("projectId", id("project.public"))
			.put("type", "PILOT")
			.put("date", LocalDate.now().minusDays(3).toString())
			.put("agency", agency)
			.put("note", "Secret notes of the victim's milestone");
		return call(who,
				"mutation($input: RecordOutcomeMilestoneInput!) { recordOutcomeMilestone(input: $input) "
						+ "{ milestone { id } } }",
				input)
			.path("recordOutcomeMilestone")
			.path("milestone")
			.path("id")
			.asString();
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

	/**
	 * Calls the API as {@code who}; fails the test on any error. Returns {@code data}.
	 */
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
