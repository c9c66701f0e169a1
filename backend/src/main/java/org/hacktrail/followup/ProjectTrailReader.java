package org.hacktrail.followup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hacktrail.platform.batch.IdBucketItemReader;
import org.hacktrail.platform.batch.IdBucketScan;
import org.hacktrail.proposal.ProjectFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reads projects with the summary of their milestones, one project per item, in project
 * id order.
 *
 * <p>
 * ALL: every project ({@link ProjectFacts}), with its pitches, which the roll-up reads
 * from the follow-up documents. STALE: the projects whose follow-up documents are marked
 * stale (by an import). Projects and milestones are both read bucket by bucket
 * ({@link IdBucketScan}) and merged: a milestone's id is its project's id followed by
 * {@code ~}, so both come in the same order, and the buckets of milestones holding no
 * project read are never queried. Memory: one bucket of each, and {@link #BATCH}
 * projects' summaries (at most {@link #FACTS_BUDGET} milestones' facts), whose pitches
 * are looked up together ({@link FollowUpStates#pitches}). Restartable: the last project
 * handed on is kept in the step's execution context, and a restart continues after it.
 */
class ProjectTrailReader extends ItemStreamSupport implements ItemStreamReader<ProjectTrail> {

	enum Mode {

		ALL, STALE

	}

	/**
	 * Projects whose pitches are read with one query (a scan of proposals on the embedded
	 * store).
	 */
	static final int BATCH = 500;

	/**
	 * The most milestone facts the projects read ahead may hold: a batch ends at
	 * {@link #BATCH} projects or at this many facts, whichever comes first (at a million
	 * milestones over 5,000 projects, 500 projects' trails were 100,000 facts, about 30
	 * MB of the heap).
	 */
	static final int FACTS_BUDGET = 20_000;

	private static final String LAST = "last";

	private static final Document MILESTONE_FACTS = new Document("type", 1).append("date", 1)
		.append("verification", 1)
		.append("amount", 1)
		.append("currency", 1);

	private final MongoTemplate mongo;

	private final FollowUpStates states;

	private final ProjectFacts projectFacts;

	private final Mode mode;

	private final int limit;

	private final int factsBudget;

	/** The most milestone facts one batch held. */
	private int largestBatchFacts;

	/** Every project (ALL). */
	private @Nullable Iterator<ProjectFacts.Listing> projects;

	/** The follow-up documents, to find the stale ones (STALE). */
	private @Nullable IdBucketScan followUps;

	private @Nullable IdBucketScan milestones;

	private final ArrayDeque<ProjectTrail> batch = new ArrayDeque<>();

	private @Nullable String last;

	ProjectTrailReader(MongoTemplate mongo, FollowUpStates states, ProjectFacts projects, Mode mode) {
		this(mongo, states, projects, mode, IdBucketItemReader.LIMIT, FACTS_BUDGET);
	}

	ProjectTrailReader(MongoTemplate mongo, FollowUpStates states, ProjectFacts projects, Mode mode, int limit) {
		this(mongo, states, projects, mode, limit, FACTS_BUDGET);
	}

	/**
	 * @param limit the most documents one query of projects or milestones returns
	 * @param factsBudget the most milestone facts a batch of projects read ahead holds (a
	 * project's own are never split)
	 */
	ProjectTrailReader(MongoTemplate mongo, FollowUpStates states, ProjectFacts projects, Mode mode, int limit,
			int factsBudget) {
		this.mongo = mongo;
		this.states = states;
		this.projectFacts = projects;
		this.mode = mode;
		this.limit = limit;
		this.factsBudget = factsBudget;
		setName("projectTrail");
	}

	@Override
	public void open(ExecutionContext context) {
		String key = getExecutionContextKey(LAST);
		this.last = context.containsKey(key) ? context.getString(key) : null;
		if (this.mode == Mode.ALL) {
			this.projects = this.projectFacts.inIdOrder(this.last, this.limit);
		}
		else {
			this.followUps = new IdBucketScan(this.mongo.getCollection(FollowUpStates.FOLLOWUPS),
					new Document("stale", 1), this.limit, this.last);
		}
		this.milestones = new IdBucketScan(this.mongo.getCollection(FollowUpStates.MILESTONES), MILESTONE_FACTS,
				this.limit, null);
		this.batch.clear();
	}

	@Override
	public @Nullable ProjectTrail read() {
		if (this.batch.isEmpty()) {
			fill();
		}
		ProjectTrail next = this.batch.pollFirst();
		if (next != null) {
			this.last = next.projectId();
		}
		return next;
	}

	/** The next project to read, in id order; null at the end. */
	private @Nullable String nextProject() {
		if (this.projects != null) {
			return this.projects.hasNext() ? this.projects.next().id() : null;
		}
		if (this.followUps == null) {
			throw new IllegalStateException("The project trail reader is not open");
		}
		for (Document followUp = this.followUps.next(); followUp != null; followUp = this.followUps.next()) {
			if (Boolean.TRUE.equals(followUp.getBoolean("stale"))) {
				return followUp.get("_id").toString();
			}
		}
		return null;
	}

	private void fill() {
		if (this.milestones == null) {
			throw new IllegalStateException("The project trail reader is not open");
		}
		List<ProjectTrail> read = new ArrayList<>();
		int facts = 0;
		for (String projectId = nextProject(); projectId != null; projectId = nextProject()) {
			String key = projectId + MilestoneKey.SEPARATOR;
			this.milestones.skipTo(key);
			TrailSummary summary = new TrailSummary();
			for (Document milestone = this.milestones.peek(); milestone != null
					&& milestone.getString("_id").startsWith(key); milestone = this.milestones.peek()) {
				summary.add(FollowUpStates.facts(milestone));
				facts++;
				this.milestones.next();
			}
			read.add(new ProjectTrail(projectId, summary, null, null));
			if (read.size() == BATCH || facts >= this.factsBudget) {
				break;
			}
		}
		this.largestBatchFacts = Math.max(this.largestBatchFacts, facts);
		Map<String, FollowUpStates.Pitches> pitches = this.states
			.pitches(read.stream().map(ProjectTrail::projectId).toList());
		for (ProjectTrail trail : read) {
			FollowUpStates.Pitches of = pitches.get(trail.projectId());
			this.batch.addLast(new ProjectTrail(trail.projectId(), trail.summary(), of.lastPitched(),
					(this.mode == Mode.ALL) ? of.pitches() : null));
		}
	}

	@Override
	public void update(ExecutionContext context) {
		// Called once the chunk is written: every project handed on so far is done.
		if (this.last != null) {
			context.putString(getExecutionContextKey(LAST), this.last);
		}
	}

	/**
	 * Queries of milestones sent so far, and the most documents one query of milestones
	 * or follow-up documents returned (the projects' own bound is {@link ProjectFacts}'),
	 * and the most milestone facts one batch of projects read ahead held.
	 */
	record Queries(int milestones, int largestResult, int largestBatchFacts) {
	}

	Queries queries() {
		if (this.milestones == null) {
			throw new IllegalStateException("The project trail reader is not open");
		}
		int followUps = (this.followUps != null) ? this.followUps.largestResult() : 0;
		return new Queries(this.milestones.queries(), Math.max(followUps, this.milestones.largestResult()),
				this.largestBatchFacts);
	}

	@Override
	public void close() {
		this.projects = null;
		this.followUps = null;
		this.milestones = null;
		this.batch.clear();
	}

}
