package org.hacktrail.judging;

import java.util.ArrayList;
import java.util.List;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hackathon's judging from invitation to published results, end to end over GraphQL and
 * the open-data endpoint: a REVIEW round whose shortlist becomes the candidates of the
 * FINAL round.
 */
class JudgingFlowTests extends JudgingApiTestSupport {

	@Test
	void aReviewRoundShortlistsAndTheFinalRoundPublishesTheOutstandingProposals() {
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW", "PUBLIC_VOTE", "FINAL");
		String review = hackathon.roundIds().get(0);
		String fin = hackathon.roundIds().get(2);
		List<String> proposals = this.api.proposals(hackathon, 6);
		List<TestAccounts.Account> judges = new ArrayList<>();
		for (String sector : List.of("PUBLIC", "PUBLIC", "PRIVATE", "PRIVATE")) {
			TestAccounts.Account judge = this.accounts.user("flow-" + sector + "-" + judges.size());
			this.api.judge(hackathon, judge, sector);
			judges.add(judge);
		}

		// REVIEW: the default candidates are the submitted proposals; the best three are
		// shortlisted.
		JsonNode configured = this.api
			.configureOk(JudgingApi.roundInput(review, 2).put("cutSize", 3).put("normalise", false));
		assertThat(configured.path("configured").asBoolean()).isTrue();
		assertThat(configured.path("criteria")).hasSize(2);
		JsonNode plan = this.api.assignOk(review, "42").path("plan");
		assertThat(plan.path("seed").asString()).isEqualTo("42");
		assertThat(plan.path("proposalCount").asInt()).isEqualTo(6);
		assertThat(plan.path("assignmentCount").asInt()).isEqualTo(12);
		assertThat(plan.path("problems")).isEmpty();
		assertThat(plan.path("balanced").asBoolean()).isTrue();
		assertThat(this.api.statusOk(review, "OPEN", null).path("status").asString()).isEqualTo("OPEN");
		proposals
			.forEach((p) -> assertThat(this.api.proposalStatus(p).path("status").asString()).isEqualTo("IN_REVIEW"));
		scoreEverything(review, proposals, judges);
		this.api.statusOk(review, "CLOSED", null);
		JsonNode ranking = JudgingApi.ok(this.api.ranking(review, this.organizer), "roundRanking");
		assertThat(ranking.path("published").asBoolean()).isFalse();
		assertThat(ranking.path("summary").path("sheetCount").asInt()).isEqualTo(12);
		assertThat(ranking.path("lines")).hasSize(6);
		List<String> order = new ArrayList<>();
		ranking.path("lines").forEach((line) -> order.add(line.path("proposalId").asString()));
		assertThat(order).containsExactly(proposals.get(5), proposals.get(4), proposals.get(3), proposals.get(2),
				proposals.get(1), proposals.get(0));
		JudgingApi.ok(this.api.select(review, order.subList(0, 3), null, null, this.organizer), "selectProposals");
		JsonNode published = JudgingApi.ok(this.api.publish(review, this.organizer), "publishRound");
		assertThat(published.path("round").path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.path("problems")).isEmpty();
		for (int i = 0; i < 6; i++) {
			assertThat(this.api.proposalStatus(proposals.get(i)).path("status").asString())
				.isEqualTo((i >= 3) ? "SHORTLISTED" : "NOT_SHORTLISTED");
		}

		// FINAL: the shortlist is the candidate list; one outstanding proposal.
		this.api.configureOk(JudgingApi.roundInput(fin, 2).put("cutSize", 1).put("normalise", false));
		JsonNode finalPlan = this.api.assignOk(fin, null).path("plan");
		assertThat(finalPlan.path("proposalCount").asInt()).isEqualTo(3);
		this.api.statusOk(fin, "OPEN", null);
		List<String> shortlist = proposals.subList(3, 6);
		shortlist
			.forEach((p) -> assertThat(this.api.proposalStatus(p).path("status").asString()).isEqualTo("FINALIST"));
		scoreEverything(fin, proposals, judges);
		this.api.statusOk(fin, "CLOSED", null);
		String top = JudgingApi.ok(this.api.ranking(fin, this.organizer), "roundRanking")
			.path("lines")
			.get(0)
			.path("proposalId")
			.asString();
		assertThat(top).isEqualTo(proposals.get(5));
		JudgingApi.ok(this.api.select(fin, List.of(top), null, null, this.organizer), "selectProposals");
		JudgingApi.ok(this.api.publish(fin, this.organizer), "publishRound");
		assertThat(this.api.proposalStatus(top).path("status").asString()).isEqualTo("OUTSTANDING");
		JsonNode history = this.api.proposalStatus(top).path("history");
		assertThat(history.get(history.size() - 1).path("actor").asString()).isEqualTo("SYSTEM");
		assertThat(history.get(history.size() - 1).path("reason").asString()).contains("published");
		assertThat(this.api.proposalStatus(proposals.get(3)).path("status").asString()).isEqualTo("NOT_SELECTED");
		JsonNode phase = JudgingApi.ok(this.api.http()
			.graphql("query($s: String!) { hackathon(slug: $s) { phase } }", Http.json().put("s", hackathon.slug())),
				"hackathon");
		assertThat(phase.path("phase").asString()).isEqualTo("RESULTS_PUBLISHED");

		var json = this.api.http().get("/api/hackathons/" + hackathon.slug() + "/results.json");
		assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
		JsonNode results = Http.parse(json.body());
		assertThat(results.path("rounds")).hasSize(2);
		assertThat(results.path("rounds").get(1).path("selection").path("proposals").get(0).asString()).isEqualTo(top);
	}

	/**
	 * Every judge submits every sheet assigned to them: proposal i scores impact i+1
	 * (with normalisation off, the ranking is then the proposals' order).
	 */
	private void scoreEverything(String roundId, List<String> proposals, List<TestAccounts.Account> judges) {
		for (int j = 0; j < judges.size(); j++) {
			for (String proposal : this.api.assigned(roundId, judges.get(j))) {
				int i = proposals.indexOf(proposal);
				this.api.score(roundId, proposal, i + 1, 5, judges.get(j));
			}
		}
	}

}
