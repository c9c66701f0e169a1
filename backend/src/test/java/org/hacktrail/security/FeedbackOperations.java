package org.hacktrail.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hacktrail.support.Http;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hacktrail.security.Operations.Actor;
import static org.hacktrail.security.Operations.ForgedOperation;
import static org.hacktrail.security.Operations.TextOperation;
import static org.hacktrail.security.Operations.nullAt;
import static org.hacktrail.security.Operations.refused;

/**
 * Reminders to judges and judges' feedback for teams in the corpus: the victim's and the
 * peer's feedback in the judging round (one on the attacker's own proposal, which the
 * attacker must not read before publication), the operations with free text, and the
 * forged ones (the attacker judges another panel; judges do not hide or remind).
 */
final class FeedbackOperations {

	private FeedbackOperations() {
	}

	static final String SAVE = "mutation($input: SaveTeamFeedbackInput!) { saveTeamFeedback(input: $input) "
			+ "{ feedback { id text } } }";

	/**
	 * Feedback of the victim and the peer in the judging round ({@code World#judging}).
	 */
	static void world(World world) {
		world.put("feedback.victim", save(world, world.victim, "judging.proposal.2", "Victim's feedback for the team"));
		world.put("feedback.victim.secret",
				save(world, world.victim, "judging.proposal.attacker", "Secret notes of the victim's feedback"));
		world.put("feedback.peer", save(world, world.peer, "judging.proposal.2", "Peer's feedback for the team"));
	}

	private static String save(World world, org.hacktrail.support.TestAccounts.Account judge, String proposal,
			String text) {
		ObjectNode variables = Http.json();
		variables.putObject("input")
			.put("roundId", world.id("round"))
			.put("proposalId", world.id(proposal))
			.put("text", text);
		return world.call(judge, SAVE, variables).path("saveTeamFeedback").path("feedback").path("id").asString();
	}

	static List<TextOperation> text() {
		List<TextOperation> all = new ArrayList<>();
		all.add(new TextOperation("saveTeamFeedback", Actor.VICTIM, SAVE, (w) -> {
			ObjectNode v = Http.json();
			v.putObject("input")
				.put("roundId", w.id("round"))
				.put("proposalId", w.id("judging.proposal.2"))
				.put("text", "plain");
			return v;
		}, fields("/input/text", "/saveTeamFeedback/feedback/text", "/input/roundId", "", "/input/proposalId", ""))
			.refusing("FORBIDDEN"));
		all.add(new TextOperation("hideTeamFeedback", Actor.ORGANIZER,
				"mutation($input: HideTeamFeedbackInput!) { hideTeamFeedback(input: $input) "
						+ "{ feedback { hidden { reason } } } }",
				(w) -> {
					ObjectNode v = Http.json();
					v.putObject("input").put("feedbackId", w.id("feedback.peer")).put("reason", "plain");
					return v;
				}, fields("/input/reason", "/hideTeamFeedback/feedback/hidden/reason", "/input/feedbackId", "")));
		all.add(new TextOperation("myTeamFeedback", Actor.VICTIM,
				"query($r: ID!, $p: ID!) { myTeamFeedback(roundId: $r, proposalId: $p) { id } }",
				(w) -> Http.json().put("r", w.id("round")).put("p", w.id("judging.proposal.2")),
				fields("/r", "", "/p", "")));
		all.add(new TextOperation("proposalFeedback", Actor.ATTACKER,
				"query($p: ID!) { proposalFeedback(proposalId: $p) { published } }",
				(w) -> Http.json().put("p", w.id("judging.proposal.attacker")), fields("/p", "")));
		all.add(new TextOperation("roundTeamFeedback", Actor.ORGANIZER,
				"query($r: ID!) { roundTeamFeedback(roundId: $r) { id } }", (w) -> Http.json().put("r", w.id("round")),
				fields("/r", "")));
		all.add(new TextOperation("judgesWithWorkLeft", Actor.ORGANIZER,
				"query($r: ID!) { judgesWithWorkLeft(roundId: $r) { remaining } }",
				(w) -> Http.json().put("r", w.id("round")), fields("/r", "")));
		all.add(new TextOperation("remindJudges", Actor.ORGANIZER,
				"mutation($input: RemindJudgesInput!) { remindJudges(input: $input) { remindedCount } }", (w) -> {
					ObjectNode v = Http.json();
					v.putObject("input").put("roundId", w.id("round")).putArray("judgeIds").add(w.id("judge.peer"));
					return v;
				}, fields("/input/roundId", "", "/input/judgeIds/0", "")));
		return all;
	}

