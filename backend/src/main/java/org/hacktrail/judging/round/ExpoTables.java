package org.hacktrail.judging.round;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The tables of a PAIRWISE round: where each candidate is shown at the expo. Organizers
 * set the whole list while the round is DRAFT or OPEN (a team moves during the expo);
 * while OPEN the list keeps the same proposals, since the round's candidates are fixed. A
 * PAIRWISE round opens only when every candidate has a table; from then on its candidates
 * are exactly the proposals of its tables.
 */
@Service
public class ExpoTables {

	static final int MAX_LABEL = 100;

	static final int MAX_TABLE_NUMBER = 100_000;

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final JudgingAccess access;

	private final Clock clock;

	ExpoTables(MongoTemplate mongo, RoundService rounds, JudgingAccess access, Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.access = access;
		this.clock = clock;
	}

	public record ExpoTableInput(@Nullable String proposalId, @Nullable String label, @Nullable Integer tableNumber,
			@Nullable Double x, @Nullable Double y) {
	}

	public record ConfigureExpoTablesInput(String roundId, @Nullable List<ExpoTableInput> tables,
			@Nullable Integer expectedVersion) {
	}

	/** Replaces a PAIRWISE round's tables. Organizers. */
	public JudgingRound configure(ConfigureExpoTablesInput input) {
		String me = this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(input.roundId());
		RoundService.requireWritable(context.hackathon());
		JudgingRound current = context.judging();
		if (!context.stored() || current.config().method() != RoundMethod.PAIRWISE) {
			throw DomainException.badInput("roundId", Refusal.NOT_PAIRWISE, "method", current.config().method());
		}
		if (current.status() != RoundStatus.DRAFT && current.status() != RoundStatus.OPEN) {
			throw DomainException.badInput("roundId", Refusal.ROUND_STATUS, "status", current.status());
		}
		if (input.expectedVersion() != null && current.version() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException("Round " + current.id() + " changed");
		}
		if (input.tables() == null) {
			throw DomainException.badInput("tables", Refusal.REQUIRED);
		}
		List<ExpoTable> tables = tables(input.tables());
		Set<String> allowed = new HashSet<>(this.rounds.candidates(context));
		for (ExpoTable table : tables) {
			if (!allowed.contains(table.proposalId())) {
				throw DomainException.badInput("tables", Refusal.NOT_A_CANDIDATE, "value", table.proposalId());
			}
		}
		if (current.status() == RoundStatus.OPEN
				&& !proposals(tables).equals(proposals(current.config().expoTables()))) {
			throw DomainException.badInput("tables", Refusal.OPEN_TABLES_FIXED);
		}
		Instant now = this.clock.instant();
		RoundEvent event = (current.status() == RoundStatus.DRAFT) ? null : RoundEvent.described(now, me,
				"TABLES_CHANGED", tables.size() + " tables", List.of(MessageArg.of("count", tables.size())), null);
		return this.mongo.save(current.with(current.status(), current.config().withExpoTables(tables),
				current.selection(), current.publishedAt(), event, now));
	}

	/**
	 * The candidates of a PAIRWISE round about to open; refuses unless every candidate
	 * has a table and there are at least two.
	 */
	static List<String> requireReadyToOpen(List<String> candidates, JudgingRound round) {
		Set<String> withTable = proposals(round.config().expoTables());
		List<String> missing = candidates.stream().filter((c) -> !withTable.contains(c)).toList();
		if (!missing.isEmpty()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					missing.size() + " candidate" + ((missing.size() == 1) ? " has" : "s have")
							+ " no table; give every candidate a table (configureExpoTables) before opening: "
							+ String.join(", ", missing.subList(0, Math.min(10, missing.size()))),
					Map.of("field", "tables", "missing", missing));
		}
		Set<String> candidateSet = new HashSet<>(candidates);
		List<String> extra = withTable.stream().filter((p) -> !candidateSet.contains(p)).toList();
		if (!extra.isEmpty()) {
			throw DomainException.badInput("tables", Refusal.TABLES_STALE, "ids", extra);
		}
		if (candidates.size() < 2) {
			throw DomainException.badInput("candidateProposalIds", Refusal.TOO_FEW, "min", 2);
		}
		return candidates;
	}

	/** The candidates of an OPEN (or later) PAIRWISE round: its tables' proposals. */
	public static List<String> candidates(JudgingRound round) {
		return List.copyOf(proposals(round.config().expoTables()));
	}

	private static TreeSet<String> proposals(List<ExpoTable> tables) {
		TreeSet<String> ids = new TreeSet<>();
		tables.forEach((t) -> ids.add(t.proposalId()));
		return ids;
	}

	private static List<ExpoTable> tables(List<ExpoTableInput> inputs) {
		if (inputs.size() > RoundService.MAX_CANDIDATES) {
			throw DomainException.badInput("tables", Refusal.TOO_MANY, "max", RoundService.MAX_CANDIDATES, "count",
					inputs.size());
		}
		Set<String> seen = new HashSet<>();
		List<ExpoTable> tables = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			ExpoTableInput input = inputs.get(i);
			String field = "tables[" + i + "]";
			if (input == null || input.proposalId() == null || input.proposalId().isBlank()) {
				throw DomainException.badInput(field + ".proposalId", Refusal.REQUIRED);
			}
			String proposal = input.proposalId().strip();
			if (!seen.add(proposal)) {
				throw DomainException.badInput(field + ".proposalId", Refusal.DUPLICATE, "value", proposal);
			}
			String label = (input.label() != null) ? input.label().strip() : "";
			if (label.isEmpty() || label.length() > MAX_LABEL) {
				throw DomainException.badInput(field + ".label", Refusal.LENGTH, "min", 1, "max", MAX_LABEL);
			}
			FreeText.check(label, field + ".label", FreeText.Kind.LINE);
			Integer number = input.tableNumber();
			if (number != null && (number < 1 || number > MAX_TABLE_NUMBER)) {
				throw DomainException.badInput(field + ".tableNumber", Refusal.OUT_OF_RANGE, "min", 1, "max",
						MAX_TABLE_NUMBER, "value", number);
			}
			if ((input.x() == null) != (input.y() == null)) {
				throw DomainException.badInput(field + ".x", Refusal.BOTH_OR_NEITHER, "other", "y");
			}
			if (input.x() != null && (!Double.isFinite(input.x()) || !Double.isFinite(input.y()))) {
				throw DomainException.badInput(field + ".x", Refusal.NOT_FINITE);
			}
			tables.add(new ExpoTable(proposal, label, number, input.x(), input.y()));
		}
		tables.sort(Comparator.comparing(ExpoTable::proposalId));
		return tables;
	}

}
