package org.hacktrail.followup;

import java.time.Duration;
import java.util.Map;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts a batch job over GraphQL as an organizer and waits for the run to end. */
final class JobRuns {

	private JobRuns() {
	}

	static JsonNode run(Http http, TestAccounts.Account organizer, String job, Map<String, String> parameters)
			throws InterruptedException {
		StringBuilder list = new StringBuilder();
		parameters.forEach((key,
				value) -> list.append("{key: \"").append(key).append("\", value: \"").append(value).append("\"} "));
		Http.GraphQlResult started = http.graphql(
				"mutation { startJob(input: {name: \"" + job + "\", parameters: [" + list + "]}) { run { id } } }",
				organizer.headers());
		assertThat(started.hasErrors()).as(started.body().toString()).isFalse();
		return await(http, organizer, started.data().path("startJob").path("run").path("id").asString());
	}

	/**
	 * Waits for a failed run's reason: the run's end is recorded a moment before the
	 * job's listeners record why it failed ({@code FailedRunReport}), and the run is
	 * stored again then.
	 */
	static JsonNode awaitReason(Http http, TestAccounts.Account organizer, String id, String prefix)
			throws InterruptedException {
		JsonNode run = await(http, organizer, id);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!run.path("exitDescription").asString().startsWith(prefix) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			run = await(http, organizer, id);
		}
		return run;
	}

	static JsonNode await(Http http, TestAccounts.Account organizer, String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode run = http.graphql("{ jobRun(id: \"" + id
					+ "\") { id status exitCode exitDescription exitReason { code args { name value } } endedAt readCount "
					+ "writeCount "
					+ "skipCount filterCount total progress steps { name status readCount writeCount filterCount } } }",
					organizer.headers())
				.data()
				.path("jobRun");
			String status = run.path("status").asString();
			if (!status.equals("STARTING") && !status.equals("STARTED") && !run.path("endedAt").isNull()) {
				return run;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Job run " + id + " did not end in 90 s");
	}

}
