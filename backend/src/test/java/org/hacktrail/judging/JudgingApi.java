package org.hacktrail.judging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL calls the judging tests make, in one place, so that each test reads as the
 * rule it proves.
 */
public final class JudgingApi {

	public static final String JUDGE_FIELDS = """
			id userId displayName sector affiliations expertise maxLoad status dropReason version
			conflicts { proposalId status source reason comment matchedAffiliation matchedWith
			  matchedSource matchedPerson matchedOrganisation
			  history { by actor action reason comment } }""";

	public static final String ROUND_FIELDS = """
			id kind status configured judgesPerProposal cutSize normalise seed version bootstrapReplicates
			criteria { id name { zhTW en } weight scaleMin scaleMax }
			sectorMinimums { sector minimum } sectorWeights { sector weight }
			publicVote { mode weight credits eligibility { excludeTeam excludeJudges requireVerifiedEmail } } candidateProposalIds
			plan { id seed proposalCount assignmentCount loadSpread balanced reason
			  loads { judgeId sector load } problems { proposalId rule sector message cause causeArgs { name value } } }
			selection { proposalIds kind justification tieResolution topN }
			history { action detail args { name value } reason coded }""";

	public static final String SHEET_FIELDS = """
			id roundId proposalId judgeUserId status comment version scores { criterionId value }
			history { from to reason }""";

	private final Http http;

	private final TestAccounts.Account organizer;

	public JudgingApi(Http http, TestAccounts.Account organizer) {
		this.http = http;
		this.organizer = organizer;
	}

	public Http http() {
		return this.http;
	}

	public record Hackathon(String id, String slug, List<String> roundIds) {
	}

