package org.hacktrail.judging.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.expo.ExpoVisit;
import org.hacktrail.judging.expo.ExpoVisitStatus;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.ExpoTables;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.UnsubmittedSheets;
import org.hacktrail.judging.schedule.RoundSchedule;
import org.hacktrail.judging.schedule.RoundSchedules;
import org.hacktrail.notification.NotificationService;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Reminding judges of the work they have left in an OPEN round.
 *
 * <p>
 * <b>What is left.</b> In a RUBRIC round: the judge's assigned proposals in the current
 * plan whose sheet is not submitted (missing or draft; a sheet voided by a conflict is
 * nobody's work). In a PAIRWISE round: the tables the judge has not visited yet (neither
 * seen nor skipped) and has no conflict with — what the judge's walk counts as remaining.
 * Only ACTIVE judges have work.
 *
 * <p>
 * <b>Reminding</b> (organizers): one notification {@value #TYPE} per judge with work
 * left, saying how much, naming the first {@value #LISTED} proposals by title and the
 * round's deadline ({@code closesAt} of its timetable) with the hackathon's time zone,
 * for the panel to say in the reader's language. A judge with nothing left, reminded in
 * this round less than {@link #MIN_INTERVAL} ago, or not active gets nothing and is
 * listed as skipped with why. Each reminding that sends anything is audited
 * ({@code JUDGES_REMINDED}).
 */
@Service
public class JudgeReminders {

	/** The notification type judges get. */
	public static final String TYPE = "JUDGING_REMINDER";

	/** How many proposals a reminder names (the rest are counted). */
	static final int LISTED = 5;

	/** The shortest time between two reminders of the same judge in the same round. */
	static final Duration MIN_INTERVAL = Duration.ofHours(1);

	static final int MAX_JUDGE_IDS = 500;

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final RoundSchedules schedules;

	private final UnsubmittedSheets unsubmitted;

	private final JudgePanelService panel;

	private final JudgingAccess access;

	private final ProposalLookup proposals;

	private final NotificationService notifications;

	private final AuditLog audit;

	private final Clock clock;

	JudgeReminders(MongoTemplate mongo, RoundService rounds, RoundSchedules schedules, UnsubmittedSheets unsubmitted,
			JudgePanelService panel, JudgingAccess access, ProposalLookup proposals, NotificationService notifications,
			AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.schedules = schedules;
		this.unsubmitted = unsubmitted;
		this.panel = panel;
		this.access = access;
		this.proposals = proposals;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One judge's work left in a round.
	 *
	 * @param proposalIds the proposals left, in id order
	 * @param dueAt the round's deadline, or null when not said
	 * @param remindedAt when the judge was last reminded in this round, or null
	 */
	public record WorkLeft(Judge judge, List<String> proposalIds, @Nullable Instant dueAt,
			@Nullable Instant remindedAt) {

		public int remaining() {
			return this.proposalIds.size();
		}

	}

	/** A judge who got no reminder, and why. */
	public record Skipped(Judge judge, ReminderSkipReason reason, @Nullable Instant remindedAt) {
	}

	/** What a reminding did: who was reminded of what, and who was skipped. */
	public record Reminded(List<WorkLeft> reminded, List<Skipped> skipped) {
	}

	public record RemindJudgesInput(String roundId, @Nullable List<String> judgeIds) {
	}

	/**
	 * Every active judge with work left in the round, by name: what the organizers' panel
	 * shows before reminding. Organizers only.
	 */
	public List<WorkLeft> workLeft(String roundId) {
		this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		JudgingRound round = context.judging();
		if (round.version() == null || round.status() != RoundStatus.OPEN) {
			return List.of();
		}
		Map<String, List<String>> left = left(round);
		Instant dueAt = dueAt(round.id());
		Map<String, Instant> reminded = lastReminders(round.id());
		List<WorkLeft> all = new ArrayList<>();
		for (Judge judge : byName(this.panel.judgesOf(round.hackathonId()))) {
			List<String> proposalIds = left.getOrDefault(judge.userId(), List.of());
			if (judge.isActive() && !proposalIds.isEmpty()) {
				all.add(new WorkLeft(judge, proposalIds, dueAt, reminded.get(judge.userId())));
			}
		}
		return all;
	}

	/**
	 * Reminds the round's judges with work left (all, or those of {@code judgeIds}): one
	 * notification each. Organizers only; the round must be OPEN.
	 */
	public Reminded remind(RemindJudgesInput input) {
		String me = this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(input.roundId());
		RoundService.requireWritable(context.hackathon());
		JudgingRound round = context.judging();
		if (round.version() == null || round.status() != RoundStatus.OPEN) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is " + round.status() + "; judges are reminded only while it is OPEN.",
					Map.of("field", "roundId", "status", round.status().name()));
		}
		List<Judge> panelJudges = byName(this.panel.judgesOf(round.hackathonId()));
		List<Judge> chosen = chosen(panelJudges, input.judgeIds());
		Map<String, List<String>> left = left(round);
		Instant dueAt = dueAt(round.id());
		Map<String, Instant> last = lastReminders(round.id());
		Instant now = this.clock.instant();
		List<WorkLeft> reminded = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		Set<String> titleIds = new HashSet<>();
		for (Judge judge : chosen) {
			List<String> proposalIds = left.getOrDefault(judge.userId(), List.of());
			Instant remindedAt = last.get(judge.userId());
			if (!judge.isActive()) {
				skipped.add(new Skipped(judge, ReminderSkipReason.NOT_ACTIVE, remindedAt));
			}
			else if (proposalIds.isEmpty()) {
				skipped.add(new Skipped(judge, ReminderSkipReason.NOTHING_LEFT, remindedAt));
			}
			else if (remindedAt != null && remindedAt.isAfter(now.minus(MIN_INTERVAL))) {
				skipped.add(new Skipped(judge, ReminderSkipReason.RECENTLY_REMINDED, remindedAt));
			}
			else {
				Instant other = claim(round.id(), judge.userId(), remindedAt, now, me);
				if (other != null) {
					skipped.add(new Skipped(judge, ReminderSkipReason.RECENTLY_REMINDED, other));
					continue;
				}
				reminded.add(new WorkLeft(judge, proposalIds, dueAt, now));
				titleIds.addAll(proposalIds.subList(0, Math.min(LISTED, proposalIds.size())));
			}
		}
		Map<String, Proposal> titles = titleIds.isEmpty() ? Map.of() : this.proposals.byIds(titleIds);
		for (WorkLeft work : reminded) {
			Judge judge = work.judge();
			this.notifications.send(judge.userId(), TYPE, parameters(context, work, titles),
					(round.config().method() == RoundMethod.PAIRWISE) ? "/judge/rounds/" + round.id() + "/expo"
							: "/judge");
		}
		if (!reminded.isEmpty()) {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("round", round.id());
			details.put("reminded", Integer.toString(reminded.size()));
			details.put("judges", String.join(",", reminded.stream().map((w) -> w.judge().id()).toList()));
			details.put("skipped", Integer.toString(skipped.size()));
			this.audit.record(AuditEventType.JUDGES_REMINDED, me, "judgingRound", round.id(), details);
		}
		return new Reminded(reminded, skipped);
	}

	/**
	 * Records that the judge is reminded now, unless another request did since
	 * {@code previous} was read: one conditional write (an insert for a first reminder,
	 * else an update on the {@code lastAt} read), so two organizers reminding at once
	 * send one reminder.
	 * @return null when this request reminds the judge; otherwise when the other one did
	 */
	private @Nullable Instant claim(String roundId, String userId, @Nullable Instant previous, Instant now, String by) {
		String id = JudgeReminder.idOf(roundId, userId);
		if (previous == null) {
			try {
				this.mongo.insert(new JudgeReminder(id, roundId, userId, now, by, 1));
				return null;
			}
			catch (DuplicateKeyException ex) {
				return lastAt(id, now);
			}
		}
		boolean claimed = this.mongo
			.updateFirst(new Query(Criteria.where("_id").is(id).and("lastAt").is(previous)),
					new Update().set("lastAt", now).set("lastBy", by).inc("count", 1), JudgeReminder.class)
			.getModifiedCount() == 1;
		return claimed ? null : lastAt(id, now);
	}

	private Instant lastAt(String id, Instant fallback) {
		JudgeReminder stored = this.mongo.findById(id, JudgeReminder.class);
		return (stored != null) ? stored.lastAt() : fallback;
	}

	private static List<Judge> chosen(List<Judge> panelJudges, @Nullable List<String> judgeIds) {
		if (judgeIds == null) {
			return panelJudges.stream().filter(Judge::isActive).toList();
		}
		if (judgeIds.isEmpty() || judgeIds.size() > MAX_JUDGE_IDS) {
			throw DomainException.badInput("judgeIds", Refusal.COUNT_RANGE, "min", 1, "max", MAX_JUDGE_IDS, "count",
					judgeIds.size());
		}
		Map<String, Judge> byId = new HashMap<>();
		panelJudges.forEach((j) -> byId.put(j.id(), j));
		Set<String> unknown = new TreeSet<>();
		Set<String> wanted = new LinkedHashSet<>(judgeIds);
		for (String id : wanted) {
			if (!byId.containsKey(id)) {
				unknown.add(id);
			}
		}
		if (!unknown.isEmpty()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"Not judges of this round's hackathon: " + unknown + "; nobody was reminded.",
					Map.of("field", "judgeIds", "unknown", List.copyOf(unknown)));
		}
		return panelJudges.stream().filter((j) -> wanted.contains(j.id())).toList();
	}

	/** Judge user id → the proposals they have left, in id order. */
	private Map<String, List<String>> left(JudgingRound round) {
		Map<String, Judge> active = new HashMap<>();
		this.panel.judgesOf(round.hackathonId())
			.stream()
			.filter(Judge::isActive)
			.forEach((j) -> active.put(j.userId(), j));
		Map<String, TreeSet<String>> left = new TreeMap<>();
		if (round.config().method() == RoundMethod.PAIRWISE) {
			List<String> candidates = ExpoTables.candidates(round);
			Map<String, Set<String>> seen = new HashMap<>();
			for (ExpoVisit visit : this.mongo.find(new Query(Criteria.where("roundId").is(round.id())),
					ExpoVisit.class)) {
				if (visit.status() != ExpoVisitStatus.OPEN) {
					seen.computeIfAbsent(visit.judgeId(), (k) -> new HashSet<>()).add(visit.proposalId());
				}
			}
			for (Judge judge : active.values()) {
				Set<String> done = seen.getOrDefault(judge.id(), Set.of());
				TreeSet<String> tables = new TreeSet<>();
				for (String candidate : candidates) {
					if (!done.contains(candidate) && !judge.isConflictedWith(candidate)) {
						tables.add(candidate);
					}
				}
				left.put(judge.userId(), tables);
			}
		}
		else {
			for (UnsubmittedSheets.Unsubmitted pair : this.unsubmitted.of(round)) {
				Judge judge = active.get(pair.judgeUserId());
				if (judge != null && !"VOIDED".equals(pair.status()) && !judge.isConflictedWith(pair.proposalId())) {
					left.computeIfAbsent(pair.judgeUserId(), (k) -> new TreeSet<>()).add(pair.proposalId());
				}
			}
		}
		Map<String, List<String>> lists = new HashMap<>();
		left.forEach((user, proposalIds) -> lists.put(user, List.copyOf(proposalIds)));
		return lists;
	}

	private @Nullable Instant dueAt(String roundId) {
		return this.schedules.find(roundId).map(RoundSchedule::closesAt).orElse(null);
	}

	private Map<String, Instant> lastReminders(String roundId) {
		Map<String, Instant> last = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("roundId").is(roundId)), JudgeReminder.class)
			.forEach((r) -> last.put(r.judgeUserId(), r.lastAt()));
		return last;
	}

	private static List<Judge> byName(List<Judge> judges) {
		List<Judge> sorted = new ArrayList<>(judges);
		sorted.sort(Comparator.comparing(Judge::displayName).thenComparing(Judge::id));
		return sorted;
	}

	/**
	 * The notification's facts: the hackathon and round (each name in both languages
	 * where kept), how much is left, the first proposals' titles ({@code proposal1} …),
	 * how many more, and the deadline ({@code closesAt}, an instant) with the time zone
	 * to show it in.
	 */
	private static Map<String, String> parameters(RoundService.RoundContext context, WorkLeft work,
			Map<String, Proposal> titles) {
		Map<String, String> parameters = new LinkedHashMap<>();
		Hackathon hackathon = context.hackathon();
		names(parameters, "hackathonName", hackathon.name());
		names(parameters, "roundName", context.round().name());
		parameters.put("roundId", context.judging().id());
		parameters.put("method", context.judging().config().method().name());
		parameters.put("remaining", Integer.toString(work.remaining()));
		int listed = Math.min(LISTED, work.remaining());
		for (int i = 0; i < listed; i++) {
			Proposal proposal = titles.get(work.proposalIds().get(i));
			String title = (proposal != null) ? proposal.title().primary() : null;
			parameters.put("proposal" + (i + 1), (title != null) ? title : work.proposalIds().get(i));
		}
		if (work.remaining() > listed) {
			parameters.put("more", Integer.toString(work.remaining() - listed));
		}
		if (work.dueAt() != null) {
			parameters.put("closesAt", work.dueAt().toString());
		}
		parameters.put("timeZone", hackathon.timeZone());
		return parameters;
	}

	private static void names(Map<String, String> parameters, String name, LocalizedText text) {
		if (text.primary() != null) {
			parameters.put(name, text.primary());
		}
		if (text.zhTW() != null) {
			parameters.put(name + "ZhTW", text.zhTW());
		}
		if (text.en() != null) {
			parameters.put(name + "En", text.en());
		}
	}

}
