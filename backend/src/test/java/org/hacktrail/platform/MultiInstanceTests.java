package org.hacktrail.platform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.batch.BatchTestHooks;
import org.hacktrail.support.Http;
import org.hacktrail.support.Instances;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Hacktrail instances (two application contexts on their own ports) on one store, as
 * behind a load balancer: a browser session started on one works on the other, signing
 * out on either ends it on both, the CSRF token works on both, and a scheduled job slot
 * fired on both at once runs exactly once.
 */
class MultiInstanceTests {

	static Instances instances;

	@BeforeAll
	static void start() {
		instances = Instances.start(2, List.of(BatchTestHooks.SlotJob.class), Map.of());
	}

	@AfterAll
	static void stop() {
		if (instances != null) {
			instances.close();
		}
	}

	private static Http signedIn(String persona) {
		Http a = new Http(instances.base(0));
		a.get("/api/auth/options");
		HttpResponse<String> login = a.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"" + persona + "\"}");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(a.cookie("HACKTRAIL_SESSION")).isPresent();
		return a;
	}

	@Test
	void aJudgeSignedInOnInstanceAKeepsWorkingOnInstanceB() {
		Http onA = signedIn("judge-public");
		JsonNode meOnA = onA.graphql("{ me { id roles } }").data().path("me");

		Http onB = onA.at(instances.base(1));
		JsonNode meOnB = onB.graphql("{ me { id roles } }").data().path("me");

		assertThat(meOnB.path("id").asString()).isNotEmpty().isEqualTo(meOnA.path("id").asString());
		assertThat(meOnB.path("roles").toString()).contains("JUDGE");
	}

	@Test
	void theCsrfTokenFromInstanceAIsAcceptedOnInstanceBAndStillRequired() {
		Http onB = signedIn("proposer").at(instances.base(1));

		Http.GraphQlResult created = onB.graphql("mutation { createApiToken(input: {name: \"from B\"}) { secret } }");
		assertThat(created.hasErrors()).as(created.body().toString()).isFalse();

		HttpResponse<String> forged = onB.post("/graphql", "application/json",
				"{\"query\":\"mutation { createApiToken(input: {name: \\\"forged\\\"}) { secret } }\"}");
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void signingOutOnInstanceBEndsTheSessionOnInstanceA() {
		Http onA = signedIn("organizer");
		Http onB = onA.at(instances.base(1));
		assertThat(onB.graphql("{ me { id } }").data().path("me").isObject()).isTrue();
		String session = onA.cookie("HACKTRAIL_SESSION").orElseThrow();

		HttpResponse<String> logout = onB.postJsonWithCsrf("/logout", "{}");
		assertThat(logout.statusCode()).isEqualTo(204);

		// The same cookie, replayed on A (as a stolen or cached cookie would be), is no
		// longer signed in.
		Http replay = new Http(instances.base(0));
		JsonNode me = replay.graphql("{ me { id } }", "Cookie", "HACKTRAIL_SESSION=" + session).data().path("me");
		assertThat(me.isNull() || me.isMissingNode()).as(me.toString()).isTrue();
		assertThat(onA.graphql("{ me { id } }").data().path("me").isNull()).isTrue();
		MongoTemplate mongo = instances.context(0).getBean(MongoTemplate.class);
		assertThat(mongo.getCollection("sessions").countDocuments(new Document("principal", me.path("id").asString())))
			.isZero();
	}

	@Test
	void aScheduledSlotFiredOnBothInstancesAtOnceRunsOnce() throws Exception {
		// Both calls must fall in the same minute (the slot); stay clear of a minute
		// boundary.
		while (LocalTime.now().getSecond() > 50) {
			Thread.sleep(500);
		}
		MongoTemplate mongo = instances.context(0).getBean(MongoTemplate.class);
		long before = mongo.getCollection("slot_runs").countDocuments();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Object>> fired = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			int index = i;
			fired.add(pool.submit(() -> {
				go.await();
				BatchTestHooks.runScheduled(instances.context(index), "slotJob");
				return null;
			}));
		}
		go.countDown();
		for (Future<Object> f : fired) {
			f.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();

		JobRepository repository = instances.context(0).getBean(JobRepository.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!repository.findRunningJobExecutions("slotJob").isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		List<JobInstance> slots = repository.getJobInstances("slotJob", 0, 10);
		assertThat(slots).hasSize(1);
		List<JobExecution> executions = repository.getJobExecutions(slots.get(0));
		assertThat(executions).hasSize(1);
		assertThat(executions.get(0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(mongo.getCollection("slot_runs").countDocuments() - before).isEqualTo(1);
		assertThat(mongo.count(new Query(Criteria.where("jobName").is("slotJob")), "BATCH_JOB_INSTANCE")).isEqualTo(1);

		// The run is in the batch metrics of the instance that ran it.
		String runner = mongo.findOne(new Query(), Document.class, "slot_runs").getString("instance");
		int index = runner.startsWith("hacktrail-a") ? 0 : 1;
		TestAccounts accounts = new TestAccounts(instances.context(index).getBean(UserDirectory.class),
				instances.context(index).getBean(ApiTokenRepository.class));
		HttpResponse<String> metrics = new Http(instances.base(index)).get("/actuator/prometheus",
				accounts.organizer().headers());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("spring_batch_job").contains("slotJob");
	}

}
