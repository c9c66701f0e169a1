package org.hacktrail.judging.expo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.Comparison;
import org.hacktrail.judging.pairwise.Location;
import org.hacktrail.judging.pairwise.NextChoice;
import org.hacktrail.judging.pairwise.NextProject;
import org.hacktrail.judging.pairwise.NextProjectRequest;
import org.hacktrail.judging.pairwise.PairwiseEstimate;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.PairwiseRanking;
import org.hacktrail.judging.panel.ConflictService;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.ExpoTable;
import org.hacktrail.judging.round.ExpoTables;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundDedications;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A judge's walk through a PAIRWISE round: the next table, and the answers.
 *
 * <p>
 * Only an ACTIVE judge of the round's hackathon, only while the round is OPEN. The next
 * table is {@link NextProject#choose} on the round's answers so far, the judge's visits,
 * where the other judges are (their OPEN visits), the judge's conflicts and the tables;
 * the choice is stored as an OPEN visit and returned again until it is answered. Every
 * answer carries a client-generated id: the same id again returns the stored answer and
 * changes nothing; the same id with another answer is refused.
 */
@Service
public class ExpoService {

	static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

	/** Attempts at choosing a table when other requests of the same judge interleave. */
	static final int ATTEMPTS = 3;

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final JudgingAccess access;

	private final Clock clock;

	private final ExpoRoundVisits roundVisits;

	private final ConflictService conflicts;

	ExpoService(MongoTemplate mongo, RoundService rounds, JudgingAccess access, Clock clock,
			ExpoRoundVisits roundVisits, ConflictService conflicts) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.access = access;
		this.clock = clock;
		this.roundVisits = roundVisits;
		this.conflicts = conflicts;
	}

	/**
	 * Where the judge goes: the visit (null when there is no table for the judge now),
	 * and whether the judge is done (every table seen, skipped or conflicted) or should
	 * wait (the remaining tables have their bound of judges).
	 */
	public record NextVisit(@Nullable ExpoVisit visit, boolean done, @Nullable ExpoVisit previous, int answered,
			int remaining) {
	}

	/**
	 * A judge's walk in one PAIRWISE round for the judge's home screen: the visits
	 * answered and the tables of the round.
	 */
	public record MyExpoRound(JudgingRound round, Judge judge, int answered, int tables) {
	}

	public record RecordExpoComparisonInput(String roundId, String clientId, String currentProposalId,
			@Nullable String previousProposalId, @Nullable ExpoWinner winner) {
	}

	public record SkipExpoVisitInput(String roundId, String clientId, String proposalId, ExpoSkipReason reason) {
	}

	/** The judge's next table (the OPEN visit again, if there is one). */
	public NextVisit next(String roundId) {
		this.access.requireSignedIn();
		JudgingRound round = this.rounds.requireStored(roundId);
		Judge judge = this.access.requireActiveJudge(round.hackathonId());
		this.rounds.requireRoundJudge(round, judge.userId());
		requirePairwise(round);
		requireOpen(round);
		List<String> candidates = ExpoTables.candidates(round);
		// One choice at a time per round in this instance: the bound of judges per table
		// holds between two judges asking at once.
		return this.roundVisits.locked(roundId, () -> choose(round, judge, candidates));
	}

	private NextVisit choose(JudgingRound round, Judge judge, List<String> candidates) {
		String roundId = round.id();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			List<ExpoVisit> visits = this.roundVisits.current(roundId);
			Walk walk = Walk.of(visits, judge.id());
			if (walk.open != null) {
				if (!judge.isConflictedWith(walk.open.proposalId())) {
					return walk.next(walk.open, false, candidates, judge);
				}
				// A conflict declared after the judge was sent there: never send the
				// judge
				// to that table; the visit is skipped for them.
				skipForConflict(walk.open);
				continue;
			}
			Set<String> conflicted = new HashSet<>();
			candidates.stream().filter(judge::isConflictedWith).forEach(conflicted::add);
			Map<String, String> visiting = new HashMap<>();
			for (ExpoVisit visit : visits) {
				if (visit.isOpen() && !visit.judgeId().equals(judge.id())) {
					visiting.put(visit.judgeId(), visit.proposalId());
				}
			}
			PairwiseEstimate estimate = PairwiseRanking.estimate(input(round, candidates, visits, 1));
			NextChoice choice = NextProject.choose(estimate, NextProjectRequest.of(judge.id(), walk.current, walk.seen,
					visiting, Map.of(judge.id(), conflicted), locations(round), round.config().seed()));
			if (choice.candidateId() == null) {
				boolean done = candidates.stream().allMatch((c) -> walk.seen.contains(c) || conflicted.contains(c));
				return walk.next(null, done, candidates, judge);
			}
			ExpoTable table = round.config()
				.expoTables()
				.stream()
				.filter((t) -> t.proposalId().equals(choice.candidateId()))
				.findFirst()
				.orElseThrow();
			int number = walk.count + 1;
			ExpoVisit visit = new ExpoVisit(ExpoVisit.idOf(roundId, judge.id(), number), roundId, round.hackathonId(),
					judge.id(), number, table.proposalId(), table, ExpoVisitStatus.OPEN, choice.reason(),
					choice.expectedGain(), this.clock.instant(), null, null, null, null, null, null, null, null);
			try {
				ExpoVisit inserted = this.mongo.insert(visit);
				this.roundVisits.written(inserted);
				return walk.next(inserted, false, candidates, judge);
			}
			catch (DuplicateKeyException ex) {
				ExpoVisit stored = this.mongo.findById(visit.id(), ExpoVisit.class);
				if (stored != null && stored.isOpen()) {
					return walk.next(stored, false, candidates, judge);
				}
			}
		}
		throw DomainException.conflict("Your visits changed while your next table was chosen; ask again.");
	}

	/**
	 * The signed-in person's OPEN and CLOSED PAIRWISE rounds at every hackathon where
	 * they are an active judge, open rounds first, with the visits they answered.
	 */
	public List<MyExpoRound> myRounds() {
		String me = this.access.requireSignedIn();
		List<MyExpoRound> all = new ArrayList<>();
		for (Judge judge : this.mongo.find(new Query(Criteria.where("userId").is(me)), Judge.class)) {
			if (!judge.isActive()) {
				continue;
			}
			for (JudgingRound round : this.rounds.storedRounds(judge.hackathonId())) {
				boolean walking = round.status() == RoundStatus.OPEN || round.status() == RoundStatus.CLOSED;
				RoundDedications.Dedication dedication = walking ? this.rounds.dedication(round.id()) : null;
				if (dedication != null && !dedication.judges(me)) {
					// A round dedicated to an award track is walked by the track's judges
					// only.
					continue;
				}
				if (walking && round.config().method() == RoundMethod.PAIRWISE) {
					Query mine = new Query(Criteria.where("roundId")
						.is(round.id())
						.and("judgeId")
						.is(judge.id())
						.and("status")
						.ne(ExpoVisitStatus.OPEN));
					int answered = (int) this.mongo.count(mine, ExpoVisit.class);
					all.add(new MyExpoRound(round, judge, answered, round.config().expoTables().size()));
				}
			}
		}
		all.sort(Comparator.comparing((MyExpoRound a) -> a.round().status() != RoundStatus.OPEN)
			.thenComparing((a) -> a.round().createdAt(), Comparator.reverseOrder())
			.thenComparing((a) -> a.round().id()));
		return all;
	}

	/**
	 * Records "better than the previous one?" (or, with no previous proposal, the first
	 * visit).
	 */
	public ExpoVisit compare(RecordExpoComparisonInput input) {
		boolean first = input.previousProposalId() == null;
		return answer(input.roundId(), input.clientId(), first ? ExpoVisitStatus.VISITED : ExpoVisitStatus.COMPARED,
				input.currentProposalId(), input.previousProposalId(), input.winner(), null)
			.visit();
	}

	/**
	 * Records that the judge left the table without comparing. A skip for a CONFLICT is
	 * also the judge's declaration of a conflict of interest with the proposal
	 * ({@link ConflictService#declareAtExpoSkip}, source EXPO_SKIP): organizers see it,
	 * and no round sends the judge to the proposal or gives them its sheet. A retry of
	 * the same skip declares nothing twice.
	 */
	public ExpoVisit skip(SkipExpoVisitInput input) {
		Answered answered = answer(input.roundId(), input.clientId(), ExpoVisitStatus.SKIPPED, input.proposalId(), null,
				null, input.reason());
		ExpoVisit visit = answered.visit();
		if (visit.skipReason() == ExpoSkipReason.CONFLICT && visit.answeredBy() != null) {
			this.conflicts.declareAtExpoSkip(visit.hackathonId(), visit.proposalId(),
					"Skipped " + visit.table().label() + " with \"conflict of interest\" in the " + answered.kind()
							+ " round's expo (round " + visit.roundId() + ").",
					answered.fresh());
		}
		return visit;
	}

	/**
	 * An answer, whether this request stored it (false for a retry), and its round's
	 * kind.
	 */
	private record Answered(ExpoVisit visit, boolean fresh, RoundKind kind) {
	}

	private Answered answer(String roundId, String clientId, ExpoVisitStatus status, String proposalId,
			@Nullable String previousId, @Nullable ExpoWinner winner, @Nullable ExpoSkipReason reason) {
		this.access.requireSignedIn();
		JudgingRound round = this.rounds.requireStored(roundId);
		Judge judge = this.access.requireActiveJudge(round.hackathonId());
		this.rounds.requireRoundJudge(round, judge.userId());
		requirePairwise(round);
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw DomainException.badInput("clientId", Refusal.BAD_FORMAT, "value", String.valueOf(clientId), "format",
					"a client id is 1 to 100 letters, digits, '_', '.', ':' or '-', generated by the client once per answer (a UUID will do).");
		}
		return this.roundVisits.locked(roundId,
				() -> answerLocked(round, judge, clientId, status, proposalId, previousId, winner, reason));
	}

	private Answered answerLocked(JudgingRound round, Judge judge, String clientId, ExpoVisitStatus status,
			String proposalId, @Nullable String previousId, @Nullable ExpoWinner winner,
			@Nullable ExpoSkipReason reason) {
		String roundId = round.id();
		List<ExpoVisit> visits = this.roundVisits.current(roundId);
		for (ExpoVisit visit : visits) {
			if (clientId.equals(visit.clientId())) {
				return new Answered(replay(visit, judge, status, proposalId, previousId, winner, reason), false,
						round.kind());
			}
		}
		requireOpen(round);
		Set<String> candidates = new HashSet<>(ExpoTables.candidates(round));
		if (!candidates.contains(proposalId)) {
			throw DomainException.badInput((status == ExpoVisitStatus.SKIPPED) ? "proposalId" : "currentProposalId",
					Refusal.NOT_A_CANDIDATE, "value", proposalId);
		}
		if (previousId != null && !candidates.contains(previousId)) {
			throw DomainException.badInput("previousProposalId", Refusal.NOT_A_CANDIDATE, "value", previousId);
		}
		if (proposalId.equals(previousId)) {
			throw DomainException.badInput("previousProposalId", Refusal.SAME_PROPOSAL);
		}
		if (status == ExpoVisitStatus.SKIPPED && reason == null) {
			throw DomainException.badInput("reason", Refusal.REQUIRED);
		}
		Walk walk = Walk.of(visits, judge.id());
		if (walk.open == null) {
			throw DomainException.badInput("currentProposalId", Refusal.NO_OPEN_VISIT);
		}
		if (!walk.open.proposalId().equals(proposalId)) {
			throw DomainException.badInput((status == ExpoVisitStatus.SKIPPED) ? "proposalId" : "currentProposalId",
					Refusal.WRONG_TABLE, "table", walk.open.table().label(), "proposalId", walk.open.proposalId(),
					"value", proposalId);
		}
		if (status != ExpoVisitStatus.SKIPPED) {
			checkComparison(walk.current, previousId, winner);
		}
		Instant now = this.clock.instant();
		long sequence = ChronoUnit.MICROS.between(Instant.EPOCH, now);
		Query open = new Query(Criteria.where("_id").is(walk.open.id()).and("status").is(ExpoVisitStatus.OPEN));
		Update update = new Update().set("status", status)
			.set("clientId", clientId)
			.set("previousProposalId", previousId)
			.set("winner", winner)
			.set("skipReason", reason)
			.set("answeredBy", judge.userId())
			.set("answeredAt", now)
			.set("sequence", sequence)
			.set("sector", judge.sector());
		boolean answered = this.mongo.updateFirst(open, update, ExpoVisit.class).getModifiedCount() == 1;
		ExpoVisit stored = this.mongo.findById(walk.open.id(), ExpoVisit.class);
		if (answered && stored != null) {
			this.roundVisits.written(stored);
		}
		if (stored == null) {
			throw DomainException.conflict("Your visit could not be read back; ask for your next table again.");
		}
		if (!answered && !clientId.equals(stored.clientId())) {
			throw DomainException.conflict(
					"This table was answered by another request first; ask for your next " + "table (nextExpoVisit).");
		}
		return answered ? new Answered(stored, true, round.kind()) : new Answered(
				replay(stored, judge, status, proposalId, previousId, winner, reason), false, round.kind());
	}

	private static void checkComparison(@Nullable String previous, @Nullable String previousId,
			@Nullable ExpoWinner winner) {
		if (previous == null && previousId != null) {
			throw DomainException.badInput("previousProposalId", Refusal.FIRST_TABLE);
		}
		if (previous != null && !previous.equals(previousId)) {
			throw DomainException.badInput("previousProposalId", Refusal.NOT_PREVIOUS_TABLE, "previous", previous);
		}
		if (previousId != null && winner == null) {
			throw DomainException.badInput("winner", Refusal.WINNER_REQUIRED);
		}
		if (previousId == null && winner != null) {
			throw DomainException.badInput("winner", Refusal.NO_WINNER_FIRST);
		}
	}

	private static ExpoVisit replay(ExpoVisit stored, Judge judge, ExpoVisitStatus status, String proposalId,
			@Nullable String previousId, @Nullable ExpoWinner winner, @Nullable ExpoSkipReason reason) {
		if (!stored.judgeId().equals(judge.id())) {
			throw DomainException.badInput("clientId", Refusal.CLIENT_ID_USED);
		}
		if (!stored.sameAnswer(status, proposalId, previousId, winner, reason)) {
			throw DomainException.badInput("clientId", Refusal.CLIENT_ID_OTHER_ANSWER, "stored", describe(stored));
		}
		return stored;
	}

	private static String describe(ExpoVisit visit) {
		return switch (visit.status()) {
			case SKIPPED -> "skipped " + visit.proposalId() + ", " + visit.skipReason();
			case COMPARED ->
				visit.proposalId() + " against " + visit.previousProposalId() + ", winner " + visit.winner();
			default -> "first visit at " + visit.proposalId();
		};
	}

	private void skipForConflict(ExpoVisit visit) {
		Query open = new Query(Criteria.where("_id").is(visit.id()).and("status").is(ExpoVisitStatus.OPEN));
		this.mongo.updateFirst(open,
				new Update().set("status", ExpoVisitStatus.SKIPPED)
					.set("skipReason", ExpoSkipReason.CONFLICT)
					.set("answeredAt", this.clock.instant()),
				ExpoVisit.class);
		ExpoVisit stored = this.mongo.findById(visit.id(), ExpoVisit.class);
		if (stored != null) {
			this.roundVisits.written(stored);
		}
	}

	// ---- shared with the ranking

	static void requirePairwise(JudgingRound round) {
		if (round.config().method() != RoundMethod.PAIRWISE) {
			throw DomainException.badInput("roundId", Refusal.NOT_PAIRWISE, "method", round.config().method());
		}
	}

	private static void requireOpen(JudgingRound round) {
		if (round.status() != RoundStatus.OPEN) {
			throw DomainException.badInput("roundId", Refusal.VISITS_ONLY_OPEN, "status", round.status());
		}
	}

	/** Every visit of the round, read from the store. */
	List<ExpoVisit> visitsOf(String roundId) {
		return this.roundVisits.stored(roundId);
	}

	/** The method's input from the stored answers: COMPARED visits only. */
	static PairwiseInput input(JudgingRound round, List<String> candidates, List<ExpoVisit> visits, int cut) {
		List<Comparison> comparisons = new ArrayList<>();
		for (ExpoVisit visit : visits) {
			if (visit.status() == ExpoVisitStatus.COMPARED) {
				String previous = visit.previousProposalId();
				boolean current = visit.winner() == ExpoWinner.CURRENT;
				comparisons
					.add(new Comparison(visit.clientId(), visit.judgeId(), current ? visit.proposalId() : previous,
							current ? previous : visit.proposalId(), visit.sequence()));
			}
		}
		int replicates = Math.max(1,
				Math.min(PairwiseInput.MAX_BOOTSTRAP_REPLICATES, round.config().bootstrapReplicates()));
		return new PairwiseInput(candidates, comparisons, PairwisePriors.gavel(), Math.max(1, cut),
				PairwiseInput.DEFAULT_MINIMUM_COMPARISONS, replicates, round.config().seed());
	}

	/**
	 * The sector of every COMPARED visit's comparison, by client id: the judge's sector
	 * recorded with the answer, or, for an answer stored before sectors were recorded,
	 * the judge's sector now ({@code judges} by judge record id; PUBLIC for a judge no
	 * longer found).
	 */
	static Map<String, Sector> sectorsByClientId(List<ExpoVisit> visits, Map<String, Judge> judges) {
		Map<String, Sector> sectors = new HashMap<>();
		for (ExpoVisit visit : visits) {
			if (visit.status() == ExpoVisitStatus.COMPARED && visit.clientId() != null) {
				Judge judge = judges.get(visit.judgeId());
				Sector sector = (visit.sector() != null) ? visit.sector()
						: (judge != null) ? judge.sector() : Sector.PUBLIC;
				sectors.put(visit.clientId(), sector);
			}
		}
		return sectors;
	}

	private static Map<String, Location> locations(JudgingRound round) {
		Map<String, Location> locations = new HashMap<>();
		for (ExpoTable table : round.config().expoTables()) {
			if (table.x() != null && table.y() != null) {
				locations.put(table.proposalId(), new Location(table.x(), table.y()));
			}
			else if (table.tableNumber() != null) {
				locations.put(table.proposalId(), Location.table(table.tableNumber()));
			}
		}
		return locations;
	}

	/** One judge's visits in a round. */
	private record Walk(@Nullable ExpoVisit open, @Nullable String current, @Nullable ExpoVisit last, Set<String> seen,
			int count) {

		static Walk of(List<ExpoVisit> visits, String judgeId) {
			List<ExpoVisit> mine = visits.stream()
				.filter((v) -> v.judgeId().equals(judgeId))
				.sorted(Comparator.comparingInt(ExpoVisit::number))
				.toList();
			ExpoVisit open = null;
			String current = null;
			ExpoVisit last = null;
			Set<String> seen = new HashSet<>();
			for (ExpoVisit visit : mine) {
				if (visit.isOpen()) {
					open = visit;
					continue;
				}
				seen.add(visit.proposalId());
				if (visit.wasSeen()) {
					current = visit.proposalId();
					last = visit;
				}
			}
			return new Walk(open, current, last, seen, mine.size());
		}

		/**
		 * The answer to nextExpoVisit, with the table to compare with, the visits
		 * answered and the tables left (neither answered nor conflicted; the one sent to
		 * included).
		 */
		NextVisit next(@Nullable ExpoVisit visit, boolean done, List<String> candidates, Judge judge) {
			int answered = this.count - ((this.open != null) ? 1 : 0);
			int remaining = (int) candidates.stream()
				.filter((c) -> !this.seen.contains(c) && !judge.isConflictedWith(c))
				.count();
			return new NextVisit(visit, done, this.last, answered, remaining);
		}

	}

}
