package org.hacktrail.followup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every follow-up test shares (one application context for all of them): a notifier
 * that records what it sends, and a stub of the GitHub repository API on a loopback port
 * — never the internet.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FollowUpTestConfiguration {

	@Bean
	@Primary
	RecordingNotifier recordingNotifier(org.hacktrail.notification.NotificationService notifications,
			org.hacktrail.hackathon.HackathonService hackathons) {
		return new RecordingNotifier(new NotificationFollowUpNotifier(notifications, hackathons));
	}

	@Bean(destroyMethod = "stop")
	StubRepositoryApi stubRepositoryApi() throws IOException {
		return new StubRepositoryApi();
	}

	@Bean
	@Primary
	ActivitySettings testActivitySettings(StubRepositoryApi stub) {
		return new ActivitySettings(stub.baseUri(), "test-token", List.of("github.com"), Duration.ofSeconds(3),
				Duration.ofHours(20), Duration.ofSeconds(5));
	}

	/**
	 * Notifications sent, in order; each is also delivered by the real notifier, to the
	 * users' notifications.
	 */
	static final class RecordingNotifier implements FollowUpNotifier {

		record Sent(String kind, String projectId, Set<String> recipients, Object payload) {
		}

		final List<Sent> sent = new CopyOnWriteArrayList<>();

		private final FollowUpNotifier delivering;

		RecordingNotifier(FollowUpNotifier delivering) {
			this.delivering = delivering;
		}

		@Override
		public void followUpRequested(FollowUpRequest request, String projectName, Set<String> teamLeadIds) {
			this.sent.add(new Sent("FOLLOW_UP_REQUESTED", request.projectId(), Set.copyOf(teamLeadIds), request));
			this.delivering.followUpRequested(request, projectName, teamLeadIds);
		}

		@Override
		public void trailChanged(TrailChange change, Set<String> followerIds) {
			this.sent.add(new Sent(change.kind().name(), change.projectId(), Set.copyOf(followerIds), change));
			this.delivering.trailChanged(change, followerIds);
		}

		List<Sent> about(String projectId) {
			return this.sent.stream().filter((s) -> s.projectId().equals(projectId)).toList();
		}

	}

	/**
	 * A GitHub-compatible {@code GET /repos/{owner}/{repo}} and {@code GET
	 * /repos/{owner}/{repo}/contents/g0v.json} on a loopback port. Each address (after
	 * {@code /repos/}) answers what the test put in {@link #answers}; unknown ones are
	 * 404. Every request is recorded.
	 */
	static final class StubRepositoryApi {

		/** One answer: status, headers, body. */
		record Answer(int status, Map<String, String> headers, String body) {

			static Answer pushed(String pushedAt) {
				return new Answer(200, Map.of(), "{\"full_name\":\"x\",\"pushed_at\":\"" + pushedAt + "\"}");
			}

			/**
			 * A file as the contents API gives it: base64 in lines of 60 characters, its
			 * blob sha and address.
			 */
			static Answer file(String ownerRepo, String text, String sha) {
				String base64 = java.util.Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(text.getBytes(StandardCharsets.UTF_8));
				return new Answer(200, Map.of(),
						"{\"type\":\"file\",\"encoding\":\"base64\",\"name\":\"g0v.json\",\"path\":\"g0v.json\","
								+ "\"size\":" + text.getBytes(StandardCharsets.UTF_8).length + ",\"sha\":\"" + sha
								+ "\",\"html_url\":\"https://github.com/" + ownerRepo + "/blob/main/g0v.json\","
								+ "\"content\":\"" + base64.replace("\n", "\\n") + "\"}");
			}

		}

		final Map<String, List<Answer>> answers = new java.util.concurrent.ConcurrentHashMap<>();

		final List<String> requests = new CopyOnWriteArrayList<>();

		final AtomicReference<String> lastAuthorization = new AtomicReference<>();

		private final HttpServer server;

		StubRepositoryApi() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", this::handle);
			this.server.start();
		}

		URI baseUri() {
			return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/v3");
		}

		/** Answers for a repository, used in turn (the last one repeats). */
		void answer(String ownerRepo, Answer... answers) {
			this.answers.put(ownerRepo, new CopyOnWriteArrayList<>(List.of(answers)));
		}

		void reset() {
			this.answers.clear();
			this.requests.clear();
		}

		/** Requests for repositories, not for their files. */
		List<String> repositoryRequests() {
			return this.requests.stream().filter((r) -> !r.contains("/contents/")).toList();
		}

		long requestsFor(String ownerRepo) {
			return this.requests.stream().filter((r) -> r.equals(ownerRepo)).count();
		}

		private void handle(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath();
			String ownerRepo = path.replaceFirst("^/api/v3/repos/", "");
			this.requests.add(ownerRepo);
			this.lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			List<Answer> queue = this.answers.get(ownerRepo);
			Answer answer = (queue == null || queue.isEmpty())
					? new Answer(404, Map.of(), "{\"message\":\"Not Found\"}")
					: (queue.size() > 1) ? queue.remove(0) : queue.get(0);
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		}

		void stop() {
			this.server.stop(0);
		}

	}

}
