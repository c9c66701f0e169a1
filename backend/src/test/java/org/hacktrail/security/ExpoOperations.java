package org.hacktrail.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Http;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.hacktrail.security.Operations.Actor;
import static org.hacktrail.security.Operations.ForgedOperation;
import static org.hacktrail.security.Operations.refused;

/**
 * Expo (PAIRWISE) judging in the corpus: its world (an OPEN pairwise round the victim
 * judges, with one answered visit and one open) and its forged operations (the attacker
 * judges another panel).
 */
final class ExpoOperations {

	private ExpoOperations() {
	}

	/**
	 * Builds the expo round: two proposals at tables 1 and 2, the victim its only judge,
	 * the victim's first visit answered and the second one OPEN. Returns the round's id
	 * and puts the open visit's proposal as {@code expo.proposal.open}.
	 */
	static String world(World world, String run) {
		JudgingApi api = new JudgingApi(world.http, world.organizer);
		JudgingApi.Hackathon expo = api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		String round = expo.roundIds().get(0);
		List<String> proposals = api.proposals(expo, 2);
		api.judge(expo, world.victim, "PUBLIC");
		api.configureOk(Http.json().put("roundId", round).put("method", "PAIRWISE"));
		ObjectNode tables = Http.json();
		ArrayNode list = tables.putObject("input").put("roundId", round).putArray("tables");
		for (int i = 0; i < proposals.size(); i++) {
			list.addObject().put("proposalId", proposals.get(i)).put("label", "Table " + (i + 1));
		}
		world.call(world.organizer, "mutation($input: ConfigureExpoTablesInput!) { configureExpoTables(input: "
				+ "$input) { round { id } } }", tables);
		api.statusOk(round, "OPEN", null);
		String next = "mutation($id: ID!) { nextExpoVisit(roundId: $id) { visit { proposalId } } }";
		String first = world.call(world.victim, next, Http.json().put("id", round))
			.path("nextExpoVisit")
			.path("visit")
			.path("proposalId")
			.asString();
		world.call(world.victim,
				"mutation($r: ID!, $p: ID!) { recordExpoComparison(input: {roundId: $r, " + "clientId: \"victim-first-"
						+ run + "\", currentProposalId: $p}) { visit { id } } }",
				Http.json().put("r", round).put("p", first));
		world.put("expo.proposal.open",
				world.call(world.victim, next, Http.json().put("id", round))
					.path("nextExpoVisit")
					.path("visit")
					.path("proposalId")
					.asString());
		world.put("expo.proposal.first", first);
		return round;
	}

	static List<ForgedOperation> forged() {
		List<ForgedOperation> all = new ArrayList<>();
		Function<World, ObjectNode> round = (w) -> Http.json().put("id", w.id("expo.round"));
		Function<World, ObjectNode> answer = (w) -> Http.json()
			.put("r", w.id("expo.round"))
			.put("p", w.id("expo.proposal.open"))
			.put("q", w.id("expo.proposal.first"));
		both(all, "nextExpoVisit of another panel's round",
				"mutation($id: ID!) { nextExpoVisit(roundId: $id) { visit { id proposalId } } }", round);
		both(all, "recordExpoComparison at another panel's table",
				"mutation($r: ID!, $p: ID!, $q: ID!) { recordExpoComparison(input: {roundId: $r, clientId: "
						+ "\"forged\", currentProposalId: $p, previousProposalId: $q, winner: CURRENT}) "
						+ "{ visit { id } } }",
				answer);
		both(all, "skipExpoVisit at another panel's table",
				"mutation($r: ID!, $p: ID!) { skipExpoVisit(input: {roundId: $r, clientId: \"forged\", "
						+ "proposalId: $p, reason: ABSENT}) { visit { id } } }",
				(w) -> Http.json().put("r", w.id("expo.round")).put("p", w.id("expo.proposal.open")));
		// A CONFLICT skip also declares a conflict: refused, it declares none.
		both(all, "skipExpoVisit for a conflict at another panel's table",
				"mutation($r: ID!, $p: ID!) { skipExpoVisit(input: {roundId: $r, clientId: \"forged-conflict\", "
						+ "proposalId: $p, reason: CONFLICT}) { visit { id } } }",
				(w) -> Http.json().put("r", w.id("expo.round")).put("p", w.id("expo.proposal.open")));
		both(all, "configureExpoTables",
				"mutation($id: ID!) { configureExpoTables(input: {roundId: $id, " + "tables: []}) { round { id } } }",
				round);
		for (Actor actor : List.of(Actor.ATTACKER, Actor.VICTIM)) {
			all.add(new ForgedOperation("expoRanking before publication", actor,
					"query($id: ID!) { expoRanking(roundId: $id) { lines { proposalId score } } }", round,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("expoVisits", actor,
					"query($id: ID!) { expoVisits(roundId: $id) { id winner } }", round, refused("FORBIDDEN")));
		}
		all.add(new ForgedOperation("configureExpoTables by a judge", Actor.VICTIM,
				"mutation($id: ID!) { configureExpoTables(input: {roundId: $id, tables: []}) { round { id } } }", round,
				refused("FORBIDDEN")));
		all.add(new ForgedOperation("expoRanking before publication", Actor.ANONYMOUS,
				"query($id: ID!) { expoRanking(roundId: $id) { lines { proposalId score } } }", round,
				refused("UNAUTHENTICATED")));
		return all;
	}

	private static void both(List<ForgedOperation> all, String name, String document,
			Function<World, ObjectNode> variables) {
		all.add(new ForgedOperation(name, Actor.ATTACKER, document, variables, refused("FORBIDDEN")));
		all.add(new ForgedOperation(name, Actor.ANONYMOUS, document, variables, refused("UNAUTHENTICATED")));
	}

}
