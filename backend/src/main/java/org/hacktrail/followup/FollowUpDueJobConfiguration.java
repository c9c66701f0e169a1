package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.platform.batch.JobRunner;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code followUpDue}: opens a follow-up request for each project of every hackathon at its current checkpoint
 * (3, 6, 12 or 24 months after the event, see {@link FollowUpCheckpoints}) and notifies the project's team leads.
 *
 * <p>
 * Never twice: a request's id is its natural key (project, hackathon, checkpoint) and is inserted with
 * {@code $setOnInsert}, so a second run, a restarted run or another instance running the same slot finds it there
 * and opens nothing. The notification is recorded on the request ({@code notifiedAt}) after it is sent; a request
 * left un-notified by a crash is notified by the next run (at least once; twice only if the process dies between
 * sending and recording).
 */
@Configuration(proxyBeanMethods = false)
class FollowUpDueJobConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FollowUpDueJobConfiguration.class);

	@Bean
	Job followUpDue(JobRepository repository, Step followUpDueStep) {
		return new JobBuilder("followUpDue", repository).start(followUpDueStep).build();
	}

	@Bean
	Step followUpDueStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ItemStreamReader<DueCheckpoint> followUpDueReader,
			ItemProcessor<DueCheckpoint, FollowUpRequest> followUpDueProcessor,
			ItemWriter<FollowUpRequest> followUpDueWriter) {
		return new StepBuilder("followUpDueStep", repository).<DueCheckpoint, FollowUpRequest>chunk(100)
			.transactionManager(batchTransactionManager)
			.reader(followUpDueReader)
			.processor(followUpDueProcessor)
			.writer(followUpDueWriter)
			.build();
	}

	/**
	 * The due checkpoints, computed when the step opens: hackathons past DRAFT whose current checkpoint exists, and
	 * the projects of their proposals (not DRAFT, not WITHDRAWN), in a stable order; restartable by position.
	 */
	@Bean
	@StepScope
	ItemStreamReader<DueCheckpoint> followUpDueReader(MongoTemplate mongo, FollowUpStates states) {
		return new ItemStreamReader<>() {

			private static final String POSITION = "followUpDue.position";

			private List<DueCheckpoint> due = List.of();

			private int position;

			@Override
			public void open(ExecutionContext context) {
				this.due = dueCheckpoints(mongo, states.today());
				this.position = context.containsKey(POSITION) ? context.getInt(POSITION) : 0;
				StepSynchronizationManager.getContext()
					.getStepExecution()
					.getJobExecution()
					.getExecutionContext()
					.putLong(JobRunner.TOTAL_KEY, this.due.size());
			}

			@Override
			public @Nullable DueCheckpoint read() {
				return (this.position < this.due.size()) ? this.due.get(this.position++) : null;
			}

			@Override
			public void update(ExecutionContext context) {
				context.putInt(POSITION, this.position);
			}

		};
	}

	static List<DueCheckpoint> dueCheckpoints(MongoTemplate mongo, LocalDate today) {
		List<DueCheckpoint> due = new ArrayList<>();
		List<Hackathon> hackathons = new ArrayList<>(mongo.findAll(Hackathon.class));
		hackathons.sort(Comparator.comparing(Hackathon::id));
		for (Hackathon hackathon : hackathons) {
			if (hackathon.phase() == HackathonPhase.DRAFT) {
				continue;
			}
			LocalDate lastDay = hackathon.endsAt().atZone(hackathon.zone()).toLocalDate();
			Optional<Integer> months = FollowUpCheckpoints.current(lastDay, today);
			if (months.isEmpty()) {
				continue;
			}
			Query query = new Query(Criteria.where("hackathonId").is(hackathon.id()));
			query.fields().include("projectId", "status");
			Set<String> projects = new TreeSet<>();
			for (Document proposal : mongo.find(query, Document.class, mongo.getCollectionName(Proposal.class))) {
				String status = proposal.getString("status");
				String projectId = proposal.getString("projectId");
				if (projectId != null && !ProposalStatus.DRAFT.name().equals(status)
						&& !ProposalStatus.WITHDRAWN.name().equals(status)) {
					projects.add(projectId);
				}
			}
			LocalDate dueOn = lastDay.plusMonths(months.get());
			projects.forEach((projectId) -> due.add(new DueCheckpoint(projectId, hackathon.id(), months.get(), dueOn)));
		}
		return due;
	}

	@Bean
	ItemProcessor<DueCheckpoint, FollowUpRequest> followUpDueProcessor(Clock clock) {
		return (checkpoint) -> new FollowUpRequest(
				FollowUpRequest.id(checkpoint.projectId(), checkpoint.hackathonId(), checkpoint.months()),
				checkpoint.projectId(), checkpoint.hackathonId(), checkpoint.months(), checkpoint.dueOn().toString(),
				clock.instant(), FollowUpRequest.Status.OPEN, List.of(), null, null, null, null);
	}

	/**
	 * Inserts the requests that do not exist yet (one bulk write of {@code $setOnInsert} upserts by id), then
	 * notifies the leads of every request of the chunk still owed a notification and records it.
	 */
	@Bean
	ItemWriter<FollowUpRequest> followUpDueWriter(MongoTemplate mongo, ProjectTeamLeads leads,
			FollowUpNotifier notifier, ProjectService projects, Clock clock) {
		return (Chunk<? extends FollowUpRequest> chunk) -> {
			Map<String, FollowUpRequest> byId = new LinkedHashMap<>();
			chunk.forEach((request) -> byId.put(request.id(), request));
			Map<String, Set<String>> leadsByProject = leads
				.leadsOf(byId.values().stream().map(FollowUpRequest::projectId).distinct().toList());
			String collection = mongo.getCollectionName(FollowUpRequest.class);
			List<WriteModel<Document>> inserts = new ArrayList<>();
			UpdateOptions upsert = new UpdateOptions().upsert(true);
			for (FollowUpRequest request : byId.values()) {
				FollowUpRequest withLeads = new FollowUpRequest(request.id(), request.projectId(),
						request.hackathonId(), request.months(), request.dueOn(), request.openedAt(), request.status(),
						new ArrayList<>(new TreeSet<>(leadsByProject.getOrDefault(request.projectId(), Set.of()))),
						null, null, null, null);
				Document document = new Document();
				mongo.getConverter().write(withLeads, document);
				document.remove("_id");
				inserts.add(new UpdateOneModel<>(new Document("_id", request.id()),
						new Document("$setOnInsert", document), upsert));
			}
			try {
				mongo.getCollection(collection).bulkWrite(inserts, new BulkWriteOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				// Two instances upserting the same new request at once: one inserts, the other's upsert fails on the
				// unique id. The request exists either way; anything else is a real failure.
				if (ex.getWriteErrors().stream().anyMatch((error) -> error.getCode() != 11000)) {
					throw ex;
				}
			}

			List<FollowUpRequest> owed = mongo
				.find(new Query(Criteria.where("_id").in(byId.keySet())), FollowUpRequest.class)
				.stream()
				.filter((request) -> request.notifiedAt() == null)
				.toList();
			if (owed.isEmpty()) {
				return;
			}
			Map<String, String> names = new HashMap<>();
			for (Project project : projects.findAllById(owed.stream().map(FollowUpRequest::projectId).toList())) {
				names.put(project.id(), (project.name().primary() != null) ? project.name().primary() : project.id());
			}
			Set<String> notified = new HashSet<>();
			for (FollowUpRequest request : owed) {
				try {
					notifier.followUpRequested(request, names.getOrDefault(request.projectId(), request.projectId()),
							new HashSet<>(request.leads()));
					notified.add(request.id());
				}
				catch (RuntimeException ex) {
					log.warn("Could not notify the leads of follow-up request {}; the next run tries again",
							request.id(), ex);
				}
			}
			if (!notified.isEmpty()) {
				Instant now = clock.instant();
				mongo.updateMulti(new Query(Criteria.where("_id").in(notified)),
						new org.springframework.data.mongodb.core.query.Update().set("notifiedAt", now),
						FollowUpRequest.class);
			}
		};
	}

}
