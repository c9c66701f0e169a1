package org.hacktrail.platform.batch;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A small chunk-oriented job for testing the batch infrastructure: it counts from 1 to
 * {@code items}, can fail once at {@code failAt}, keeps its position in the execution
 * context under a dotted key, writes idempotently and records when it ran.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingJobConfiguration {

	/**
	 * Armed by a test to make the next run fail at its failAt item; disarmed by that
	 * failure.
	 */
	static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

	@Bean
	Job countingJob(JobRepository repository, Step countingStep, MongoTemplate mongo) {
		return new JobBuilder("countingJob", repository).start(countingStep).listener(new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution execution) {
				String items = execution.getJobParameters().getString("items");
				execution.getExecutionContext()
					.putLong(JobRunner.TOTAL_KEY, (items != null) ? Long.parseLong(items) : 0L);
				mongo.insert(new Document("_id", execution.getId()).append("start", Instant.now().toEpochMilli()),
						"job_timeline");
			}

			@Override
			public void afterJob(JobExecution execution) {
				mongo.updateFirst(new Query(Criteria.where("_id").is(execution.getId())),
						new Update().set("end", Instant.now().toEpochMilli()), "job_timeline");
			}
		}).build();
	}

	@Bean
	Step countingStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ItemStreamReader<Integer> countingReader, MongoTemplate mongo) {
		ItemProcessor<Integer, Integer> processor = (item) -> item;
		ItemWriter<Integer> writer = (chunk) -> {
			for (Integer item : chunk) {
				// Idempotent by natural key; "writes" counts how often an item reached
				// the store.
				mongo.upsert(new Query(Criteria.where("_id").is(item)), new Update().inc("writes", 1), "counted_items");
			}
		};
		return new StepBuilder("countingStep", repository).<Integer, Integer>chunk(5)
			.transactionManager(batchTransactionManager)
			.reader(countingReader)
			.processor(processor)
			.writer(writer)
			.build();
	}

	@Bean
	@StepScope
	ItemStreamReader<Integer> countingReader(@Value("#{jobParameters['items']}") Long items,
			@Value("#{jobParameters['failAt'] ?: 0L}") Long failAt) {
		return new ItemStreamReader<>() {

			private static final String POSITION = "counting.reader.position";

			private int position;

			@Override
			public void open(ExecutionContext context) {
				this.position = context.containsKey(POSITION) ? context.getInt(POSITION) : 0;
			}

			@Override
			public void update(ExecutionContext context) {
				context.putInt(POSITION, this.position);
			}

			@Override
			public Integer read() {
				if (this.position >= items) {
					return null;
				}
				int next = this.position + 1;
				if (next == failAt && FAIL_ONCE.compareAndSet(true, false)) {
					throw new IllegalStateException("Planned failure at item " + next);
				}
				this.position = next;
				return next;
			}

		};
	}

}