	static List<ForgedOperation> forged() {
		List<ForgedOperation> all = new ArrayList<>();
		Function<World, ObjectNode> round = (w) -> Http.json().put("r", w.id("round"));
		Function<World, ObjectNode> hide = (w) -> Http.json().put("f", w.id("feedback.victim"));
		String hideDocument = "mutation($f: ID!) { hideTeamFeedback(input: {feedbackId: $f, reason: \"pwned\"}) "
				+ "{ feedback { id } } }";
		String remind = "mutation($r: ID!) { remindJudges(input: {roundId: $r}) { remindedCount } }";
		for (Actor actor : List.of(Actor.ATTACKER, Actor.VICTIM, Actor.PEER)) {
			all.add(new ForgedOperation("hideTeamFeedback by a non-organizer", actor, hideDocument, hide,
					refused("FORBIDDEN")));
			all.add(new ForgedOperation("roundTeamFeedback by a non-organizer", actor,
					"query($r: ID!) { roundTeamFeedback(roundId: $r) { id text } }", round, refused("FORBIDDEN")));
			all.add(new ForgedOperation("remindJudges by a non-organizer", actor, remind, round, refused("FORBIDDEN")));
			all.add(new ForgedOperation("judgesWithWorkLeft by a non-organizer", actor,
					"query($r: ID!) { judgesWithWorkLeft(roundId: $r) { remaining } }", round, refused("FORBIDDEN")));
		}
		all.add(new ForgedOperation("hideTeamFeedback anonymously", Actor.ANONYMOUS, hideDocument, hide,
				refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("remindJudges anonymously", Actor.ANONYMOUS, remind, round,
				refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("saveTeamFeedback at another panel", Actor.ATTACKER, SAVE,
				(w) -> input(w, "judging.proposal.attacker", "pwned"), refused("FORBIDDEN")));
		all.add(new ForgedOperation("saveTeamFeedback anonymously", Actor.ANONYMOUS, SAVE,
				(w) -> input(w, "judging.proposal.2", "pwned"), refused("UNAUTHENTICATED")));
		all.add(new ForgedOperation("proposalFeedback of another team", Actor.ATTACKER,
				"query($p: ID!) { proposalFeedback(proposalId: $p) { rounds { entries { text } } } }",
				(w) -> Http.json().put("p", w.id("judging.proposal.2")), refused("FORBIDDEN")));
		all.add(new ForgedOperation("proposalFeedback anonymously", Actor.ANONYMOUS,
				"query($p: ID!) { proposalFeedback(proposalId: $p) { rounds { entries { text } } } }",
				(w) -> Http.json().put("p", w.id("judging.proposal.2")), refused("UNAUTHENTICATED")));
		// The attacker's own proposal: their team's view, nothing before publication.
		all.add(new ForgedOperation("proposalFeedback of one's own proposal before publication", Actor.ATTACKER,
				"query($p: ID!) { proposalFeedback(proposalId: $p) { published rounds { entries { text } } } }",
				(w) -> Http.json().put("p", w.id("judging.proposal.attacker")), (world, result) -> {
					assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
					assertThat(result.data().path("proposalFeedback").path("published").asBoolean()).isFalse();
					assertThat(result.body().toString()).doesNotContain("Secret notes");
				}));
		all.add(new ForgedOperation("myTeamFeedback is one's own", Actor.ATTACKER,
				"query($r: ID!, $p: ID!) { myTeamFeedback(roundId: $r, proposalId: $p) { id text } }",
				(w) -> Http.json().put("r", w.id("round")).put("p", w.id("judging.proposal.attacker")),
				nullAt("/myTeamFeedback")));
		return all;
	}

	private static ObjectNode input(World w, String proposal, String text) {
		ObjectNode v = Http.json();
		v.putObject("input").put("roundId", w.id("round")).put("proposalId", w.id(proposal)).put("text", text);
		return v;
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
