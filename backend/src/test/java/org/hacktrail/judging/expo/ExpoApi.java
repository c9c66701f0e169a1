package org.hacktrail.judging.expo;

import java.util.List;
import java.util.UUID;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL calls of the expo (PAIRWISE) tests, beside {@link JudgingApi} for the
 * hackathon, proposals, judges and round status.
 */
final class ExpoApi {

	static final String VISIT_FIELDS = """
			id roundId judgeId number proposalId proposal { id } status choice expectedGain sentAt clientId
			previousProposalId winner skipReason answeredBy answeredAt sequence
			table { proposalId label tableNumber x y }""";

	static final String RANKING_FIELDS = """
			roundId algorithmVersion outstandingQuota minimumComparisons bootstrapReplicates seed comparisonsCounted
			firstVisits skippedVisits openVisits judgeUpdatesKept
			lines { proposalId proposal { id } table { label tableNumber } rank score variance comparisons
			  sufficientEvidence tied inTopN rankLow rankHigh probabilityTopN straddlesCut }
			judges { judgeId displayName sector alpha beta reliability comparisons }""";

	private final Http http;

	private final TestAccounts.Account organizer;

	ExpoApi(Http http, TestAccounts.Account organizer) {
		this.http = http;
		this.organizer = organizer;
	}

	/** A PAIRWISE round: method, cut N, B and seed set by the organizer. */
	JsonNode pairwise(String roundId, int cut, int replicates, String seed) {
		ObjectNode input = Http.json()
			.put("roundId", roundId)
			.put("method", "PAIRWISE")
			.put("cutSize", cut)
			.put("bootstrapReplicates", replicates)
			.put("seed", seed);
		return JudgingApi
			.ok(new JudgingApi(this.http, this.organizer).configure(input, this.organizer), "configureRound")
			.path("round");
	}

	/** Table i + 1 ("Table n", number n) for the i-th proposal. */
	static ArrayNode tablesInRow(List<String> proposalIds) {
		ArrayNode tables = Http.json().arrayNode();
		for (int i = 0; i < proposalIds.size(); i++) {
			tables.addObject()
				.put("proposalId", proposalIds.get(i))
				.put("label", "Table " + (i + 1))
				.put("tableNumber", i + 1);
		}
		return tables;
	}

	Http.GraphQlResult tables(String roundId, ArrayNode tables, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.putObject("input").put("roundId", roundId).set("tables", tables);
		return this.http.graphql(
				"mutation($input: ConfigureExpoTablesInput!) { configureExpoTables(input: $input) "
						+ "{ round { id status method version expoTables { proposalId label tableNumber x y } } } }",
				variables, headers(as));
	}

	Http.GraphQlResult next(String roundId, TestAccounts.Account as) {
		return this.http.graphql(
				"mutation($id: ID!) { nextExpoVisit(roundId: $id) { done visit { " + VISIT_FIELDS + " } } }",
				Http.json().put("id", roundId), headers(as));
	}

	static ObjectNode comparison(String roundId, String clientId, String current, String previous, String winner) {
		ObjectNode input = Http.json()
			.put("roundId", roundId)
			.put("clientId", clientId)
			.put("currentProposalId", current);
		if (previous != null) {
			input.put("previousProposalId", previous);
		}
		if (winner != null) {
			input.put("winner", winner);
		}
		return input;
	}

	Http.GraphQlResult compare(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: RecordExpoComparisonInput!) { recordExpoComparison(input: $input) "
				+ "{ visit { " + VISIT_FIELDS + " } } }", variables, headers(as));
	}

	Http.GraphQlResult skip(String roundId, String clientId, String proposalId, String reason,
			TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.putObject("input")
			.put("roundId", roundId)
			.put("clientId", clientId)
			.put("proposalId", proposalId)
			.put("reason", reason);
		return this.http.graphql("mutation($input: SkipExpoVisitInput!) { skipExpoVisit(input: $input) { visit { "
				+ VISIT_FIELDS + " } } }", variables, headers(as));
	}

	Http.GraphQlResult ranking(String roundId, TestAccounts.Account as) {
		return this.http.graphql("query($id: ID!) { expoRanking(roundId: $id) { " + RANKING_FIELDS + " } }",
				Http.json().put("id", roundId), headers(as));
	}

	Http.GraphQlResult visits(String roundId, TestAccounts.Account as) {
		return this.http.graphql("query($id: ID!) { expoVisits(roundId: $id) { " + VISIT_FIELDS + " } }",
				Http.json().put("id", roundId), headers(as));
	}

	JsonNode visitsOk(String roundId) {
		return JudgingApi.ok(visits(roundId, this.organizer), "expoVisits");
	}

	static String clientId() {
		return UUID.randomUUID().toString();
	}

	static String[] headers(TestAccounts.Account as) {
		return (as != null) ? as.headers() : new String[0];
	}

}
