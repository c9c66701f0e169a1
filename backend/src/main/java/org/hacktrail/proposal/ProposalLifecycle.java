package org.hacktrail.proposal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.jspecify.annotations.Nullable;

import static org.hacktrail.proposal.ProposalStatus.DRAFT;
import static org.hacktrail.proposal.ProposalStatus.FINALIST;
import static org.hacktrail.proposal.ProposalStatus.HACKING;
import static org.hacktrail.proposal.ProposalStatus.IN_REVIEW;
import static org.hacktrail.proposal.ProposalStatus.NOT_SELECTED;
import static org.hacktrail.proposal.ProposalStatus.NOT_SHORTLISTED;
import static org.hacktrail.proposal.ProposalStatus.OUTSTANDING;
import static org.hacktrail.proposal.ProposalStatus.PITCHED;
import static org.hacktrail.proposal.ProposalStatus.SHORTLISTED;
import static org.hacktrail.proposal.ProposalStatus.SUBMITTED;
import static org.hacktrail.proposal.ProposalStatus.TEAM_FORMING;
import static org.hacktrail.proposal.ProposalStatus.WITHDRAWN;

/**
 * The proposal lifecycle as an explicit table: every allowed move, who may make it, and
 * whether it needs a reason. Plain Java, no Spring, no store: {@link ProposalService}
 * applies it and records the move.
 *
 * <pre>
 * from             to                 who                          reason
 * DRAFT            SUBMITTED          proposer, organizer
 * SUBMITTED        PITCHED            organizer
 * SUBMITTED        TEAM_FORMING       organizer, system (teams)     community events often skip recording the pitch
 * SUBMITTED        IN_REVIEW          organizer, system (judging)   competitions review written proposals directly
 * PITCHED          TEAM_FORMING       organizer, system (teams)
 * PITCHED          HACKING            organizer                     a proposer hacking alone
 * PITCHED          IN_REVIEW          organizer, system (judging)
 * TEAM_FORMING     HACKING            organizer, system
 * TEAM_FORMING     IN_REVIEW          organizer, system (judging)
 * HACKING          IN_REVIEW          organizer, system (judging)
 * IN_REVIEW        SHORTLISTED        organizer, system (judging)
 * IN_REVIEW        NOT_SHORTLISTED    organizer, system (judging)
 * SHORTLISTED      IN_REVIEW          organizer, system (judging)   the next review round
 * SHORTLISTED      FINALIST           organizer, system (judging)   (+ partner agency rule of the hackathon)
 * NOT_SHORTLISTED  IN_REVIEW          organizer                     required: correcting a decision
 * FINALIST         OUTSTANDING        system (publishing results)
 * FINALIST         NOT_SELECTED       system (publishing results)
 * any but OUTSTANDING, NOT_SELECTED, WITHDRAWN
 *                  WITHDRAWN          proposer, organizer           required from an organizer
 * </pre>
 *
 * OUTSTANDING and NOT_SELECTED are set only by publishing results, never by hand, not
 * even by an organizer: judging requires a written, published justification for any
 * override of the ranking, and a direct status change would bypass it.
 */
public final class ProposalLifecycle {

	/** In which capacity someone moves a proposal. */
	public enum Actor {

		/** The person who proposed it (later: its team leads). */
		PROPOSER,

		/** An organizer. */
		ORGANIZER,

		/**
		 * Another feature acting on the proposal's behalf: teams, judging, publishing
		 * results.
		 */
		SYSTEM

	}

	/** One allowed move. */
	public record Rule(ProposalStatus from, ProposalStatus to, Set<Actor> actors, Set<Actor> reasonRequiredFrom) {

		public boolean allows(Actor actor) {
			return this.actors.contains(actor);
		}

		public boolean needsReasonFrom(Actor actor) {
			return this.reasonRequiredFrom.contains(actor);
		}

	}

	private static final Set<Actor> PROPOSER_OR_ORGANIZER = EnumSet.of(Actor.PROPOSER, Actor.ORGANIZER);

	private static final Set<Actor> ORGANIZER_ONLY = EnumSet.of(Actor.ORGANIZER);

	private static final Set<Actor> ORGANIZER_OR_SYSTEM = EnumSet.of(Actor.ORGANIZER, Actor.SYSTEM);

	private static final Set<Actor> SYSTEM_ONLY = EnumSet.of(Actor.SYSTEM);

	private static final Set<Actor> NOBODY = EnumSet.noneOf(Actor.class);

	private static final Map<ProposalStatus, Map<ProposalStatus, Rule>> TABLE = table();

	private ProposalLifecycle() {
	}

