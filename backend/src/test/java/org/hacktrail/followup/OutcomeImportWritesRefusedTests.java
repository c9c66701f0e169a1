package org.hacktrail.followup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.batch.RunEnds;
import org.hacktrail.proposal.Project;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

/**
 * The million-row import's failure, small: the service on the default store (H2 file),
 * and the file stops taking writes in the state-refresh step, so that the refresh's
 * commit fails, the store fails closed, and Spring Batch cannot record the step's failure
 * or the run's end ("unknown state"). Once the file takes writes again, the run is
 * recorded FAILED with its reason, and a restart completes it with every row stored once
 * and every project refreshed. Needs root (chattr, as
 * {@code StoreFailClosedServiceTests}); CI runs as root.
 */
@EmbeddedStoreOnly
@TimingSensitive
class OutcomeImportWritesRefusedTests {

	@TempDir
	Path dataDir;

	@TempDir
	Path importDir;

	/**
	 * Calls of the refresh step's write so far; the first one meets the file refusing.
	 */
	final AtomicInteger refreshWrites = new AtomicInteger();

	@Test
	void aRunWhoseEndTheStoreRefusedIsRecordedFailedOnceItTakesWritesAndARestartCompletesIt() throws Exception {
		assumeThat(System.getProperty("user.name")).as("chattr needs root").isEqualTo("root");
		Path file = this.dataDir.resolve("hacktrail.mv.db");
		AtomicInteger refreshWrites = this.refreshWrites;
		BeanPostProcessor failFirstRefresh = new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof FollowUpStates states)) {
					return bean;
				}
				FollowUpStates spy = Mockito.spy(states);
				doAnswer((invocation) -> {
					if (refreshWrites.incrementAndGet() == 1) {
						// The file stops taking writes: this write's commit fails.
						chattr("+i", file);
					}
					return invocation.callRealMethod();
				}).when(spy).write(anyList());
				return spy;
			}
		};
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HacktrailApplication.class)
			.initializers((ctx) -> ctx.getBeanFactory().addBeanPostProcessor(failFirstRefresh))
			.run("--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=h2",
					"--hacktrail.store.embedded.data-dir=" + this.dataDir,
					"--hacktrail.outcomes.import-dir=" + this.importDir, "--hacktrail.outcomes.import-chunk-size=5")) {
			try {
				run(context, file);
			}
			finally {
				chattr("-i", file);
			}
		}
	}

	private void run(ConfigurableApplicationContext context, Path file) throws Exception {
		Http http = Http.localhost(((WebServerApplicationContext) context).getWebServer().getPort());
		TestAccounts.Account organizer = new TestAccounts(context.getBean(UserDirectory.class),
				context.getBean(ApiTokenRepository.class))
			.organizer();
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		FollowUpFixtures fixtures = new FollowUpFixtures(mongo);
		List<Project> projects = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			projects.add(fixtures.project("Refused " + i, null));
		}
		Path csv = this.importDir.resolve("refused.csv");
		Files.writeString(csv, OutcomeImportTestSupport.pilotRows(projects, 0, 40));
		RunEnds runEnds = context.getBean(RunEnds.class);

		Http.GraphQlResult started = http.graphql(
				"mutation { startJob(input: {name: \"outcomeImport\", parameters: [{key: \"file\", value: \"refused.csv\"}]}) "
						+ "{ run { id } } }",
				organizer.headers());
		assertThat(started.hasErrors()).as(started.body().toString()).isFalse();
		String runId = started.data().path("startJob").path("run").path("id").asString();

		await("the run ended without its end recorded", () -> runEnds.unrecorded().contains(Long.valueOf(runId)));
		assertThat(this.refreshWrites).as("the refresh step's first write met the file").hasValue(1);
		// What Spring Batch left: the run still "STARTED", which nothing could restart.
		JsonNode stuck = run(http, organizer, runId);
		assertThat(stuck.path("status").asString()).as(stuck.toString()).isEqualTo("STARTED");
		assertThat(stuck.path("endedAt").isNull()).isTrue();

		chattr("-i", file);

		JsonNode failed = JobRuns.awaitReason(http, organizer, runId, "Store failure");
		assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.path("exitDescription").asString()).startsWith("Store failure")
			.contains("in step outcomeStateRefreshStep")
			// The API shortens a long description; the store's message is long.
			.contains(RunEnds.RECORDED_LATE.substring(0, 45));
		assertThat(failed.path("exitReason").path("code").asString()).isEqualTo("STORE_FAILURE");
		assertThat(failed.path("steps").findValuesAsString("status")).containsExactly("COMPLETED", "FAILED");
		assertThat(runEnds.unrecorded()).isEmpty();

		Http.GraphQlResult restarted = http
			.graphql("mutation { restartJob(input: {id: \"" + runId + "\"}) { run { id } } }", organizer.headers());
		assertThat(restarted.hasErrors()).as(restarted.body().toString()).isFalse();
		JsonNode done = JobRuns.await(http, organizer,
				restarted.data().path("restartJob").path("run").path("id").asString());
		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");

		List<OutcomeMilestone> milestones = mongo.findAll(OutcomeMilestone.class, FollowUpStates.MILESTONES);
		assertThat(milestones).extracting(OutcomeMilestone::note).hasSize(40).doesNotHaveDuplicates();
		assertThat(projects).allSatisfy((p) -> {
			ProjectFollowUp followUp = mongo.findById(p.id(), ProjectFollowUp.class);
			assertThat(followUp).isNotNull();
			assertThat(followUp.isStale()).isFalse();
			assertThat(followUp.outcomes()).hasSize(10);
		});
	}

	private static JsonNode run(Http http, TestAccounts.Account organizer, String id) {
		return http.graphql("{ jobRun(id: \"" + id + "\") { id status endedAt } }", organizer.headers())
			.data()
			.path("jobRun");
	}

	static void chattr(String flag, Path file) {
		try {
			Process chattr = new ProcessBuilder("chattr", flag, file.toString()).inheritIO().start();
			assumeThat(chattr.waitFor()).as("chattr works here").isZero();
		}
		catch (java.io.IOException ex) {
			assumeThat(ex).as("chattr is installed").isNull();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for: " + what);
			}
			Thread.sleep(100);
		}
	}

}
