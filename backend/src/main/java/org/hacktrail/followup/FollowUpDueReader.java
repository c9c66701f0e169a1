package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.TreeSet;

import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.platform.batch.IdBucketScan;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The due follow-up checkpoints, hackathon by hackathon in id order: for each hackathon
 * past DRAFT whose current checkpoint exists ({@link FollowUpCheckpoints}), the projects
 * of its proposals (not DRAFT, not WITHDRAWN) in id order. Hackathons are read bucket by
 * bucket and one hackathon's projects at a time, so memory holds one hackathon's
 * projects, not every checkpoint due. Restartable: the hackathon and project of the last
 * checkpoint handed on are kept in the step's execution context.
 */
class FollowUpDueReader extends ItemStreamSupport implements ItemStreamReader<DueCheckpoint> {

	/** Hackathons per query (whole documents, which are few). */
	static final int HACKATHONS_PER_QUERY = 1_000;

	private static final String HACKATHON = "hackathon";

	private static final String PROJECT = "project";

	private final MongoTemplate mongo;

	private final LocalDate today;

	private @Nullable IdBucketScan hackathons;

	private final ArrayDeque<DueCheckpoint> due = new ArrayDeque<>();

	private @Nullable DueCheckpoint last;

	private @Nullable String resumeAfterProject;

	FollowUpDueReader(MongoTemplate mongo, LocalDate today) {
		this.mongo = mongo;
		this.today = today;
		setName("followUpDue");
	}

	@Override
	public void open(ExecutionContext context) {
		String hackathon = context.containsKey(getExecutionContextKey(HACKATHON))
				? context.getString(getExecutionContextKey(HACKATHON)) : null;
		this.resumeAfterProject = (hackathon != null) ? context.getString(getExecutionContextKey(PROJECT)) : null;
		this.hackathons = new IdBucketScan(this.mongo.getCollection(this.mongo.getCollectionName(Hackathon.class)),
				new Document(), HACKATHONS_PER_QUERY, null);
		if (hackathon != null) {
			// The last hackathon handed on is read again, from the project after the last
			// one.
			this.hackathons.skipTo(hackathon);
		}
		this.due.clear();
	}

	@Override
	public @Nullable DueCheckpoint read() {
		if (this.hackathons == null) {
			throw new IllegalStateException("The follow-up due reader is not open");
		}
		while (this.due.isEmpty()) {
			Document document = this.hackathons.next();
			if (document == null) {
				return null;
			}
			fill(this.mongo.getConverter().read(Hackathon.class, document));
			this.resumeAfterProject = null;
		}
		this.last = this.due.pollFirst();
		return this.last;
	}

	private void fill(Hackathon hackathon) {
		if (hackathon.phase() == HackathonPhase.DRAFT) {
			return;
		}
		LocalDate lastDay = hackathon.endsAt().atZone(hackathon.zone()).toLocalDate();
		Optional<Integer> months = FollowUpCheckpoints.current(lastDay, this.today);
		if (months.isEmpty()) {
			return;
		}
		Query query = new Query(Criteria.where("hackathonId").is(hackathon.id()));
		query.fields().include("projectId", "status");
		TreeSet<String> projects = new TreeSet<>();
		for (Document proposal : this.mongo.find(query, Document.class, this.mongo.getCollectionName(Proposal.class))) {
			String status = proposal.getString("status");
			String projectId = proposal.getString("projectId");
			if (projectId != null && !ProposalStatus.DRAFT.name().equals(status)
					&& !ProposalStatus.WITHDRAWN.name().equals(status)) {
				projects.add(projectId);
			}
		}
		LocalDate dueOn = lastDay.plusMonths(months.get());
		for (String projectId : (this.resumeAfterProject != null) ? projects.tailSet(this.resumeAfterProject, false)
				: projects) {
			this.due.addLast(new DueCheckpoint(projectId, hackathon.id(), months.get(), dueOn));
		}
	}

	@Override
	public void update(ExecutionContext context) {
		// Called once the chunk is written: every checkpoint handed on so far is done.
		if (this.last != null) {
			context.putString(getExecutionContextKey(HACKATHON), this.last.hackathonId());
			context.putString(getExecutionContextKey(PROJECT), this.last.projectId());
		}
	}

	@Override
	public void close() {
		this.hackathons = null;
		this.due.clear();
	}

}
