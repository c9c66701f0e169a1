package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.hacktrail.platform.batch.JobRunner;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code activityCheck}: reads the last push of each project's repository from a GitHub-compatible API
 * ({@code hacktrail.activity.*}), records it as an ACTIVITY milestone (at most one per project and month, VERIFIED:
 * it is observed, not claimed), and then re-derives every project's state, so that projects silent for six months
 * become DORMANT.
 *
 * <ol>
 * <li>{@code activityCheckStep}: reader {@code activityCheckReader} (projects with a repository on a configured
 * host, least recently checked first, skipping those checked within {@code minInterval} unless {@code force=true}),
 * processor {@code activityCheckProcessor} (one API call, rate limits honoured by
 * {@link RepositoryActivityClient}), writer {@code activityCheckWriter}.</li>
 * <li>{@code activityStateStep}: reader {@code followUpDocumentReader} (every follow-up document), processor
 * {@code followUpRederiveProcessor} (the state rule on the stored facts; unchanged documents are filtered out),
 * writer {@code followUpRederiveWriter} (followers told of state changes).</li>
 * </ol>
 * When the API's rate limit would need a long wait, the first step stops reading, stores until when the API is
 * blocked ({@code activity_check_state}) and ends with exit status RATE_LIMITED; the projects not checked are the
 * least recently checked ones, so the next run (after the reset) starts with them. Runs before the reset check
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
class ActivityCheckJobConfiguration {

	/**
	 * What one run of the first step shares between its reader, processor and listener (a step-scoped bean: only
	 * its methods reach the run's instance through the scope's proxy).
	 */
	static class RunState {

		private volatile RepositoryActivityClient.Result.@Nullable RateLimited stoppedBy;

		private volatile int left;

		RepositoryActivityClient.Result.@Nullable RateLimited stoppedBy() {
			return this.stoppedBy;
		}

		void stop(RepositoryActivityClient.Result.RateLimited limited) {
			this.stoppedBy = limited;
		}

		int left() {
			return this.left;
		}

		void left(int left) {
			this.left = left;
		}

	}

	/** Exit code of a run the API's rate limit stopped before every project was checked. */
	static final String RATE_LIMITED = "RATE_LIMITED";

	record ActivityTarget(String projectId, String repositoryUrl, String owner, String repo) {
	}

	record ActivityObservation(ActivityTarget target, @Nullable LocalDate lastPushedOn, @Nullable String error) {
	}

	@Bean
	Job activityCheck(JobRepository repository, Step activityCheckStep, Step activityStateStep) {
		return new JobBuilder("activityCheck", repository).start(activityCheckStep).next(activityStateStep).build();
	}

	@Bean
	@StepScope
	RunState activityRunState() {
		return new RunState();
	}

