package org.hacktrail.platform.batch;

import java.time.Instant;
import java.util.UUID;

import org.bson.Document;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What tests outside this package need of the batch infrastructure: a small job, and
 * firing a schedule.
 */
public final class BatchTestHooks {

	private BatchTestHooks() {
	}

	/**
	 * Fires the schedule of {@code jobName} on this instance now, as its cron trigger
	 * would.
	 */
	public static void runScheduled(ApplicationContext context, String jobName) {
		context.getBean(JobSchedules.class).runScheduled(jobName);
	}

	/**
	 * A job named {@code slotJob} whose single step records, in {@code slot_runs}, which
	 * instance ran it and for which parameters.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class SlotJob {

		static final String INSTANCE = UUID.randomUUID().toString();

		@Bean
		Job slotJob(JobRepository repository, PlatformTransactionManager batchTransactionManager, MongoTemplate mongo,
				ApplicationContext context) {
			String instance = context.getEnvironment().getProperty("spring.application.name", "?") + "/"
					+ System.identityHashCode(context);
			Step step = new StepBuilder("slotStep", repository).tasklet((contribution, chunk) -> {
				mongo.insert(new Document("instance", instance)
					.append("slot", chunk.getStepContext().getJobParameters().get("hacktrail.slot"))
					.append("at", Instant.now().toString()), "slot_runs");
				return RepeatStatus.FINISHED;
			}, batchTransactionManager).build();
			return new JobBuilder("slotJob", repository).start(step).build();
		}

	}

}
