package org.hacktrail.security;

import java.util.List;
import java.util.function.Consumer;

import org.hacktrail.support.Http;
import tools.jackson.databind.node.ObjectNode;

import static org.hacktrail.security.Operations.Actor;
import static org.hacktrail.security.Operations.ForgedOperation;
import static org.hacktrail.security.Operations.refused;

/**
 * Verifying many outcome milestones in the corpus: by ids, by import, by filter, the
 * preview of a selection and the list of imports to verify are for organizers only.
 */
final class BulkVerificationOperations {

	private BulkVerificationOperations() {
	}

	static final String VERIFY = "mutation($input: VerifyOutcomeMilestonesInput!) { "
			+ "verifyOutcomeMilestones(input: $input) { verifiedCount } }";

	/** Each operation as {@code actor}, refused with {@code code}. */
	static List<ForgedOperation> forged(Actor actor, String code) {
		return List.of(
				new ForgedOperation("verifyOutcomeMilestones by ids as " + actor, actor, VERIFY,
						(w) -> input((i) -> i.putArray("ids").add(w.id("milestone.victim"))), refused(code)),
				new ForgedOperation("verifyOutcomeMilestones by import as " + actor, actor, VERIFY, (w) -> input(
						(i) -> i.put("expectedCount", 1).putObject("selection").put("importRunId", w.id("run.import"))),
						refused(code)),
				new ForgedOperation("verifyOutcomeMilestones by filter as " + actor, actor, VERIFY,
						(w) -> input((i) -> i.put("expectedCount", 1).putObject("selection").put("agency", "Secret")),
						refused(code)),
				new ForgedOperation("outcomeSelectionPreview as " + actor, actor,
						"query($r: ID!) { outcomeSelectionPreview(selection: {importRunId: $r}) "
								+ "{ count milestones { id note } } }",
						(w) -> Http.json().put("r", w.id("run.import")), refused(code)),
				new ForgedOperation("outcomeImportsToVerify as " + actor, actor,
						"{ outcomeImportsToVerify { file pendingCount } }", (w) -> Http.json(), refused(code)));
	}

	private static ObjectNode input(Consumer<ObjectNode> fill) {
		ObjectNode variables = Http.json();
		fill.accept(variables.putObject("input"));
		return variables;
	}

}