	private static Map<ProposalStatus, Map<ProposalStatus, Rule>> table() {
		Map<ProposalStatus, Map<ProposalStatus, Rule>> table = new EnumMap<>(ProposalStatus.class);
		for (ProposalStatus status : ProposalStatus.values()) {
			table.put(status, new LinkedHashMap<>());
		}
		add(table, DRAFT, SUBMITTED, PROPOSER_OR_ORGANIZER, NOBODY);
		add(table, SUBMITTED, PITCHED, ORGANIZER_ONLY, NOBODY);
		add(table, SUBMITTED, TEAM_FORMING, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, SUBMITTED, IN_REVIEW, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, PITCHED, TEAM_FORMING, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, PITCHED, HACKING, ORGANIZER_ONLY, NOBODY);
		add(table, PITCHED, IN_REVIEW, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, TEAM_FORMING, HACKING, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, TEAM_FORMING, IN_REVIEW, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, HACKING, IN_REVIEW, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, IN_REVIEW, SHORTLISTED, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, IN_REVIEW, NOT_SHORTLISTED, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, SHORTLISTED, IN_REVIEW, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, SHORTLISTED, FINALIST, ORGANIZER_OR_SYSTEM, NOBODY);
		add(table, NOT_SHORTLISTED, IN_REVIEW, ORGANIZER_ONLY, ORGANIZER_ONLY);
		add(table, FINALIST, OUTSTANDING, SYSTEM_ONLY, NOBODY);
		add(table, FINALIST, NOT_SELECTED, SYSTEM_ONLY, NOBODY);
		for (ProposalStatus from : List.of(DRAFT, SUBMITTED, PITCHED, TEAM_FORMING, HACKING, IN_REVIEW, SHORTLISTED,
				NOT_SHORTLISTED, FINALIST)) {
			add(table, from, WITHDRAWN, PROPOSER_OR_ORGANIZER, ORGANIZER_ONLY);
		}
		table.replaceAll((status, rules) -> Collections.unmodifiableMap(rules));
		return Collections.unmodifiableMap(table);
	}

	private static void add(Map<ProposalStatus, Map<ProposalStatus, Rule>> table, ProposalStatus from,
			ProposalStatus to, Set<Actor> actors, Set<Actor> reasonRequiredFrom) {
		table.get(from).put(to, new Rule(from, to, Set.copyOf(actors), Set.copyOf(reasonRequiredFrom)));
	}

	/** The rule for a move, if the move is allowed at all. */
	public static Optional<Rule> rule(ProposalStatus from, ProposalStatus to) {
		return Optional.ofNullable(TABLE.get(from).get(to));
	}

	/** Every status a proposal in {@code from} can move to, by anyone. */
	public static Set<ProposalStatus> targets(ProposalStatus from) {
		Set<ProposalStatus> targets = EnumSet.noneOf(ProposalStatus.class);
		targets.addAll(TABLE.get(from).keySet());
		return targets;
	}

	/** The statuses {@code actor} may move a proposal in {@code from} to. */
	public static Set<ProposalStatus> targets(ProposalStatus from, Actor actor) {
		Set<ProposalStatus> targets = EnumSet.noneOf(ProposalStatus.class);
		TABLE.get(from)
			.values()
			.stream()
			.filter((rule) -> rule.allows(actor))
			.forEach((rule) -> targets.add(rule.to()));
		return targets;
	}

	/** Every rule, for documentation and tests. */
	public static List<Rule> rules() {
		return TABLE.values().stream().flatMap((rules) -> rules.values().stream()).toList();
	}

	/**
	 * Checks a move: an unknown move is BAD_USER_INPUT naming {@code from} and {@code to}
	 * (and what is allowed instead); a known move by the wrong actor is FORBIDDEN; a
	 * missing required reason is BAD_USER_INPUT.
	 */
	public static Rule check(ProposalStatus from, ProposalStatus to, Actor actor, @Nullable String reason) {
		Rule rule = rule(from, to).orElseThrow(() -> illegal(from, to));
		if (!rule.allows(actor)) {
			throw new DomainException(ErrorCode.FORBIDDEN, who(rule) + " from " + from + " to " + to + ".",
					Map.of("from", from.name(), "to", to.name()));
		}
		if (rule.needsReasonFrom(actor) && (reason == null || reason.isBlank())) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"Moving a proposal from " + from + " to " + to + " as "
							+ actor.name().toLowerCase(java.util.Locale.ROOT) + " needs a reason; it is kept in "
							+ "the proposal's history.",
					Map.of("field", "reason", "from", from.name(), "to", to.name()));
		}
		return rule;
	}

	static DomainException illegal(ProposalStatus from, ProposalStatus to) {
		Set<ProposalStatus> allowed = targets(from);
		String instead = allowed.isEmpty() ? "it is final and does not move any more"
				: "from " + from + " it can go to " + String.join(", ", allowed.stream().map(Enum::name).toList());
		return new DomainException(ErrorCode.BAD_USER_INPUT,
				"A proposal cannot go from " + from + " to " + to + "; " + instead + ".", Map.of("field", "to", "from",
						from.name(), "to", to.name(), "allowed", allowed.stream().map(Enum::name).toList()));
	}

	private static String who(Rule rule) {
		if (rule.actors().equals(SYSTEM_ONLY)) {
			return (rule.to() == OUTSTANDING || rule.to() == NOT_SELECTED)
					? "Only publishing the results (judging) moves a proposal"
					: "Only Hacktrail itself moves a proposal";
		}
		if (rule.actors().contains(Actor.PROPOSER)) {
			return "Only the proposer or an organizer can move this proposal";
		}
		return "Only organizers can move a proposal";
	}

}
