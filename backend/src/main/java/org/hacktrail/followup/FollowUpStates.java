package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.proposal.ProposalFacts;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads a project's outcome trail and keeps its follow-up document (derived state,
 * compact outcomes, last sign of life) in step with it. No multi-document transaction is
 * needed: the follow-up document is derived data, always recomputed from the milestones,
 * so the worst a crash between the two writes can leave is a stale document, which the
 * next refresh (or the roll-up's full refresh) corrects.
 */
@Component
public class FollowUpStates {

	static final String MILESTONES = "outcome_milestones";

	static final String FOLLOWUPS = "project_followups";

	private final MongoTemplate mongo;

	private final ProposalFacts proposals;

	private final HackathonFacts hackathons;

	private final Clock clock;

	private final ZoneId zone;

	FollowUpStates(MongoTemplate mongo, ProposalFacts proposals, HackathonFacts hackathons, Clock clock,
			@Value("${hacktrail.jobs.zone:Asia/Taipei}") ZoneId zone) {
		this.mongo = mongo;
		this.proposals = proposals;
		this.hackathons = hackathons;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Today where the service's organizers are: dormancy is counted in calendar months
	 * from here.
	 */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	// ---- reading

	/** A project's milestones, newest first: one anchored prefix query on {@code _id}. */
	public List<OutcomeMilestone> trail(String projectId) {
		Query query = new Query(Criteria.where("_id").regex(MilestoneKey.prefixPattern(projectId)));
		List<OutcomeMilestone> milestones = new ArrayList<>(this.mongo.find(query, OutcomeMilestone.class, MILESTONES));
		milestones.sort(Comparator.comparing(OutcomeMilestone::date).reversed().thenComparing(OutcomeMilestone::id));
		return milestones;
	}

	/**
	 * Follow-up documents by project id, in one round trip ({@code $in} on {@code _id}).
	 */
	public Map<String, ProjectFollowUp> find(Collection<String> projectIds) {
		Map<String, ProjectFollowUp> byId = new HashMap<>();
		if (!projectIds.isEmpty()) {
			this.mongo
				.find(new Query(Criteria.where("_id").in(new HashSet<>(projectIds))), ProjectFollowUp.class, FOLLOWUPS)
				.forEach((followUp) -> byId.put(followUp.id(), followUp));
		}
		return byId;
	}

	public @Nullable ProjectFollowUp find(String projectId) {
		return this.mongo.findById(projectId, ProjectFollowUp.class, FOLLOWUPS);
	}

	/**
	 * The last day (in the event's time zone) of the latest hackathon at which each
	 * project was pitched, for the projects given. Proposals still in DRAFT do not count.
	 */
	Map<String, LocalDate> lastPitched(Collection<String> projectIds) {
		Map<String, LocalDate> last = new HashMap<>();
		pitches(projectIds).forEach((projectId, pitches) -> {
			if (pitches.lastPitched() != null) {
				last.put(projectId, pitches.lastPitched());
			}
		});
		return last;
	}

	/**
	 * What a project's pitches say: the last day of the latest hackathon it was pitched
	 * at (any proposal not in DRAFT), and its pitches for the roll-up (hackathons past
	 * DRAFT only).
	 */
	record Pitches(@Nullable LocalDate lastPitched, List<ProjectPitch> pitches) {
	}

	/**
	 * The pitches of the projects given: one query over proposals (which the embedded
	 * store answers by scanning proposals, so callers ask for many projects at once) and
	 * one over their hackathons ({@code $in} on {@code _id}). Memory: the proposals of
	 * these projects.
	 */
	Map<String, Pitches> pitches(Collection<String> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		List<ProposalFacts.Summary> proposals = this.proposals.ofProjects(projectIds)
			.stream()
			.filter((p) -> p.projectId() != null && p.status() != ProposalStatus.DRAFT)
			.toList();
		Map<String, HackathonFacts.Edition> hackathons = this.hackathons
			.byIds(proposals.stream().map(ProposalFacts.Summary::hackathonId).collect(Collectors.toSet()));
		Map<String, LocalDate> last = new HashMap<>();
		Map<String, List<ProjectPitch>> pitches = new HashMap<>();
		for (ProposalFacts.Summary proposal : proposals) {
			HackathonFacts.Edition hackathon = hackathons.get(proposal.hackathonId());
			if (hackathon == null) {
				continue;
			}
			String projectId = proposal.projectId();
			last.merge(projectId, hackathon.lastDay(), (a, b) -> a.isAfter(b) ? a : b);
			if (hackathon.phase() != HackathonPhase.DRAFT) {
				pitches.computeIfAbsent(projectId, (id) -> new ArrayList<>())
					.add(new ProjectPitch(proposal.id(), hackathon.firstDay().toString(),
							StatisticsRollupJobConfiguration.PUBLISHED.contains(hackathon.phase())));
			}
		}
		Map<String, Pitches> byProject = new HashMap<>();
		for (String projectId : projectIds) {
			List<ProjectPitch> list = pitches.getOrDefault(projectId, List.of());
			byProject.put(projectId,
					new Pitches(last.get(projectId), list.stream()
						.sorted(Comparator.comparing(ProjectPitch::start).thenComparing(ProjectPitch::proposalId))
						.toList()));
		}
		return byProject;
	}

	// ---- deriving

	/** The state a follow-up document's facts give today, for one view. */
	public ProjectStateRule.Derived derive(@Nullable ProjectFollowUp followUp, boolean verifiedOnly) {
		if (followUp == null) {
			return ProjectStateRule.derive(List.of(), verifiedOnly, null, null, today());
		}
		return ProjectStateRule.derive(followUp.outcomes(), verifiedOnly,
				date(verifiedOnly ? followUp.lastVerifiedActivityOn() : followUp.lastActivityOn()),
				date(followUp.lastPitchedOn()), today());
	}

	/** A project without a follow-up document yet: what its pitches alone say. */
	public ProjectFollowUp withoutTrail(String projectId, @Nullable LocalDate lastPitched) {
		ProjectStateRule.Derived derived = ProjectStateRule.derive(List.of(), false, null, lastPitched, today());
		return new ProjectFollowUp(projectId, List.of(), List.of(), null, null,
				(lastPitched != null) ? lastPitched.toString() : null, derived.state(), derived.state(),
				derived.dormant(), derived.dormant(), null, 0, null, null, null, null, null, null);
	}

	// ---- writing

	/**
	 * A project's follow-up facts recomputed from its milestones, ready to be written.
	 *
	 * @param pitches the project's pitches, when they were read (the full refresh); null:
	 * left as stored
	 */
	public record Refresh(String projectId, List<OutcomeEntry> outcomes, @Nullable String lastActivityOn,
			@Nullable String lastVerifiedActivityOn, @Nullable LocalDate lastPitched, int pending,
			ProjectStateRule.Derived all, ProjectStateRule.Derived verified, @Nullable List<ProjectPitch> pitches) {
	}

	/**
	 * What a written refresh changed.
	 *
	 * @param trailChanged the outcomes, the last sign of life or the pending count differ
	 * from before
	 * @param followers the project's followers
	 */
	public record Refreshed(String projectId, @Nullable ProjectState before, ProjectState after,
			@Nullable ProjectState publicBefore, ProjectState publicAfter, boolean trailChanged,
			List<String> followers) {

		boolean publicStateChanged() {
			return this.publicBefore != null && this.publicBefore != this.publicAfter;
		}

	}

	/**
	 * The summary of one project's milestones: one anchored prefix query on {@code _id}.
	 */
	TrailSummary summaryOf(String projectId) {
		TrailSummary summary = new TrailSummary();
		Query query = new Query(Criteria.where("_id").regex(MilestoneKey.prefixPattern(projectId)));
		query.fields().include("type", "date", "verification", "amount", "currency");
		for (Document milestone : this.mongo.find(query, Document.class, MILESTONES)) {
			summary.add(facts(milestone));
		}
		return summary;
	}

	/** Derives a project's states from its summary (today's date matters: dormancy). */
	Refresh compute(String projectId, TrailSummary summary, @Nullable LocalDate lastPitched,
			@Nullable List<ProjectPitch> pitches) {
		List<OutcomeEntry> outcomes = summary.outcomes();
		LocalDate today = today();
		return new Refresh(projectId, outcomes, summary.lastActivityOn(), summary.lastVerifiedActivityOn(), lastPitched,
				summary.pending(),
				ProjectStateRule.derive(outcomes, false, date(summary.lastActivityOn()), lastPitched, today),
				ProjectStateRule.derive(outcomes, true, date(summary.lastVerifiedActivityOn()), lastPitched, today),
				pitches);
	}

	/**
	 * Recomputes one project's follow-up document from its milestones (after a change
	 * through GraphQL).
	 */
	public Refreshed refresh(String projectId) {
		Refresh refresh = compute(projectId, summaryOf(projectId), lastPitched(List.of(projectId)).get(projectId),
				null);
		return write(List.of(refresh)).get(0);
	}

	/**
	 * The most outcome entries one bulk write of follow-up documents carries (a document
	 * counts one more). On the embedded store one write is one commit, and the size of a
	 * commit is what H2 must buffer in one piece (the million-row import's refresh failed
	 * allocating a 7 MB commit buffer at 200 documents of 200 outcomes each); it bounds
	 * the documents read back, converted and decoded for one write too. About 2,000
	 * entries is half a megabyte of BSON.
	 */
	static final int WRITE_BUDGET = 2_000;

	/**
	 * Writes refreshed follow-up documents, in bulk writes of at most
	 * {@link #WRITE_BUDGET} outcome entries each; returns what changed.
	 */
	List<Refreshed> write(List<Refresh> refreshes) {
		List<Refreshed> refreshed = new ArrayList<>(refreshes.size());
		int from = 0;
		while (from < refreshes.size()) {
			int to = from + 1;
			int entries = 1 + refreshes.get(from).outcomes().size();
			while (to < refreshes.size() && entries + 1 + refreshes.get(to).outcomes().size() <= WRITE_BUDGET) {
				entries += 1 + refreshes.get(to).outcomes().size();
				to++;
			}
			refreshed.addAll(writeBulk(refreshes.subList(from, to)));
			from = to;
		}
		return refreshed;
	}

	/** Writes refreshed follow-up documents in one bulk write; returns what changed. */
	private List<Refreshed> writeBulk(List<Refresh> refreshes) {
		Map<String, ProjectFollowUp> before = find(refreshes.stream().map(Refresh::projectId).toList());
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FOLLOWUPS);
		List<Refreshed> refreshed = new ArrayList<>(refreshes.size());
		Instant now = this.clock.instant();
		for (Refresh refresh : refreshes) {
			ProjectFollowUp old = before.get(refresh.projectId());
			Update update = new Update().set("outcomes", refresh.outcomes())
				.set("lastActivityOn", refresh.lastActivityOn())
				.set("lastVerifiedActivityOn", refresh.lastVerifiedActivityOn())
				.set("lastPitchedOn", (refresh.lastPitched() != null) ? refresh.lastPitched().toString() : null)
				.set("state", refresh.all().state())
				.set("publicState", refresh.verified().state())
				.set("dormant", refresh.all().dormant())
				.set("publicDormant", refresh.verified().dormant())
				.set("pendingCount", refresh.pending())
				.set("stale", false)
				.set("refreshedAt", now);
			if (refresh.pitches() != null) {
				update.set("pitches", refresh.pitches());
			}
			boolean stateChanged = old == null || old.state() != refresh.all().state()
					|| old.publicState() != refresh.verified().state();
			if (stateChanged) {
				update.set("stateChangedAt", now);
			}
			bulk.upsert(new Query(Criteria.where("_id").is(refresh.projectId())), update);
			boolean trailChanged = old == null || !old.outcomes().equals(refresh.outcomes())
					|| !java.util.Objects.equals(old.lastActivityOn(), refresh.lastActivityOn())
					|| !java.util.Objects.equals(old.pendingCount(), refresh.pending());
			refreshed.add(new Refreshed(refresh.projectId(), (old != null) ? old.state() : null, refresh.all().state(),
					(old != null) ? old.publicState() : null, refresh.verified().state(), trailChanged,
					(old != null) ? old.followers() : List.of()));
		}
		bulk.execute();
		return refreshed;
	}

	/** Whether a follow-up document's stored states are what its own facts give today. */
	boolean upToDate(ProjectFollowUp followUp) {
		ProjectStateRule.Derived all = derive(followUp, false);
		ProjectStateRule.Derived verified = derive(followUp, true);
		return all.state() == followUp.state() && verified.state() == followUp.publicState()
				&& Boolean.valueOf(all.dormant()).equals(followUp.dormant())
				&& Boolean.valueOf(verified.dormant()).equals(followUp.publicDormant());
	}

	/**
	 * Re-derives the states of follow-up documents from their own facts (no milestone
	 * read): what time alone changes (ACTIVE becomes DORMANT six months after the last
	 * sign of life).
	 */
	List<Refreshed> rederive(Collection<ProjectFollowUp> followUps) {
		BulkOperations bulk = null;
		List<Refreshed> changed = new ArrayList<>();
		Instant now = this.clock.instant();
		for (ProjectFollowUp followUp : followUps) {
			if (upToDate(followUp)) {
				continue;
			}
			ProjectStateRule.Derived all = derive(followUp, false);
			ProjectStateRule.Derived verified = derive(followUp, true);
			if (bulk == null) {
				bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FOLLOWUPS);
			}
			Update update = new Update().set("state", all.state())
				.set("publicState", verified.state())
				.set("dormant", all.dormant())
				.set("publicDormant", verified.dormant());
			if (all.state() != followUp.state() || verified.state() != followUp.publicState()) {
				update.set("stateChangedAt", now);
			}
			bulk.updateOne(new Query(Criteria.where("_id").is(followUp.id())), update);
			changed.add(new Refreshed(followUp.id(), followUp.state(), all.state(), followUp.publicState(),
					verified.state(), false, followUp.followers()));
		}
		if (bulk != null) {
			bulk.execute();
		}
		return changed;
	}

	/**
	 * Marks projects whose milestones are about to change, before the change is written:
	 * a refresh picks them up even if the process dies right after the change.
	 */
	void markStale(Collection<String> projectIds) {
		if (projectIds.isEmpty()) {
			return;
		}
		List<WriteModel<Document>> marks = new ArrayList<>(projectIds.size());
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		for (String projectId : new LinkedHashSet<>(projectIds)) {
			marks.add(new UpdateOneModel<>(new Document("_id", projectId),
					new Document("$set", new Document("stale", true)), upsert));
		}
		this.mongo.getCollection(FOLLOWUPS)
			.bulkWrite(marks, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
	}

	static TrailSummary.Facts facts(Document milestone) {
		return new TrailSummary.Facts(milestone.getString("_id"), MilestoneType.valueOf(milestone.getString("type")),
				milestone.getString("date"), VerificationState.valueOf(milestone.getString("verification")),
				milestone.getString("amount"), milestone.getString("currency"));
	}

	static @Nullable LocalDate date(@Nullable String iso) {
		return (iso != null) ? LocalDate.parse(iso) : null;
	}

}
