package org.hacktrail.followup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hacktrail.platform.batch.IdBucketItemReader;
import org.hacktrail.platform.batch.IdBucketScan;
import org.hacktrail.proposal.Project;
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
 * ALL: every project (with its pitches, which the roll-up reads from the follow-up
 * documents). STALE: the projects whose follow-up documents are marked stale (by an
 * import). Projects and milestones are both read bucket by bucket ({@link IdBucketScan})
 * and merged: a milestone's id is its project's id followed by {@code ~}, so both come in
 * the same order, and the buckets of milestones holding no project read are never
 * queried. Memory: one bucket of each, and {@link #BATCH} projects' summaries, whose
 * pitches are looked up together (one query over proposals per batch). Restartable: the
 * last project handed on is kept in the step's execution context, and a restart continues
 * after it.
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

	private static final String LAST = "last";

	private static final Document MILESTONE_FACTS = new Document("type", 1).append("date", 1)
		.append("verification", 1)
		.append("amount", 1)
		.append("currency", 1);

	private final MongoTemplate mongo;

	private final FollowUpStates states;

	private final Mode mode;

	private final int limit;

	private @Nullable IdBucketScan projects;

	private @Nullable IdBucketScan milestones;

	private final ArrayDeque<ProjectTrail> batch = new ArrayDeque<>();

	private @Nullable String last;

	ProjectTrailReader(MongoTemplate mongo, FollowUpStates states, Mode mode) {
		this(mongo, states, mode, IdBucketItemReader.LIMIT);
	}

	/**
	 * @param limit the most documents one query of projects or milestones returns
	 */
	ProjectTrailReader(MongoTemplate mongo, FollowUpStates states, Mode mode, int limit) {
		this.mongo = mongo;
		this.states = states;
		this.mode = mode;
		this.limit = limit;
		setName("projectTrail");
	}

	@Override
	public void open(ExecutionContext context) {
		String key = getExecutionContextKey(LAST);
		this.last = context.containsKey(key) ? context.getString(key) : null;
		String collection = (this.mode == Mode.ALL) ? this.mongo.getCollectionName(Project.class)
				: FollowUpStates.FOLLOWUPS;
		Document fields = (this.mode == Mode.ALL) ? new Document("_id", 1) : new Document("stale", 1);
		this.projects = new IdBucketScan(this.mongo.getCollection(collection), fields, this.limit, this.last);
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

	private void fill() {
		if (this.projects == null || this.milestones == null) {
			throw new IllegalStateException("The project trail reader is not open");
		}
		List<ProjectTrail> read = new ArrayList<>();
		for (Document project = this.projects.next(); project != null; project = this.projects.next()) {
			if (this.mode == Mode.STALE && !Boolean.TRUE.equals(project.getBoolean("stale"))) {
				continue;
			}
			String projectId = project.get("_id").toString();
			String key = projectId + MilestoneKey.SEPARATOR;
			this.milestones.skipTo(key);
			TrailSummary summary = new TrailSummary();
			for (Document milestone = this.milestones.peek(); milestone != null
					&& milestone.getString("_id").startsWith(key); milestone = this.milestones.peek()) {
				summary.add(FollowUpStates.facts(milestone));
				this.milestones.next();
			}
			read.add(new ProjectTrail(projectId, summary, null, null));
			if (read.size() == BATCH) {
				break;
			}
		}
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
	 * Queries sent so far, of projects and of milestones, and the most documents one of
	 * them returned.
	 */
	record Queries(int projects, int milestones, int largestResult) {
	}

	Queries queries() {
		if (this.projects == null || this.milestones == null) {
			throw new IllegalStateException("The project trail reader is not open");
		}
		return new Queries(this.projects.queries(), this.milestones.queries(),
				Math.max(this.projects.largestResult(), this.milestones.largestResult()));
	}

	@Override
	public void close() {
		this.projects = null;
		this.milestones = null;
		this.batch.clear();
	}

}