	/** A hackathon with the given rounds (kinds), moved to {@code phase}. */
	public Hackathon hackathon(String kind, String phase, String... roundKinds) {
		String slug = "jd-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input");
		input.put("slug", slug).put("kind", kind).put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "2026-11-29T18:00:00+08:00");
		input.putObject("name").put("zhTW", "評審測試").put("en", "Judging test");
		ArrayNode rounds = input.putArray("rounds");
		for (String roundKind : roundKinds) {
			rounds.addObject().put("kind", roundKind).putObject("name").put("en", roundKind.toLowerCase());
		}
		JsonNode created = ok(this.http.graphql("""
				mutation($input: CreateHackathonInput!) { createHackathon(input: $input) {
				  hackathon { id rounds { id } } } }""", variables, this.organizer.headers()), "createHackathon")
			.path("hackathon");
		String id = created.path("id").asString();
		String[] phases = { "DRAFT", "OPEN_FOR_PROPOSALS", "PITCHING", "HACKING", "JUDGING", "RESULTS_PUBLISHED" };
		for (int i = 1; i < phases.length && !phases[i - 1].equals(phase); i++) {
			ObjectNode move = Http.json();
			move.putObject("input").put("hackathonId", id).put("to", phases[i]);
			ok(this.http.graphql("mutation($input: ChangeHackathonPhaseInput!) { changeHackathonPhase(input: $input) "
					+ "{ hackathon { phase } } }", move, this.organizer.headers()), "changeHackathonPhase");
		}
		List<String> roundIds = new ArrayList<>();
		created.path("rounds").forEach((r) -> roundIds.add(r.path("id").asString()));
		return new Hackathon(id, slug, roundIds);
	}

	/**
	 * A SUBMITTED proposal entered by the organizer (or proposed by {@code proposer});
	 * returns its id.
	 */
	public String proposal(Hackathon hackathon, String title, TestAccounts.Account proposer) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("hackathonSlug", hackathon.slug());
		input.putObject("title").put("en", title);
		if (proposer == null) {
			input.put("proposerName", "Proposer of " + title);
		}
		TestAccounts.Account as = (proposer != null) ? proposer : this.organizer;
		String id = ok(this.http.graphql(
				"mutation($input: CreateProposalInput!) { createProposal(input: $input) " + "{ proposal { id } } }",
				variables, as.headers()), "createProposal")
			.path("proposal")
			.path("id")
			.asString();
		ObjectNode move = Http.json();
		move.putObject("input").put("proposalId", id).put("to", "SUBMITTED");
		ok(this.http.graphql("mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) "
				+ "{ proposal { status } } }", move, this.organizer.headers()), "transitionProposal");
		return id;
	}

	public List<String> proposals(Hackathon hackathon, int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(proposal(hackathon, "Proposal " + i + " " + UUID.randomUUID().toString().substring(0, 4), null));
		}
		return ids;
	}

	/** Moves each proposal to IN_REVIEW, then SHORTLISTED, for a FINAL round. */
	public void shortlist(List<String> proposalIds) {
		for (String proposal : proposalIds) {
			for (String to : List.of("IN_REVIEW", "SHORTLISTED")) {
				ObjectNode move = Http.json();
				move.putObject("input").put("proposalId", proposal).put("to", to);
				ok(this.http.graphql("mutation($input: TransitionProposalInput!) { transitionProposal("
						+ "input: $input) { proposal { status } } }", move, this.organizer.headers()),
						"transitionProposal");
			}
		}
	}

	public Http.GraphQlResult invite(String hackathonId, String email, String sector, TestAccounts.Account as,
			String... affiliations) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input")
			.put("hackathonId", hackathonId)
			.put("email", email)
			.put("sector", sector);
		if (affiliations.length > 0) {
			ArrayNode list = input.putArray("affiliations");
			for (String affiliation : affiliations) {
				list.add(affiliation);
			}
		}
		return this.http.graphql("""
				mutation($input: InviteJudgeInput!) { inviteJudge(input: $input) {
				  invitation { id email sector status affiliations } token acceptPath } }""", variables, headers(as));
	}

	public Http.GraphQlResult accept(String token, String invitationId, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input");
		if (token != null) {
			input.put("token", token);
		}
		if (invitationId != null) {
			input.put("invitationId", invitationId);
		}
		return this.http.graphql("mutation($input: AcceptJudgeInvitationInput!) { acceptJudgeInvitation(input: $input) "
				+ "{ judge { " + JUDGE_FIELDS + " } } }", variables, headers(as));
	}

	/**
	 * Invites and accepts: the account becomes an active judge; returns the judge record.
	 */
	public JsonNode judge(Hackathon hackathon, TestAccounts.Account account, String sector, String... affiliations) {
		JsonNode invited = ok(invite(hackathon.id(), account.user().email(), sector, this.organizer, affiliations),
				"inviteJudge");
		return ok(accept(invited.path("token").asString(), null, account), "acceptJudgeInvitation").path("judge");
	}

	public Http.GraphQlResult configure(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: ConfigureRoundInput!) { configureRound(input: $input) { round { "
				+ ROUND_FIELDS + " } } }", variables, headers(as));
	}

	/**
	 * A rubric of two criteria on 0–10 (impact weight 2, feasibility weight 1), k judges,
	 * default rules.
	 */
	public static ObjectNode roundInput(String roundId, int k) {
		ObjectNode input = Http.json().put("roundId", roundId).put("judgesPerProposal", k);
		ArrayNode criteria = input.putArray("criteria");
		ObjectNode impact = criteria.addObject()
			.put("id", "impact")
			.put("weight", 2.0)
			.put("scaleMin", 0.0)
			.put("scaleMax", 10.0);
		impact.putObject("name").put("zhTW", "影響力").put("en", "Impact");
		ObjectNode feasibility = criteria.addObject()
			.put("id", "feasibility")
			.put("weight", 1.0)
			.put("scaleMin", 0.0)
			.put("scaleMax", 10.0);
		feasibility.putObject("name").put("zhTW", "可行性").put("en", "Feasibility");
		return input;
	}

	public JsonNode configureOk(ObjectNode input) {
		return ok(configure(input, this.organizer), "configureRound").path("round");
	}

	public Http.GraphQlResult assign(String roundId, String seed, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("roundId", roundId);
		if (seed != null) {
			input.put("seed", seed);
		}
		return this.http.graphql("mutation($input: AssignJudgesInput!) { assignJudges(input: $input) { round { "
				+ ROUND_FIELDS + " } } }", variables, headers(as));
	}

	public JsonNode assignOk(String roundId, String seed) {
		return ok(assign(roundId, seed, this.organizer), "assignJudges").path("round");
	}

	public Http.GraphQlResult status(String roundId, String to, String reason, TestAccounts.Account as) {
		return status(roundId, to, reason, null, as);
	}

	/** Changes a round's status, confirming a close with sheets not submitted or not. */
	public Http.GraphQlResult status(String roundId, String to, String reason, Boolean confirmIncomplete,
			TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("roundId", roundId).put("to", to);
		if (reason != null) {
			input.put("reason", reason);
		}
		if (confirmIncomplete != null) {
			input.put("confirmIncomplete", confirmIncomplete);
		}
		return this.http.graphql("mutation($input: ChangeRoundStatusInput!) { changeRoundStatus(input: $input) "
				+ "{ round { " + ROUND_FIELDS + " } } }", variables, headers(as));
	}

	public JsonNode statusOk(String roundId, String to, String reason) {
		return ok(status(roundId, to, reason, this.organizer), "changeRoundStatus").path("round");
	}

	/**
	 * Makes the round PAIRWISE (cut 1, 50 bootstrap replicates, the seed), puts the
	 * proposals at tables "T1", "T2", … in that order and opens it, as the organizer.
	 */
	public void openPairwise(String roundId, List<String> proposalIds, String seed) {
		ok(configure(Http.json()
			.put("roundId", roundId)
			.put("method", "PAIRWISE")
			.put("cutSize", 1)
			.put("bootstrapReplicates", 50)
			.put("seed", seed), this.organizer), "configureRound");
		ArrayNode tables = Http.json().arrayNode();
		for (int i = 0; i < proposalIds.size(); i++) {
			tables.addObject()
				.put("proposalId", proposalIds.get(i))
				.put("label", "T" + (i + 1))
				.put("tableNumber", i + 1);
		}
		ObjectNode input = Http.json();
		input.putObject("input").put("roundId", roundId).set("tables", tables);
		ok(this.http.graphql("mutation($input: ConfigureExpoTablesInput!) { configureExpoTables("
				+ "input: $input) { round { id } } }", input, this.organizer.headers()), "configureExpoTables");
		statusOk(roundId, "OPEN", null);
	}

	/**
	 * Closes the round as the organizer, confirming (with a reason) that sheets not
	 * submitted are left out, for tests whose point is elsewhere.
	 */
	public JsonNode closeLeavingUnsubmittedOut(String roundId) {
		return ok(status(roundId, "CLOSED", "Closed by the test with sheets not submitted, on purpose.", true,
				this.organizer), "changeRoundStatus")
			.path("round");
	}

	public JsonNode round(String roundId, TestAccounts.Account as) {
		return ok(this.http.graphql("query($id: ID!) { judgingRound(roundId: $id) { " + ROUND_FIELDS + " } }",
				Http.json().put("id", roundId), headers(as)), "judgingRound");
	}

	public Http.GraphQlResult myAssignments(String roundId, TestAccounts.Account as) {
		return this.http.graphql("""
				query($id: ID!) { myAssignments(roundId: $id) { assigned submitted
				  judge { id sector } round { id status }
				  proposals { proposalId proposal { id title { en } } sheet { %s } } } }""".formatted(SHEET_FIELDS),
				Http.json().put("id", roundId), headers(as));
	}

	/** The proposal ids assigned to the account in the round. */
	public List<String> assigned(String roundId, TestAccounts.Account as) {
		List<String> ids = new ArrayList<>();
		ok(myAssignments(roundId, as), "myAssignments").path("proposals")
			.forEach((p) -> ids.add(p.path("proposalId").asString()));
		return ids;
	}

	public static ObjectNode sheetInput(String roundId, String proposalId, Double impact, Double feasibility,
			Integer expectedVersion) {
		ObjectNode input = Http.json().put("roundId", roundId).put("proposalId", proposalId);
		ArrayNode scores = input.putArray("scores");
		if (impact != null) {
			scores.addObject().put("criterionId", "impact").put("value", impact);
		}
		if (feasibility != null) {
			scores.addObject().put("criterionId", "feasibility").put("value", feasibility);
		}
		if (expectedVersion != null) {
			input.put("expectedVersion", expectedVersion);
		}
		return input;
	}

	public Http.GraphQlResult save(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: SaveScoreSheetInput!) { saveScoreSheet(input: $input) { sheet { "
				+ SHEET_FIELDS + " } } }", variables, headers(as));
	}

	public Http.GraphQlResult submit(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: SubmitScoreSheetInput!) { submitScoreSheet(input: $input) { sheet { "
				+ SHEET_FIELDS + " } } }", variables, headers(as));
	}

	/** Submits a complete sheet in one call. */
	public JsonNode score(String roundId, String proposalId, double impact, double feasibility,
			TestAccounts.Account as) {
		return ok(submit(sheetInput(roundId, proposalId, impact, feasibility, null), as), "submitScoreSheet")
			.path("sheet");
	}

	public Http.GraphQlResult ranking(String roundId, TestAccounts.Account as) {
		return this.http.graphql("""
				query($id: ID!) { roundRanking(roundId: $id) { published algorithmVersion outstandingQuota
				  summary { sheetCount judgeCount rankedCount seed sectorWeights { sector weight } }
				  lines { proposalId rank finalScore inTopN tied divergence divergent rankLow rankHigh
				    probabilityTopN straddlesCut missingSectors voteTotal
				    sectorScores { sector sheetCount mean weight } proposal { id } }
				  ties { rank proposalIds acrossCut }
				  unranked { proposalId reason reasonCode reasonArgs { name value } sectors }
				  selection { proposalIds kind justification tieResolution }
				  publicVote { mode ballots totals { proposalId total } } } }""", Http.json().put("id", roundId),
				headers(as));
	}

	public Http.GraphQlResult select(String roundId, List<String> proposalIds, String justification,
			String tieResolution, TestAccounts.Account as) {
		return select(roundId, proposalIds, justification, tieResolution, null, as);
	}

	public Http.GraphQlResult select(String roundId, List<String> proposalIds, String justification,
			String tieResolution, Boolean quotaOverride, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("roundId", roundId);
		if (quotaOverride != null) {
			input.put("quotaOverride", quotaOverride);
		}
		ArrayNode ids = input.putArray("proposalIds");
		proposalIds.forEach(ids::add);
		if (justification != null) {
			input.put("justification", justification);
		}
		if (tieResolution != null) {
			input.put("tieResolution", tieResolution);
		}
		return this.http.graphql("mutation($input: SelectProposalsInput!) { selectProposals(input: $input) { round { "
				+ ROUND_FIELDS + " } } }", variables, headers(as));
	}

	/**
	 * Publishes, confirming the ranking's open cases (for tests whose point is
	 * elsewhere).
	 */
	public Http.GraphQlResult publish(String roundId, TestAccounts.Account as) {
		return publish(roundId, true, as);
	}

	public Http.GraphQlResult publish(String roundId, Boolean confirmOpenCases, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("roundId", roundId);
		if (confirmOpenCases != null) {
			input.put("confirmOpenCases", confirmOpenCases);
		}
		return this.http.graphql("mutation($input: PublishRoundInput!) { publishRound(input: $input) { "
				+ "round { id status publishedAt } movedProposalIds problems "
				+ "codedProblems { proposalId code args { name value } message } } }", variables, headers(as));
	}

	public Http.GraphQlResult publicationPreview(String roundId, TestAccounts.Account as) {
		return this.http.graphql("""
				query($id: ID!) { publicationPreview(roundId: $id) { ready blockers cut unresolvedCount
				  codedBlockers { code args { name value } message }
				  round { id status } selection { kind proposalIds } selected { proposalId proposal { id } }
				  openCases { kind proposalIds proposals { id } judgeId message resolved } } }""",
				Http.json().put("id", roundId), headers(as));
	}

	public JsonNode proposalStatus(String proposalId) {
		return ok(this.http.graphql("query($id: ID!) { proposal(id: $id) { status history { from to actor reason } } }",
				Http.json().put("id", proposalId), this.organizer.headers()), "proposal");
	}

	public static ArrayNode array(List<String> values) {
		ArrayNode array = Http.json().arrayNode();
		values.forEach(array::add);
		return array;
	}

	public static JsonNode ok(Http.GraphQlResult result, String field) {
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path(field);
	}

	static String[] headers(TestAccounts.Account as) {
		return (as != null) ? as.headers() : new String[0];
	}

}
