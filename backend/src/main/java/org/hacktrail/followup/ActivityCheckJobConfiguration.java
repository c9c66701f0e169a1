package org.hacktrail.followup;

import java.time.Clock;

import org.hacktrail.proposal.ProjectFacts;
import org.hacktrail.proposal.ProjectService;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code activityCheck}: reads the last push of each project's repository from a
 * GitHub-compatible API ({@code hacktrail.activity.*}), records it as an ACTIVITY
 * milestone (at most one per project and month, VERIFIED: it is observed, not claimed),
 * and then re-derives every project's state, so that projects silent for six months
 * become DORMANT.
 *
 * <ol>
 * <li>{@code activityCheckStep}: {@link ActivityCheckReader} (projects with a repository
 * on a configured host, least recently checked first, skipping those checked within
 * {@code minInterval} unless the job parameter {@code force=true}),
 * {@link ActivityCheckProcessor} (the repository, then its g0v.json; rate limits honoured
 * by {@link RepositoryActivityClient}), {@link ActivityCheckWriter} (with
 * {@link G0vJsonUpdates}: a broken file is a problem on the project, never a failed step;
 * the fields it gives are proposed, never applied);
 * {@link ActivityRateLimitListener}.</li>
 * <li>{@code activityStateStep}: {@link FollowUpDocumentReader} (every follow-up
 * document, bucket by bucket), {@link FollowUpRederiveProcessor} (the state rule on the
 * stored facts; unchanged documents are filtered out), {@link FollowUpRederiveWriter}
 * (followers told of state changes); {@link RateLimitedRunListener}.</li>
 * </ol>
 * When the API's rate limit would need a long wait, the first step stops reading, stores
 * until when the API is blocked ({@code activity_check_state}) and ends with exit status
 * RATE_LIMITED; the projects not checked are the least recently checked ones, so the next
 * run (after the reset) starts with them. Runs before the reset check nothing.
 */
@Configuration(proxyBeanMethods = false)
class ActivityCheckJobConfiguration {

	@Bean
	Job activityCheck(JobRepository repository, Step activityCheckStep, Step activityStateStep) {
		return new JobBuilder("activityCheck", repository).start(activityCheckStep).next(activityStateStep).build();
	}

	@Bean
	Step activityCheckStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ActivityCheckReader activityCheckReader, ActivityCheckProcessor activityCheckProcessor,
			ActivityCheckWriter activityCheckWriter, MongoTemplate mongo, Clock clock) {
		return new StepBuilder("activityCheckStep",
				// One project a chunk: its progress moves with every project checked (a
				// request or two each, so the commit per project costs little beside
				// them).
				repository).<ActivityCheckReader.Target, ActivityCheckProcessor.Observation>chunk(1)
			.transactionManager(batchTransactionManager)
			.reader(activityCheckReader)
			.processor(activityCheckProcessor)
			.writer(activityCheckWriter)
			.listener(new ActivityRateLimitListener(mongo, clock))
			.build();
	}

	@Bean
	@StepScope
	ActivityCheckReader activityCheckReader(MongoTemplate mongo, ProjectFacts projects, RepositoryActivityClient client,
			ActivitySettings settings, Clock clock, @Value("#{jobParameters['force']}") @Nullable String force) {
		return new ActivityCheckReader(mongo, projects, client, settings, clock, "true".equalsIgnoreCase(force));
	}

	@Bean
	@StepScope
	ActivityCheckProcessor activityCheckProcessor(RepositoryActivityClient client, MongoTemplate mongo) {
		return new ActivityCheckProcessor(client, mongo);
	}

	@Bean
	@StepScope
	ActivityCheckWriter activityCheckWriter(MongoTemplate mongo, MilestoneStore store, FollowUpStates states,
			ProjectStateWriter refreshedStateWriter, Clock clock, G0vJsonUpdates g0vJsonUpdates) {
		return new ActivityCheckWriter(mongo, store, states, refreshedStateWriter, clock, g0vJsonUpdates);
	}

	@Bean
	Step activityStateStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			FollowUpDocumentReader followUpDocumentReader, FollowUpRederiveProcessor followUpRederiveProcessor,
			FollowUpRederiveWriter followUpRederiveWriter) {
		return new StepBuilder("activityStateStep", repository).<ProjectFollowUp, ProjectFollowUp>chunk(500)
			.transactionManager(batchTransactionManager)
			.reader(followUpDocumentReader)
			.processor(followUpRederiveProcessor)
			.writer(followUpRederiveWriter)
			.listener(new RateLimitedRunListener())
			.build();
	}

	@Bean
	@StepScope
	FollowUpDocumentReader followUpDocumentReader(MongoTemplate mongo) {
		return new FollowUpDocumentReader(mongo);
	}

	@Bean
	@StepScope
	FollowUpRederiveProcessor followUpRederiveProcessor(FollowUpStates states) {
		return new FollowUpRederiveProcessor(states);
	}

	@Bean
	@StepScope
	FollowUpRederiveWriter followUpRederiveWriter(FollowUpStates states, ProjectStateWriter refreshedStateWriter) {
		return new FollowUpRederiveWriter(states, refreshedStateWriter);
	}

	@Bean
	ProjectStateWriter refreshedStateWriter(FollowUpStates states, ProjectService projects, FollowUpNotifier notifier) {
		return new ProjectStateWriter(states, projects, notifier, false);
	}

}
