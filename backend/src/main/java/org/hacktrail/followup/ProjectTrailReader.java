package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.hacktrail.proposal.Project;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reads projects with the summary of their milestones, one project per item, in the order of their milestone ids
 * (the project id followed by {@code ~}).
 *
 * <p>
 * ALL: every project. STALE: the projects marked stale (by an import). A few stale projects are read with one
 * prefix query each; otherwise, and for ALL, the milestones are read once, sorted by {@code _id} — which groups
 * them by project, because a milestone id starts with its project id — and merged with the sorted project ids, so
 * that memory holds one project's milestones at a time, however many there are. Restartable: the last project
 * written is kept in the step's execution context and a restart continues after it.
 */
class ProjectTrailReader implements ItemStreamReader<ProjectTrail> {

	enum Mode {

		ALL, STALE

	}

	private static final String LAST = "projectTrail.last";

	private final MongoTemplate mongo;

	private final FollowUpStates states;

	private final Mode mode;

	private List<String> keys = List.of();

	private Map<String, LocalDate> lastPitched = Map.of();

	private int index;

	private boolean perProject;

	private @Nullable MongoCursor<Document> cursor;

	private @Nullable Document peeked;

	private @Nullable String lastKey;

	ProjectTrailReader(MongoTemplate mongo, FollowUpStates states, Mode mode) {
		this.mongo = mongo;
		this.states = states;
		this.mode = mode;
	}

	@Override
	public void open(ExecutionContext context) {
		List<String> ids;
		if (this.mode == Mode.ALL) {
			ids = new ArrayList<>();
			org.springframework.data.mongodb.core.query.Query query = new org.springframework.data.mongodb.core.query.Query();
			query.fields().include("_id");
			for (Document project : this.mongo.find(query, Document.class, this.mongo.getCollectionName(Project.class))) {
				ids.add(project.get("_id").toString());
			}
		}
		else {
			ids = this.states.staleProjects();
		}
		// Keys in milestone-id order: "<projectId>~" sorts where the project's milestones sort.
		this.keys = ids.stream().map((id) -> id + MilestoneKey.SEPARATOR).sorted(Comparator.naturalOrder()).toList();
		this.lastKey = context.containsKey(LAST) ? context.getString(LAST) : null;
		this.index = 0;
		while (this.lastKey != null && this.index < this.keys.size()
				&& this.keys.get(this.index).compareTo(this.lastKey) <= 0) {
			this.index++;
		}
		this.perProject = this.mode == Mode.STALE && this.keys.size() - this.index <= FollowUpStates.PER_PROJECT_LIMIT;
		this.lastPitched = this.states.lastPitched((this.mode == Mode.ALL) ? null : ids);
		if (!this.perProject && this.index < this.keys.size()) {
			Document filter = (this.lastKey != null)
					? new Document("_id", new Document("$gt", this.lastKey + '\uffff')) : new Document();
			this.cursor = this.mongo.getCollection(FollowUpStates.MILESTONES)
				.find(filter)
				.projection(new Document("type", 1).append("date", 1)
					.append("verification", 1)
					.append("amount", 1)
					.append("currency", 1))
				.sort(new Document("_id", 1))
				.batchSize(2000)
				.cursor();
		}
	}

	@Override
	public @Nullable ProjectTrail read() {
		if (this.index >= this.keys.size()) {
			return null;
		}
		String key = this.keys.get(this.index++);
		String projectId = key.substring(0, key.length() - 1);
		TrailSummary summary;
		if (this.perProject) {
			summary = this.states.summaryOf(projectId);
		}
		else {
			summary = new TrailSummary();
			while (true) {
				Document next = peek();
				if (next == null) {
					break;
				}
				String id = next.getString("_id");
				if (id.startsWith(key)) {
					summary.add(FollowUpStates.facts(next));
					this.peeked = null;
				}
				else if (id.compareTo(key) < 0) {
					// A milestone of a project not read (deleted, or not stale): skip it.
					this.peeked = null;
				}
				else {
					break;
				}
			}
		}
		this.lastKey = key;
		return new ProjectTrail(projectId, summary, this.lastPitched.get(projectId));
	}

	private @Nullable Document peek() {
		if (this.peeked == null && this.cursor != null && this.cursor.hasNext()) {
			this.peeked = this.cursor.next();
		}
		return this.peeked;
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.lastKey != null) {
			context.putString(LAST, this.lastKey);
		}
	}

	@Override
	public void close() {
		if (this.cursor != null) {
			this.cursor.close();
			this.cursor = null;
		}
	}

	/** How many projects this run reads (for progress). */
	int size() {
		return this.keys.size();
	}

}
