package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Records the activity check's observations: an ACTIVITY milestone per last push
 * (upserted by its natural key: project and month; VERIFIED, as it is observed, not
 * claimed), the check's findings and the later last-activity dates on the follow-up
 * documents, the repositories' g0v.json files ({@link G0vJsonUpdates}: problems and
 * proposed metadata updates), then the states re-derived from those documents (followers
 * told of changes).
 */
class ActivityCheckWriter implements ItemWriter<ActivityCheckProcessor.Observation> {

	private final MongoTemplate mongo;

	private final MilestoneStore store;

	private final FollowUpStates states;

	private final ProjectStateWriter stateWriter;

	private final Clock clock;

	private final G0vJsonUpdates g0vJson;

	ActivityCheckWriter(MongoTemplate mongo, MilestoneStore store, FollowUpStates states,
			ProjectStateWriter stateWriter, Clock clock, G0vJsonUpdates g0vJson) {
		this.g0vJson = g0vJson;
		this.mongo = mongo;
		this.store = store;
		this.states = states;
		this.stateWriter = stateWriter;
		this.clock = clock;
	}

	/**
	 * When the check first saw the project's repository archived (absent while it is
	 * not).
	 */
	static final String ARCHIVED_ON = "repositoryArchivedOn";

	static final String ARCHIVED_NOTE = "The repository was archived (seen by the activity check).";

	/** Projects whose repository is archived now and was not at the last check. */
	private List<String> newlyArchived(List<? extends ActivityCheckProcessor.Observation> observations) {
		List<String> archived = observations.stream()
			.filter(ActivityCheckProcessor.Observation::archived)
			.map((o) -> o.target().projectId())
			.toList();
		if (archived.isEmpty()) {
			return List.of();
		}
		Query seen = new Query(Criteria.where("_id").in(archived).and(ARCHIVED_ON).exists(true));
		seen.fields().include("_id");
		java.util.Set<String> before = new java.util.HashSet<>();
		this.mongo.find(seen, org.bson.Document.class, FollowUpStates.FOLLOWUPS)
			.forEach((d) -> before.add(d.getString("_id")));
		return archived.stream().filter((id) -> !before.contains(id)).toList();
	}

	@Override
	public void write(Chunk<? extends ActivityCheckProcessor.Observation> chunk) {
		Instant now = this.clock.instant();
		Map<String, OutcomeMilestone> milestones = new HashMap<>();
		for (ActivityCheckProcessor.Observation observation : chunk) {
			if (observation.lastPushedOn() != null) {
				MilestoneDraft draft = new MilestoneDraft(MilestoneType.ACTIVITY, observation.lastPushedOn(), null,
						null, null, null, null, observation.target().repositoryUrl(),
						"Last push seen by the activity check.");
				OutcomeMilestone milestone = OutcomeMilestone.create(observation.target().projectId(), draft,
						MilestoneSource.IMPORTED, VerificationState.VERIFIED,
						new MilestoneEvent(now, null, MilestoneEvent.Action.OBSERVED, VerificationState.VERIFIED, null),
						null);
				milestones.put(milestone.id(), milestone);
			}
		}
		List<String> projectIds = chunk.getItems().stream().map((o) -> o.target().projectId()).toList();
		List<String> newlyArchived = newlyArchived(chunk.getItems());
		LocalDate today = this.states.today();
		for (ActivityCheckProcessor.Observation observation : chunk) {
			if (newlyArchived.contains(observation.target().projectId())) {
				// An archived repository is a sign the team stopped, dated the day it was
				// first seen: the state rule lets any later milestone or push say
				// otherwise.
				MilestoneDraft draft = new MilestoneDraft(MilestoneType.DISCONTINUED, today, null, null, null, null,
						null, observation.target().repositoryUrl(), ARCHIVED_NOTE);
				OutcomeMilestone milestone = OutcomeMilestone.create(observation.target().projectId(), draft,
						MilestoneSource.IMPORTED, VerificationState.VERIFIED,
						new MilestoneEvent(now, null, MilestoneEvent.Action.OBSERVED, VerificationState.VERIFIED, null),
						null);
				milestones.put(milestone.id(), milestone);
			}
		}
		this.store.upsert(milestones.values(), VerificationState.VERIFIED, null, now);
		Map<String, LocalDate> pitched = this.states.lastPitched(projectIds);
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FollowUpStates.FOLLOWUPS);
		for (ActivityCheckProcessor.Observation observation : chunk) {
			String projectId = observation.target().projectId();
			Update update = new Update().set("activityCheckedAt", now).set("activityError", observation.error());
			if (pitched.get(projectId) != null) {
				update.set("lastPitchedOn", pitched.get(projectId).toString());
			}
			if (observation.archived()) {
				// Set after the milestone above is written: a crash in between writes it
				// again next run.
				if (newlyArchived.contains(projectId)) {
					update.set(ARCHIVED_ON, today.toString());
				}
			}
			else if (observation.lastPushedOn() != null) {
				update.unset(ARCHIVED_ON);
			}
			if (observation.lastPushedOn() != null) {
				String pushed = observation.lastPushedOn().toString();
				// ISO dates order as text: $max keeps the later of the stored and the
				// observed date.
				update.set("lastPushedOn", pushed).max("lastActivityOn", pushed).max("lastVerifiedActivityOn", pushed);
			}
			bulk.upsert(new Query(Criteria.where("_id").is(projectId)), update);
		}
		bulk.execute();
		this.g0vJson.record(chunk.getItems(), now);
		// A new DISCONTINUED milestone is part of the trail: those projects' documents
		// are
		// rebuilt from their milestones (rare), the others re-derived.
		List<FollowUpStates.Refreshed> changed = new java.util.ArrayList<>();
		newlyArchived.forEach((id) -> changed.add(this.states.refresh(id)));
		changed.addAll(this.states.rederive(this.states.find(projectIds).values()));
		this.stateWriter.notify(changed, false);
	}

}
