package org.hacktrail.platform.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch infrastructure on the embedded store: runs started over GraphQL by organizers
 * only, counted and followed to completion; a failed run restarted from its last chunk
 * without writing anything twice; launches serialised; a scheduled slot run once even
 * when two launchers race.
 */
@DemoServiceTest
class JobRunnerTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JobRunner runner;

	@Autowired
	JobRepository repository;

	Http organizer;

	@BeforeEach
	void setUp() throws InterruptedException {
		// Runs are asynchronous: let any run of a previous test finish before clearing
		// its traces.
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!this.repository.findRunningJobExecutions("countingJob").isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		this.mongo.dropCollection("counted_items");
		this.mongo.dropCollection("job_timeline");
		this.organizer = signedIn("organizer");
	}

	private Http signedIn(String persona) {
		Http http = Http.localhost(this.port);
		http.get("/api/auth/options");
		assertThat(http.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"" + persona + "\"}").statusCode())
			.isEqualTo(200);
		return http;
	}

	private JsonNode start(Http http, String parameters) {
		Http.GraphQlResult result = http.graphql("mutation { startJob(input: {name: \"countingJob\", parameters: ["
				+ parameters + "]}) { run { id status jobName } } }");
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("startJob").path("run");
	}

	private JsonNode awaitEnd(String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode run = this.organizer
				.graphql("{ jobRun(id: \"" + id + "\") { id status exitCode exitDescription readCount writeCount "
						+ "skipCount total progress parameters { key value } steps { name readCount writeCount } } }")
				.data()
				.path("jobRun");
			String status = run.path("status").asString();
			if (!status.equals("STARTING") && !status.equals("STARTED")) {
				return run;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Job run " + id + " did not end in 30 s");
	}

	@Test
	void anOrganizerStartsAJobAndFollowsItToTheEnd() throws Exception {
		JsonNode started = start(this.organizer, "{key: \"items\", value: \"23\"}");
		assertThat(started.path("jobName").asString()).isEqualTo("countingJob");

		JsonNode run = awaitEnd(started.path("id").asString());

		assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("readCount").asInt()).isEqualTo(23);
		assertThat(run.path("writeCount").asInt()).isEqualTo(23);
		assertThat(run.path("total").asInt()).isEqualTo(23);
		assertThat(run.path("progress").asDouble()).isEqualTo(1.0);
		assertThat(run.path("parameters").toString()).contains("\"items\"").doesNotContain("hacktrail.run");
		assertThat(this.mongo.getCollection("counted_items").countDocuments()).isEqualTo(23);
		JsonNode listed = this.organizer.graphql("{ jobRuns(jobName: \"countingJob\", first: 5) { id } jobNames }")
			.data();
		assertThat(listed.path("jobRuns").path(0).path("id").asString()).isEqualTo(started.path("id").asString());
		assertThat(listed.path("jobNames").toString()).contains("countingJob");
		// Who started it, as fields (the panel names them; the raw id stays a parameter).
		JsonNode by = this.organizer
			.graphql("{ jobRun(id: \"" + started.path("id").asString()
					+ "\") { requestedById requestedByName requestedByYou scheduledFor } }")
			.data()
			.path("jobRun");
		assertThat(by.path("requestedByName").asString()).isEqualTo("Demo Organizer 示範主辦");
		assertThat(by.path("requestedByYou").asBoolean()).isTrue();
		assertThat(by.path("requestedById").asString()).isNotBlank();
		assertThat(by.path("scheduledFor").isNull()).isTrue();
	}

	@Test
	void onlyOrganizersSeeOrStartJobs() {
		Http proposer = signedIn("proposer");
		assertThat(proposer.graphql("mutation { startJob(input: {name: \"countingJob\"}) { run { id } } }").errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(proposer.graphql("{ jobRuns { id } }").errorCode()).isEqualTo("FORBIDDEN");
		assertThat(proposer.graphql("{ jobNames }").errorCode()).isEqualTo("FORBIDDEN");
		Http anonymous = Http.localhost(this.port);
		assertThat(
				anonymous.graphql("mutation { startJob(input: {name: \"countingJob\"}) { run { id } } }").errorCode())
			.isEqualTo("UNAUTHENTICATED");
		assertThat(this.mongo.getCollection("job_timeline").countDocuments()).isZero();
	}

	@Test
	void aRunTakesAtMostFiftyParameters() {
		StringBuilder parameters = new StringBuilder();
		for (int i = 0; i <= JobRunner.MAX_PARAMETERS; i++) {
			parameters.append("{key: \"k").append(i).append("\", value: \"v\"} ");
		}
		String runs = "{ jobRuns(jobName: \"countingJob\", first: 100) { id } }";
		int before = this.organizer.graphql(runs).data().path("jobRuns").size();
		Http.GraphQlResult result = this.organizer.graphql("mutation { startJob(input: {name: \"countingJob\", "
				+ "parameters: [" + parameters + "]}) { run { id } } }");
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).contains("at most 50 parameters");
		assertThat(this.organizer.graphql(runs).data().path("jobRuns").size()).isEqualTo(before);
	}

	@Test
	void anUnknownJobIsABadRequestNamingTheJobs() {
		Http.GraphQlResult result = this.organizer
			.graphql("mutation { startJob(input: {name: \"nope\"}) { run { id } } }");
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).contains("nope").contains("countingJob");
	}

	@Test
	void aFailedRunRestartsFromItsLastChunkAndWritesNothingTwice() throws Exception {
		CountingJobConfiguration.FAIL_ONCE.set(true);
		JsonNode started = start(this.organizer, "{key: \"items\", value: \"20\"}, {key: \"failAt\", value: \"13\"}");
		JsonNode failed = awaitEnd(started.path("id").asString());
		assertThat(failed.path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("exitDescription").asString()).contains("Planned failure at item 13");
		assertThat(this.mongo.getCollection("counted_items").countDocuments()).isEqualTo(10);

		Http.GraphQlResult restarted = this.organizer
			.graphql("mutation { restartJob(input: {id: \"" + started.path("id").asString() + "\"}) { run { id } } }");
		assertThat(restarted.hasErrors()).as(restarted.body().toString()).isFalse();
		JsonNode done = awaitEnd(restarted.data().path("restartJob").path("run").path("id").asString());

		assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
		// The restart resumed after item 10, the last committed chunk.
		assertThat(done.path("readCount").asInt()).isEqualTo(10);
		assertThat(this.mongo.getCollection("counted_items").countDocuments()).isEqualTo(20);
		assertThat(this.mongo.find(new Query(), Document.class, "counted_items"))
			.allSatisfy((item) -> assertThat(item.getInteger("writes")).isEqualTo(1));
	}

	@Test
	void aCompletedRunCannotBeRestarted() throws Exception {
		JsonNode started = start(this.organizer, "{key: \"items\", value: \"3\"}");
		awaitEnd(started.path("id").asString());
		Http.GraphQlResult again = this.organizer
			.graphql("mutation { restartJob(input: {id: \"" + started.path("id").asString() + "\"}) { run { id } } }");
		assertThat(again.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(again.errorMessage()).contains("COMPLETED");
	}

	@Test
	void concurrentStartsRunOneAtATimeWithDistinctIds() throws Exception {
		int runs = 4;
		ExecutorService pool = Executors.newFixedThreadPool(runs);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<String>> ids = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			ids.add(pool.submit(() -> {
				go.await();
				return start(this.organizer, "{key: \"items\", value: \"40\"}").path("id").asString();
			}));
		}
		go.countDown();
		List<String> started = new ArrayList<>();
		for (Future<String> id : ids) {
			started.add(id.get(30, TimeUnit.SECONDS));
		}
		pool.shutdown();
		for (String id : started) {
			assertThat(awaitEnd(id).path("status").asString()).isEqualTo("COMPLETED");
		}

		assertThat(started).doesNotHaveDuplicates();
		List<Document> timeline = this.mongo.find(new Query().with(Sort.by("start")), Document.class, "job_timeline");
		assertThat(timeline).hasSize(runs);
		for (int i = 1; i < timeline.size(); i++) {
			assertThat(timeline.get(i).getLong("start")).as("run %d starts after run %d ended", i, i - 1)
				.isGreaterThanOrEqualTo(timeline.get(i - 1).getLong("end"));
		}
	}

	@Test
	void twoLaunchersRacingForOneScheduledSlotRunItOnce() throws Exception {
		String slot = "2026-11-27T03:00:00Z#" + System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Boolean>> launched = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			launched.add(pool.submit(() -> {
				go.await();
				return this.runner
					.launch(this.runner.job("countingJob"),
							new JobParametersBuilder().addString("hacktrail.slot", slot)
								.addString("items", "5")
								.toJobParameters())
					.isPresent();
			}));
		}
		go.countDown();
		int started = 0;
		for (Future<Boolean> result : launched) {
			started += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
		}
		pool.shutdown();

		assertThat(started).isEqualTo(1);
		org.springframework.batch.core.job.JobInstance instance = this.repository.getJobInstance("countingJob",
				new JobParametersBuilder().addString("hacktrail.slot", slot).addString("items", "5").toJobParameters());
		assertThat(instance).isNotNull();
		List<JobExecution> executions = this.repository.getJobExecutions(instance);
		assertThat(executions).hasSize(1);
		assertThat(awaitEnd(String.valueOf(executions.get(0).getId())).path("status").asString())
			.isEqualTo("COMPLETED");
	}

}
