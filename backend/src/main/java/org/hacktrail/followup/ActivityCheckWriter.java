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
		this.store.upsert(milestones.values(), VerificationState.VERIFIED, null, now);
		List<String> projectIds = chunk.getItems().stream().map((o) -> o.target().projectId()).toList();
		Map<String, LocalDate> pitched = this.states.lastPitched(projectIds);
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FollowUpStates.FOLLOWUPS);
		for (ActivityCheckProcessor.Observation observation : chunk) {
			String projectId = observation.target().projectId();
			Update update = new Update().set("activityCheckedAt", now).set("activityError", observation.error());
			if (pitched.get(projectId) != null) {
				update.set("lastPitchedOn", pitched.get(projectId).toString());
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
		List<FollowUpStates.Refreshed> changed = this.states.rederive(this.states.find(projectIds).values());
		this.stateWriter.notify(changed, false);
	}

}
