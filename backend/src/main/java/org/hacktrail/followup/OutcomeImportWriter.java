package org.hacktrail.followup;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of imported milestones: first marks their projects stale (so that a
 * crash after the write still leaves the change visible to the refresh), then upserts the
 * milestones by their natural key ({@link MilestoneStore}). Writing a chunk twice — a
 * restart after a crash between the write and the step's checkpoint — changes nothing the
 * second time. Keeps the created / updated / unchanged counts in the step's execution
 * context, so that they survive a restart.
 */
class OutcomeImportWriter implements ItemWriter<OutcomeMilestone>, ItemStream {

	static final String CREATED = "outcomeImport.created";

	static final String UPDATED = "outcomeImport.updated";

	static final String UNCHANGED = "outcomeImport.unchanged";

	private final MilestoneStore store;

	private final FollowUpStates states;

	private final @Nullable String requestedBy;

	private final Clock clock;

	/**
	 * Projects this execution marked stale, most recent first: each is marked once while
	 * it is kept here.
	 */
	static final int MARKED_KEPT = 20_000;

	private final Cache<String, Boolean> marked = Caffeine.newBuilder().maximumSize(MARKED_KEPT).build();

	private long created;

	private long updated;

	private long unchanged;

	OutcomeImportWriter(MilestoneStore store, FollowUpStates states, @Nullable String requestedBy, Clock clock) {
		this.store = store;
		this.states = states;
		this.requestedBy = requestedBy;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends OutcomeMilestone> chunk) {
		// A file may carry the same milestone twice; within a chunk the last row wins, as
		// it would across chunks.
		Map<String, OutcomeMilestone> byId = new LinkedHashMap<>();
		for (OutcomeMilestone milestone : chunk) {
			byId.remove(milestone.id());
			byId.put(milestone.id(), milestone);
		}
		List<String> unmarked = byId.values()
			.stream()
			.map(OutcomeMilestone::projectId)
			.filter((id) -> this.marked.getIfPresent(id) == null)
			.distinct()
			.toList();
		this.states.markStale(unmarked);
		// Marking again is harmless (an upsert setting the flag), so forgetting old marks
		// only costs a write.
		unmarked.forEach((id) -> this.marked.put(id, Boolean.TRUE));
		MilestoneStore.Upserted upserted = this.store.upsert(byId.values(), VerificationState.PENDING, this.requestedBy,
				this.clock.instant());
		// The step writes its checkpoint right after this method returns, in a later
		// request: the store answers these writes only once they are on the disk, so a
		// durable checkpoint always follows durable rows (OutcomeImportProcessKillTests).
		this.created += upserted.created();
		this.updated += upserted.updated();
		this.unchanged += upserted.unchanged() + (chunk.size() - byId.size());
	}

	@Override
	public void open(ExecutionContext context) {
		this.created = context.getLong(CREATED, 0L);
		this.updated = context.getLong(UPDATED, 0L);
		this.unchanged = context.getLong(UNCHANGED, 0L);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(CREATED, this.created);
		context.putLong(UPDATED, this.updated);
		context.putLong(UNCHANGED, this.unchanged);
	}

}