	@Bean
	Step activityCheckStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ItemStreamReader<ActivityTarget> activityCheckReader,
			ItemProcessor<ActivityTarget, ActivityObservation> activityCheckProcessor,
			ItemWriter<ActivityObservation> activityCheckWriter, RunState activityRunState, MongoTemplate mongo,
			Clock clock) {
		return new StepBuilder("activityCheckStep", repository).<ActivityTarget, ActivityObservation>chunk(50)
			.transactionManager(batchTransactionManager)
			.reader(activityCheckReader)
			.processor(activityCheckProcessor)
			.writer(activityCheckWriter)
			.listener(new StepExecutionListener() {
				@Override
				public ExitStatus afterStep(StepExecution step) {
					RepositoryActivityClient.Result.RateLimited stop = activityRunState.stoppedBy();
					if (stop == null) {
						return step.getExitStatus();
					}
					mongo.save(new ActivityCheckState(ActivityCheckState.ID, stop.until(), stop.reason(),
							clock.instant()));
					return new ExitStatus(RATE_LIMITED, stop.reason() + " " + activityRunState.left()
							+ " project(s) left for a run after " + stop.until() + ".");
				}
			})
			.build();
	}

	@Bean
	@StepScope
	ItemStreamReader<ActivityTarget> activityCheckReader(MongoTemplate mongo, RepositoryActivityClient client,
			ActivitySettings settings, Clock clock, RunState activityRunState,
			@Value("#{jobParameters['force']}") @Nullable String force) {
		return new ItemStreamReader<>() {

			private List<ActivityTarget> targets = List.of();

			private int position;

			@Override
			public void open(ExecutionContext context) {
				Instant now = clock.instant();
				ActivityCheckState state = mongo.findById(ActivityCheckState.ID, ActivityCheckState.class);
				if (state != null && state.blockedUntil() != null && state.blockedUntil().isAfter(now)) {
					// The API said no more requests until then: this run checks nothing.
					activityRunState.stop(new RepositoryActivityClient.Result.RateLimited(state.blockedUntil(),
							"The repository API is rate-limited until " + state.blockedUntil() + "."));
					return;
				}
				Query projects = new Query(Criteria.where("repositoryUrl").ne(null));
				projects.fields().include("repositoryUrl");
				Map<String, Instant> checked = new HashMap<>();
				Query followUps = new Query(Criteria.where("activityCheckedAt").ne(null));
				followUps.fields().include("activityCheckedAt");
				for (ProjectFollowUp followUp : mongo.find(followUps, ProjectFollowUp.class)) {
					checked.put(followUp.id(), followUp.activityCheckedAt());
				}
				boolean forced = "true".equalsIgnoreCase(force);
				Instant recent = now.minus(settings.minInterval());
				List<ActivityTarget> found = new ArrayList<>();
				for (Document project : mongo.find(projects, Document.class, mongo.getCollectionName(Project.class))) {
					String id = project.get("_id").toString();
					String url = project.getString("repositoryUrl");
					Optional<String[]> repository = client.repository(url);
					Instant last = checked.get(id);
					if (repository.isPresent() && (forced || last == null || last.isBefore(recent))) {
						found.add(new ActivityTarget(id, url, repository.get()[0], repository.get()[1]));
					}
				}
				// Least recently checked first (never checked before all), so a run cut short by the rate limit
				// leaves the longest-waiting projects to the next run's start.
				found.sort(Comparator
					.comparing((ActivityTarget t) -> checked.getOrDefault(t.projectId(), Instant.EPOCH))
					.thenComparing(ActivityTarget::projectId));
				this.targets = found;
				this.position = 0;
				StepSynchronizationManager.getContext()
					.getStepExecution()
					.getJobExecution()
					.getExecutionContext()
					.putLong(JobRunner.TOTAL_KEY, found.size());
			}

			@Override
			public @Nullable ActivityTarget read() {
				if (activityRunState.stoppedBy() != null || this.position >= this.targets.size()) {
					activityRunState.left(Math.max(0, this.targets.size() - this.position));
					return null;
				}
				return this.targets.get(this.position++);
			}

		};
	}

	@Bean
	@StepScope
	ItemProcessor<ActivityTarget, ActivityObservation> activityCheckProcessor(RepositoryActivityClient client,
			RunState activityRunState) {
		return (target) -> {
			if (activityRunState.stoppedBy() != null) {
				return null;
			}
			RepositoryActivityClient.Result result = client.lastPush(target.owner(), target.repo());
			if (result instanceof RepositoryActivityClient.Result.Found found) {
				return new ActivityObservation(target, found.lastPushedOn(), null);
			}
			if (result instanceof RepositoryActivityClient.Result.NotFound notFound) {
				return new ActivityObservation(target, null, notFound.reason());
			}
			if (result instanceof RepositoryActivityClient.Result.Failed failed) {
				return new ActivityObservation(target, null, failed.reason());
			}
			// Rate-limited: this project and the rest wait for the next run; the reader stops at the next read.
			activityRunState.stop((RepositoryActivityClient.Result.RateLimited) result);
			return null;
		};
	}

	/**
	 * Records the observations: an ACTIVITY milestone per last push (upserted by its natural key: project and
	 * month), the check's findings and the later last-activity dates on the follow-up documents, then the states
	 * re-derived from those documents.
	 */
	@Bean
	ItemWriter<ActivityObservation> activityCheckWriter(MongoTemplate mongo, MilestoneStore store,
			FollowUpStates states, ProjectStateWriter refreshedStateWriter, Clock clock) {
		return (Chunk<? extends ActivityObservation> chunk) -> {
			Instant now = clock.instant();
			Map<String, OutcomeMilestone> milestones = new HashMap<>();
			for (ActivityObservation observation : chunk) {
				if (observation.lastPushedOn() != null) {
					MilestoneDraft draft = new MilestoneDraft(MilestoneType.ACTIVITY, observation.lastPushedOn(), null,
							null, null, null, null, observation.target().repositoryUrl(),
							"Last push seen by the activity check.");
					OutcomeMilestone milestone = OutcomeMilestone.create(observation.target().projectId(), draft,
							MilestoneSource.IMPORTED, VerificationState.VERIFIED,
							new MilestoneEvent(now, null, MilestoneEvent.Action.OBSERVED, VerificationState.VERIFIED,
									null),
							null);
					milestones.put(milestone.id(), milestone);
				}
			}
			store.upsert(milestones.values(), VerificationState.VERIFIED, null, now);
			List<String> projectIds = chunk.getItems().stream().map((o) -> o.target().projectId()).toList();
			Map<String, LocalDate> pitched = states.lastPitched(projectIds);
			BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FollowUpStates.FOLLOWUPS);
			for (ActivityObservation observation : chunk) {
				String projectId = observation.target().projectId();
				Update update = new Update().set("activityCheckedAt", now).set("activityError", observation.error());
				if (pitched.get(projectId) != null) {
					update.set("lastPitchedOn", pitched.get(projectId).toString());
				}
				if (observation.lastPushedOn() != null) {
					String pushed = observation.lastPushedOn().toString();
					// ISO dates order as text: $max keeps the later of the stored and the observed date.
					update.set("lastPushedOn", pushed).max("lastActivityOn", pushed).max("lastVerifiedActivityOn", pushed);
				}
				bulk.upsert(new Query(Criteria.where("_id").is(projectId)), update);
			}
			bulk.execute();
			List<FollowUpStates.Refreshed> changed = states.rederive(states.find(projectIds).values());
			refreshedStateWriter.notify(changed, false);
		};
	}

	@Bean
	Step activityStateStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ItemStreamReader<ProjectFollowUp> followUpDocumentReader,
			ItemProcessor<ProjectFollowUp, ProjectFollowUp> followUpRederiveProcessor,
			ItemWriter<ProjectFollowUp> followUpRederiveWriter) {
		return new StepBuilder("activityStateStep", repository).<ProjectFollowUp, ProjectFollowUp>chunk(500)
			.transactionManager(batchTransactionManager)
			.reader(followUpDocumentReader)
			.processor(followUpRederiveProcessor)
			.writer(followUpRederiveWriter)
			.listener(new StepExecutionListener() {
				@Override
				public ExitStatus afterStep(StepExecution step) {
					// A run stopped by the rate limit says so as a whole. The job takes its exit status from its
					// last step, so this step carries it: a job listener changing it afterwards would leave a
					// moment in which the stored run reads COMPLETED with exit code COMPLETED.
					return step.getJobExecution()
						.getStepExecutions()
						.stream()
						.filter((other) -> other != step && RATE_LIMITED.equals(other.getExitStatus().getExitCode()))
						.findFirst()
						.map((other) -> step.getExitStatus().and(other.getExitStatus()))
						.orElse(step.getExitStatus());
				}
			})
			.build();
	}

	/** Every follow-up document, streamed in id order; restartable after the last id written. */
	@Bean
	@StepScope
	ItemStreamReader<ProjectFollowUp> followUpDocumentReader(MongoTemplate mongo) {
		return new ItemStreamReader<>() {

			private static final String LAST = "followUpDocuments.last";

			private java.util.@Nullable Iterator<ProjectFollowUp> documents;

			private java.util.stream.@Nullable Stream<ProjectFollowUp> stream;

			private @Nullable String last;

			@Override
			public void open(ExecutionContext context) {
				this.last = context.containsKey(LAST) ? context.getString(LAST) : null;
				Query query = (this.last != null) ? new Query(Criteria.where("_id").gt(this.last)) : new Query();
				query.with(org.springframework.data.domain.Sort.by("_id"));
				query.fields().exclude("followers");
				this.stream = mongo.stream(query, ProjectFollowUp.class);
				this.documents = this.stream.iterator();
			}

			@Override
			public @Nullable ProjectFollowUp read() {
				if (this.documents == null || !this.documents.hasNext()) {
					return null;
				}
				ProjectFollowUp next = this.documents.next();
				this.last = next.id();
				return next;
			}

			@Override
			public void update(ExecutionContext context) {
				if (this.last != null) {
					context.putString(LAST, this.last);
				}
			}

			@Override
			public void close() {
				if (this.stream != null) {
					this.stream.close();
				}
			}

		};
	}

	/** Passes on only the documents whose stored states differ from what the rule derives today. */
	@Bean
	ItemProcessor<ProjectFollowUp, ProjectFollowUp> followUpRederiveProcessor(FollowUpStates states) {
		return (followUp) -> {
			ProjectStateRule.Derived all = states.derive(followUp, false);
			ProjectStateRule.Derived verified = states.derive(followUp, true);
			boolean same = all.state() == followUp.state() && verified.state() == followUp.publicState()
					&& Boolean.valueOf(all.dormant()).equals(followUp.dormant())
					&& Boolean.valueOf(verified.dormant()).equals(followUp.publicDormant());
			return same ? null : followUp;
		};
	}

	@Bean
	ItemWriter<ProjectFollowUp> followUpRederiveWriter(MongoTemplate mongo, FollowUpStates states,
			ProjectStateWriter refreshedStateWriter) {
		return (chunk) -> {
			// The reader left the followers out; read them with the states so that the right people are told.
			List<String> ids = chunk.getItems().stream().map(ProjectFollowUp::id).toList();
			List<FollowUpStates.Refreshed> changed = states.rederive(states.find(ids).values());
			refreshedStateWriter.notify(changed, false);
		};
	}

	@Bean
	ProjectStateWriter refreshedStateWriter(FollowUpStates states, ProjectService projects,
			FollowUpNotifier notifier) {
		return new ProjectStateWriter(states, projects, notifier, false);
	}

}
