package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.audit.AuditEvent;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The outcome trail through GraphQL: who sees which milestones, who records, verifies and
 * rejects them, and who follows a project.
 *
 * <ul>
 * <li>Everyone sees a visible project's VERIFIED milestones and its public state.
 * Organizers and the project's team leads see every milestone (PENDING and REJECTED with
 * the reason too); whoever reported a milestone sees it.</li>
 * <li>Team leads report milestones of their project: SELF_REPORTED, PENDING until an
 * organizer verifies them. Organizers record milestones of any project: ORGANIZER,
 * VERIFIED by the organizer who recorded them. Recording a milestone that exists (same
 * natural key) with the same content changes nothing; with other content it changes it (a
 * lead's change is PENDING again).</li>
 * <li>Only organizers verify or reject (with a reason); every decision is kept in the
 * milestone's history.</li>
 * <li>Anyone signed in may follow a project they can see; followers are notified when its
 * trail changes (not of their own changes).</li>
 * </ul>
 * Changes of one project are serialised within this instance (a lock per project), so
 * that a decision is never based on a milestone another request is changing; across
 * instances the milestone's version catches it (CONFLICT).
 */
@Service
public class OutcomeService {

	private static final Logger log = LoggerFactory.getLogger(OutcomeService.class);

	static final int MAX_REASON = 1000;

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final ProjectTeamLeads leads;

	private final FollowUpStates states;

	private final FollowUpNotifier notifier;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final AuditLog audit;

	private final ReentrantLock[] locks = new ReentrantLock[64];

	OutcomeService(MongoTemplate mongo, ProjectService projects, ProjectTeamLeads leads, FollowUpStates states,
			FollowUpNotifier notifier, CurrentUser currentUser, Clock clock, AuditLog audit) {
		this.mongo = mongo;
		this.projects = projects;
		this.leads = leads;
		this.states = states;
		this.notifier = notifier;
		this.currentUser = currentUser;
		this.clock = clock;
		this.audit = audit;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	public record RecordInput(String projectId, @Nullable MilestoneType type, @Nullable LocalDate date,
			@Nullable String agency, @Nullable AgencyLevel level, @Nullable String programme, @Nullable String amount,
			@Nullable String currency, @Nullable String evidenceUrl, @Nullable String note) {
	}

	/** A recorded milestone, and whether it is new or changed. */
	public record Recorded(OutcomeMilestone milestone, boolean created, boolean changed) {
	}

	// ---- reading

	/** The milestones of a project the caller may see, newest first. */
	public List<OutcomeMilestone> visibleTrail(Project project) {
		List<OutcomeMilestone> trail = this.states.trail(project.id());
		if (canSeeEverything(project.id())) {
			return trail;
		}
		String me = this.currentUser.id().orElse(null);
		return trail.stream()
			.filter((m) -> m.verification() == VerificationState.VERIFIED || (me != null && me.equals(m.reportedBy())))
			.toList();
	}

	/** Organizers and the project's team leads see the whole trail. */
	public boolean canSeeEverything(String projectId) {
		if (this.currentUser.hasRole(Role.ORGANIZER)) {
			return true;
		}
		String me = this.currentUser.id().orElse(null);
		return me != null && this.leads.leadsOf(projectId).contains(me);
	}

	/**
	 * Of these projects, the ones whose whole trail the caller sees (one lookup of leads
	 * for all).
	 */
	public Set<String> seeingEverything(Collection<String> projectIds) {
		if (this.currentUser.hasRole(Role.ORGANIZER)) {
			return new HashSet<>(projectIds);
		}
		String me = this.currentUser.id().orElse(null);
		Set<String> led = new HashSet<>();
		if (me != null) {
			this.leads.leadsOf(projectIds).forEach((projectId, ids) -> {
				if (ids.contains(me)) {
					led.add(projectId);
				}
			});
		}
		return led;
	}

	/** Milestones waiting for verification, oldest first (organizers). */
	@PreAuthorize("hasRole('ORGANIZER')")
	public List<OutcomeMilestone> pending(int first) {
		Query query = new Query(Criteria.where("verification").is(VerificationState.PENDING))
			.with(Sort.by("recordedAt", "_id"))
			.limit(first);
		return this.mongo.find(query, OutcomeMilestone.class, FollowUpStates.MILESTONES);
	}

	/**
	 * A project's follow-up requests, newest first, for organizers and its team leads
	 * (others: none).
	 */
	public List<FollowUpRequest> requests(String projectId) {
		if (!canSeeEverything(projectId)) {
			return List.of();
		}
		// Request ids start with the project id: an anchored prefix match on _id.
		Query query = new Query(Criteria.where("_id").regex(MilestoneKey.literalPrefix(projectId + ":")));
		List<FollowUpRequest> requests = new ArrayList<>(this.mongo.find(query, FollowUpRequest.class));
		requests.removeIf((r) -> !r.projectId().equals(projectId));
		requests.sort((a, b) -> b.openedAt().compareTo(a.openedAt()));
		return requests;
	}

	// ---- recording

	public Recorded record(RecordInput input) {
		String me = this.currentUser.requireId();
		Project project = this.projects.findVisible(input.projectId())
			.orElseThrow(() -> DomainException
				.notFound("There is no project with the id '" + input.projectId() + "' that you can see."));
		boolean organizer = this.currentUser.hasRole(Role.ORGANIZER);
		if (!organizer && !this.leads.leadsOf(project.id()).contains(me)) {
			throw DomainException.forbidden("Only the project's team leads and organizers record its milestones.");
		}
		MilestoneDraft draft = MilestoneRules.check(input.type(), input.date(), input.agency(), input.level(),
				input.programme(), input.amount(), input.currency(), input.evidenceUrl(), input.note(),
				this.states.today());
		Instant now = this.clock.instant();
		VerificationState verification = organizer ? VerificationState.VERIFIED : VerificationState.PENDING;
		Recorded recorded;
		ReentrantLock lock = lock(project.id());
		lock.lock();
		try {
			String id = MilestoneKey.id(project.id(), draft);
			OutcomeMilestone existing = this.mongo.findById(id, OutcomeMilestone.class, FollowUpStates.MILESTONES);
			if (existing == null) {
				MilestoneEvent event = new MilestoneEvent(now, me,
						organizer ? MilestoneEvent.Action.RECORDED : MilestoneEvent.Action.REPORTED, verification,
						null);
				OutcomeMilestone milestone = OutcomeMilestone.create(project.id(), draft,
						organizer ? MilestoneSource.ORGANIZER : MilestoneSource.SELF_REPORTED, verification, event, me);
				try {
					recorded = new Recorded(this.mongo.insert(milestone, FollowUpStates.MILESTONES), true, true);
				}
				catch (DuplicateKeyException ex) {
					throw new DomainException(ErrorCode.CONFLICT,
							"This milestone was recorded at the same moment by someone else; reload the trail.");
				}
			}
			else if (existing.contentHash().equals(draft.contentHash())) {
				recorded = new Recorded(existing, false, false);
			}
			else {
				MilestoneEvent event = new MilestoneEvent(now, me, MilestoneEvent.Action.CHANGED, verification, null);
				recorded = new Recorded(
						this.mongo.save(existing.withContent(draft, verification, event), FollowUpStates.MILESTONES),
						false, true);
			}
			if (recorded.changed()) {
				FollowUpStates.Refreshed refreshed = this.states.refresh(project.id());
				notifyFollowers(project,
						recorded.created() ? FollowUpNotifier.TrailChangeKind.MILESTONE_ADDED
								: FollowUpNotifier.TrailChangeKind.MILESTONE_CHANGED,
						recorded.milestone(), refreshed, me);
			}
		}
		finally {
			lock.unlock();
		}
		if (!organizer) {
			answerOpenRequests(project.id(), me,
					"Reported a " + draft.type() + " milestone dated " + draft.date() + ".");
		}
		return recorded;
	}

	@PreAuthorize("hasRole('ORGANIZER')")
	public OutcomeMilestone verify(String id, @Nullable Integer expectedVersion, @Nullable String note) {
		return decide(id, VerificationState.VERIFIED, optionalReason(note, "note"), expectedVersion);
	}

	@PreAuthorize("hasRole('ORGANIZER')")
	public OutcomeMilestone reject(String id, @Nullable String reason, @Nullable Integer expectedVersion) {
		String checked = optionalReason(reason, "reason");
		if (checked == null) {
			throw DomainException.badInput("reason", Refusal.REASON_REQUIRED);
		}
		return decide(id, VerificationState.REJECTED, checked, expectedVersion);
	}

	/** The most milestones one bulk verification takes by id. */
	public static final int MAX_BULK = 500;

	/**
	 * What one bulk verification did.
	 *
	 * @param decisionId the audit event recording the decision (who, when, how many)
	 * @param verified the milestones this decision verified, by project then id
	 * @param unchanged ids that were VERIFIED already, or stopped being PENDING while the
	 * decision ran (another organizer decided them first)
	 */
	public record BulkVerified(String decisionId, List<OutcomeMilestone> verified, List<String> unchanged) {
	}

	/**
	 * Verifies many milestones with one decision: the ones named (1 to
	 * {@link #MAX_BULK}), or every PENDING milestone of a project when exactly
	 * {@code expectedCount} are (the number the organizer saw). Everything is checked
	 * before anything is written: an unknown or repeated id, a REJECTED milestone (a
	 * rejection is undone one at a time, its reason read), or a count that changed
	 * refuses the whole decision. Each milestone gets its own VERIFIED history entry with
	 * the note; the decision is one audit event; each project's state is refreshed once.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public BulkVerified verifyMany(@Nullable List<String> ids, @Nullable String projectId,
			@Nullable Integer expectedCount, @Nullable String note) {
		String checkedNote = optionalReason(note, "note");
		if ((ids == null) == (projectId == null)) {
			throw DomainException.badInput("ids", Refusal.ONE_WAY_TO_CHOOSE);
		}
		List<OutcomeMilestone> chosen;
		if (ids != null) {
			if (ids.isEmpty() || ids.size() > MAX_BULK) {
				throw DomainException.badInput("ids", Refusal.COUNT_RANGE, "min", 1, "max", MAX_BULK, "count",
						ids.size());
			}
			Set<String> distinct = new java.util.LinkedHashSet<>();
			for (String id : ids) {
				if (!distinct.add(id)) {
					throw DomainException.badInput("ids", Refusal.DUPLICATE, "value", id);
				}
			}
			chosen = this.mongo.find(new Query(Criteria.where("_id").in(distinct)), OutcomeMilestone.class,
					FollowUpStates.MILESTONES);
			Set<String> found = new HashSet<>();
			chosen.forEach((milestone) -> found.add(milestone.id()));
			List<String> missing = distinct.stream().filter((id) -> !found.contains(id)).limit(5).toList();
			if (!missing.isEmpty()) {
				throw DomainException.notFound("There is no outcome milestone with the id " + String.join(", ", missing)
						+ "; nothing was verified.");
			}
			List<String> rejected = chosen.stream()
				.filter((milestone) -> milestone.verification() == VerificationState.REJECTED)
				.map(OutcomeMilestone::id)
				.sorted()
				.toList();
			if (!rejected.isEmpty()) {
				throw DomainException.badInput("ids", Refusal.REJECTED_IN_BULK, "count", rejected.size(), "ids",
						rejected.subList(0, Math.min(5, rejected.size())));
			}
		}
		else {
			if (this.projects.findAllById(List.of(projectId)).isEmpty()) {
				throw DomainException.notFound("There is no project with the id '" + projectId + "'.");
			}
			if (expectedCount == null) {
				throw DomainException.badInput("expectedCount", Refusal.EXPECTED_COUNT_REQUIRED);
			}
			chosen = this.mongo.find(new Query(
					Criteria.where("projectId").is(projectId).and("verification").is(VerificationState.PENDING)),
					OutcomeMilestone.class, FollowUpStates.MILESTONES);
			if (chosen.size() != expectedCount) {
				throw new DomainException(ErrorCode.CONFLICT,
						"The project has " + chosen.size() + " pending milestone(s) now, not " + expectedCount
								+ "; reload them and decide again. Nothing was verified.");
			}
		}
		Map<String, String> selection = new java.util.LinkedHashMap<>();
		selection.put("selection", (projectId != null) ? "every pending milestone of project " + projectId
				: ids.size() + " milestone(s) by id");
		return verifyChosen(chosen, checkedNote, selection, "project", null);
	}

	/**
	 * Verifies milestones already chosen and checked (none REJECTED), as one decision:
	 * each project's PENDING ones under the project's lock (what another organizer
	 * decided meanwhile stays as they decided it), one MILESTONES_VERIFIED audit event
	 * with the counts and {@code selection} (what was chosen, as data). The subject is
	 * the project when all are of one, else {@code subjectId} (may be null).
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public BulkVerified verifyChosen(List<OutcomeMilestone> chosen, @Nullable String checkedNote,
			Map<String, String> selection, String subjectType, @Nullable String subjectId) {
		String me = this.currentUser.requireId();
		java.util.TreeMap<String, List<String>> byProject = new java.util.TreeMap<>();
		chosen.forEach((milestone) -> byProject.computeIfAbsent(milestone.projectId(), (p) -> new ArrayList<>())
			.add(milestone.id()));
		List<OutcomeMilestone> verified = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		Instant now = this.clock.instant();
		for (Map.Entry<String, List<String>> project : byProject.entrySet()) {
			verifyProject(project.getKey(), project.getValue(), checkedNote, me, now, verified, unchanged);
		}
		Map<String, String> details = new java.util.LinkedHashMap<>();
		details.put("verified", Integer.toString(verified.size()));
		details.put("unchanged", Integer.toString(unchanged.size()));
		details.put("projects", Integer.toString(byProject.size()));
		details.putAll(selection);
		if (checkedNote != null) {
			details.put("note", checkedNote);
		}
		boolean oneProject = byProject.size() == 1 && subjectId == null;
		AuditEvent decision = this.audit.record(AuditEventType.MILESTONES_VERIFIED, me,
				oneProject ? "project" : subjectType, oneProject ? byProject.firstKey() : subjectId, details);
		return new BulkVerified(decision.id(), verified, unchanged);
	}

	/** The note of a decision, checked as every decision's note is. */
	static @Nullable String checkedNote(@Nullable String note) {
		return optionalReason(note, "note");
	}

	private void verifyProject(String projectId, List<String> ids, @Nullable String note, String me, Instant now,
			List<OutcomeMilestone> verified, List<String> unchanged) {
		ReentrantLock lock = lock(projectId);
		lock.lock();
		try {
			List<OutcomeMilestone> decided = new ArrayList<>();
			// Read again under the project's lock: what another organizer decided since
			// the checks stays as they decided it.
			for (OutcomeMilestone milestone : this.mongo.find(new Query(Criteria.where("_id").in(ids)),
					OutcomeMilestone.class, FollowUpStates.MILESTONES)) {
				if (milestone.verification() != VerificationState.PENDING) {
					unchanged.add(milestone.id());
					continue;
				}
				MilestoneEvent event = new MilestoneEvent(now, me, MilestoneEvent.Action.VERIFIED,
						VerificationState.VERIFIED, note);
				decided.add(this.mongo.save(milestone.withDecision(VerificationState.VERIFIED, note, event),
						FollowUpStates.MILESTONES));
			}
			decided.sort(java.util.Comparator.comparing(OutcomeMilestone::id));
			verified.addAll(decided);
			if (decided.isEmpty()) {
				return;
			}
			FollowUpStates.Refreshed refreshed = this.states.refresh(projectId);
			// One notice per verified milestone; the state change, if any, once.
			FollowUpStates.Refreshed quiet = new FollowUpStates.Refreshed(projectId, refreshed.after(),
					refreshed.after(), refreshed.publicAfter(), refreshed.publicAfter(), refreshed.trailChanged(),
					refreshed.followers());
			this.projects.findAllById(List.of(projectId)).forEach((project) -> {
				for (int i = 0; i < decided.size(); i++) {
					notifyFollowers(project, FollowUpNotifier.TrailChangeKind.MILESTONE_VERIFIED, decided.get(i),
							(i == decided.size() - 1) ? refreshed : quiet, me);
				}
			});
		}
		finally {
			lock.unlock();
		}
	}

	private OutcomeMilestone decide(String id, VerificationState to, @Nullable String reason,
			@Nullable Integer expectedVersion) {
		String me = this.currentUser.requireId();
		String projectId = MilestoneKey.projectOf(id);
		ReentrantLock lock = lock(projectId);
		lock.lock();
		try {
			OutcomeMilestone milestone = this.mongo.findById(id, OutcomeMilestone.class, FollowUpStates.MILESTONES);
			if (milestone == null) {
				throw DomainException.notFound("There is no outcome milestone with the id '" + id + "'.");
			}
			if (expectedVersion != null && milestone.version() != null
					&& milestone.version() != expectedVersion.longValue()) {
				throw new DomainException(ErrorCode.CONFLICT, "The milestone changed since you loaded it (version "
						+ milestone.version() + ", not " + expectedVersion + "); reload it and decide again.");
			}
			if (milestone.verification() == to && java.util.Objects.equals(milestone.verificationReason(), reason)) {
				return milestone;
			}
			MilestoneEvent event = new MilestoneEvent(this.clock.instant(), me, (to == VerificationState.VERIFIED)
					? MilestoneEvent.Action.VERIFIED : MilestoneEvent.Action.REJECTED, to, reason);
			OutcomeMilestone decided = this.mongo.save(milestone.withDecision(to, reason, event),
					FollowUpStates.MILESTONES);
			FollowUpStates.Refreshed refreshed = this.states.refresh(projectId);
			this.projects.findAllById(List.of(projectId))
				.forEach((project) -> notifyFollowers(project,
						(to == VerificationState.VERIFIED) ? FollowUpNotifier.TrailChangeKind.MILESTONE_VERIFIED
								: FollowUpNotifier.TrailChangeKind.MILESTONE_REJECTED,
						decided, refreshed, me));
			return decided;
		}
		finally {
			lock.unlock();
		}
	}

	// ---- following

	/** Follows a project the caller can see; following twice is harmless. */
	public ProjectFollowUp follow(String projectId) {
		String me = this.currentUser.requireId();
		requireVisible(projectId);
		this.mongo.upsert(new Query(Criteria.where("_id").is(projectId)), new Update().addToSet("followers", me),
				FollowUpStates.FOLLOWUPS);
		return this.states.find(projectId);
	}

	public @Nullable ProjectFollowUp unfollow(String projectId) {
		String me = this.currentUser.requireId();
		requireVisible(projectId);
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(projectId)), new Update().pull("followers", me),
				FollowUpStates.FOLLOWUPS);
		return this.states.find(projectId);
	}

	// ---- follow-up requests

	/** A team lead (or an organizer) answers a follow-up request, e.g. "nothing new". */
	public FollowUpRequest answer(String requestId, @Nullable String answer) {
		String me = this.currentUser.requireId();
		FollowUpRequest request = this.mongo.findById(requestId, FollowUpRequest.class);
		if (request == null || this.projects.findVisible(request.projectId()).isEmpty()) {
			throw DomainException.notFound("There is no follow-up request with the id '" + requestId + "'.");
		}
		if (!this.currentUser.hasRole(Role.ORGANIZER) && !this.leads.leadsOf(request.projectId()).contains(me)) {
			throw DomainException
				.forbidden("Only the project's team leads and organizers answer its follow-up requests.");
		}
		String text = optionalReason(answer, "answer");
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(requestId)),
				new Update().set("status", FollowUpRequest.Status.ANSWERED)
					.set("answeredAt", this.clock.instant())
					.set("answeredBy", me)
					.set("answer", (text != null) ? text : "Nothing new to report."),
				FollowUpRequest.class);
		return this.mongo.findById(requestId, FollowUpRequest.class);
	}

	private void answerOpenRequests(String projectId, String by, String answer) {
		for (FollowUpRequest request : requests(projectId)) {
			if (request.status() == FollowUpRequest.Status.OPEN) {
				this.mongo.updateFirst(new Query(Criteria.where("_id").is(request.id())),
						new Update().set("status", FollowUpRequest.Status.ANSWERED)
							.set("answeredAt", this.clock.instant())
							.set("answeredBy", by)
							.set("answer", answer),
						FollowUpRequest.class);
			}
		}
	}

	// ---- helpers

	private void notifyFollowers(Project project, FollowUpNotifier.TrailChangeKind kind, OutcomeMilestone milestone,
			FollowUpStates.Refreshed refreshed, @Nullable String actor) {
		if (refreshed.followers().isEmpty()) {
			return;
		}
		Set<String> recipients = new HashSet<>(refreshed.followers());
		if (actor != null) {
			recipients.remove(actor);
		}
		String name = (project.name().primary() != null) ? project.name().primary() : project.id();
		try {
			this.notifier.trailChanged(new FollowUpNotifier.TrailChange(project.id(), name, kind, milestone.id(),
					milestone.type(), refreshed.publicAfter(), null, actor), recipients);
			if (refreshed.publicStateChanged()) {
				this.notifier.trailChanged(new FollowUpNotifier.TrailChange(project.id(), name,
						FollowUpNotifier.TrailChangeKind.STATE_CHANGED, null, null, refreshed.publicAfter(),
						refreshed.publicBefore(), actor), recipients);
			}
		}
		catch (RuntimeException ex) {
			// The change is stored; a failed notification must not turn it into an error
			// for the caller.
			log.warn("Could not notify the followers of project {}", project.id(), ex);
		}
	}

	private Project requireVisible(String projectId) {
		return this.projects.findVisible(projectId)
			.orElseThrow(() -> DomainException
				.notFound("There is no project with the id '" + projectId + "' that you can see."));
	}

	private static @Nullable String optionalReason(@Nullable String text, String field) {
		String stripped = MilestoneRules.blankToNull(text);
		if (stripped != null && stripped.codePointCount(0, stripped.length()) > MAX_REASON) {
			throw DomainException.badInput(field, Refusal.TOO_LONG, "max", MAX_REASON);
		}
		return FreeText.check(stripped, field, FreeText.Kind.TEXT);
	}

	private ReentrantLock lock(String projectId) {
		return this.locks[Math.floorMod(projectId.hashCode(), this.locks.length)];
	}

}
