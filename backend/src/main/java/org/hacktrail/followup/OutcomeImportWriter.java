package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
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
 * context, so that they survive a restart. Each milestone it creates or changes records
 * the import (job instance) and run that wrote it ({@link MilestoneImport}), so that an
 * organizer can later verify an import's pending rows as one decision.
 */
class OutcomeImportWriter implements ItemWriter<OutcomeMilestone>, ItemStream {

	static final String CREATED = "outcomeImport.created";

	static final String UPDATED = "outcomeImport.updated";

	static final String UNCHANGED = "outcomeImport.unchanged";

	static final String VERIFIED = "outcomeImport.verified";

	/**
	 * The counts above as this step execution found them when it opened: a restart
	 * carries the failed run's counts on, so what this run did is the difference.
	 */
	static final String AT_START = ".atStart";

	private final MilestoneStore store;

	private final FollowUpStates states;

	private final @Nullable String requestedBy;

	private final Clock clock;

	/** Null for an ordinary import; the verification reason for an authoritative one. */
	private final @Nullable String authoritative;

	/**
	 * Projects this execution marked stale, most recent first: each is marked once while
	 * it is kept here.
	 */
	static final int MARKED_KEPT = 20_000;

	private final Cache<String, Boolean> marked = Caffeine.newBuilder().maximumSize(MARKED_KEPT).build();

	private long created;

	private long updated;

	private long unchanged;

	private long verified;

	/** The import and run writing, recorded on each milestone it creates or changes. */
	private final @Nullable MilestoneImport origin;

	OutcomeImportWriter(MilestoneStore store, FollowUpStates states, @Nullable String requestedBy, Clock clock,
			@Nullable String authoritative, @Nullable MilestoneImport origin) {
		this.origin = origin;
		this.store = store;
		this.states = states;
		this.requestedBy = requestedBy;
		this.clock = clock;
		this.authoritative = authoritative;
	}

	@Override
	public void write(Chunk<? extends OutcomeMilestone> chunk) {
		// A file may carry the same milestone twice; within a chunk the last row wins, as
		// it would across chunks.
		Map<String, OutcomeMilestone> byId = new LinkedHashMap<>();
		for (OutcomeMilestone milestone : chunk) {
			byId.remove(milestone.id());
			byId.put(milestone.id(), milestone.withImport(this.origin));
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
		Instant now = this.clock.instant();
		MilestoneStore.Upserted upserted = this.store.upsert(byId.values(),
				(this.authoritative != null) ? VerificationState.VERIFIED : VerificationState.PENDING, this.requestedBy,
				now);
		if (this.authoritative != null) {
			// New and changed rows are verified as written; rows stored before (an
			// earlier, ordinary import of the same file) that still wait are verified
			// now.
			// REJECTED ones keep the organizer's decision.
			long pendingVerified = this.store.verifyPending(byId.keySet(), this.requestedBy, now, this.authoritative);
			this.verified += upserted.created() + upserted.updated() + pendingVerified;
		}
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
		this.verified = context.getLong(VERIFIED, 0L);
		context.putLong(CREATED + AT_START, this.created);
		context.putLong(UPDATED + AT_START, this.updated);
		context.putLong(UNCHANGED + AT_START, this.unchanged);
		context.putLong(VERIFIED + AT_START, this.verified);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(CREATED, this.created);
		context.putLong(UPDATED, this.updated);
		context.putLong(UNCHANGED, this.unchanged);
		context.putLong(VERIFIED, this.verified);
	}

}
