package org.hacktrail.followup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a repository's last push from a GitHub-compatible API ({@code GET
 * /repos/{owner}/{repo}}, {@code pushed_at}) and the {@code g0v.json} at its root
 * ({@code GET /repos/{owner}/{repo}/contents/g0v.json}), honouring its rate limits.
 *
 * <p>
 * Rate limits, as GitHub documents them: a 403 or 429 with {@code Retry-After} says how
 * many seconds to wait; a response with {@code X-RateLimit-Remaining: 0} says that no
 * request is left until {@code X-RateLimit-Reset} (epoch seconds) — on any response, so
 * the client stops before the next request instead of spending one to be refused. A wait
 * up to {@code maxWait} is slept and the request retried (a few times at most); a longer
 * wait is not slept — a batch job that sleeps an hour holds the single job thread from
 * every other job — the result is {@link Result.RateLimited} with the time the API can be
 * asked again, and the job stops and leaves the remaining projects for a run after that
 * time.
 */
@Component
class RepositoryActivityClient {

	/** What the API said about one repository. */
	sealed interface Result {

		/** The repository's last push (null when it was never pushed to). */
		record Found(@Nullable LocalDate lastPushedOn, boolean archived) implements Result {
		}

		/** The repository does not exist, or is private. */
		record NotFound(String reason) implements Result {
		}

		/**
		 * Another failure (server error, unreadable answer); the check moves on to the
		 * next project.
		 */
		record Failed(String reason) implements Result {
		}

		/** The rate limit is used up until {@code until}. */
		record RateLimited(Instant until, String reason) implements Result {
		}

	}

	/** Sleeps; replaced in tests to record the waits instead of spending them. */
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	private static final int ATTEMPTS = 3;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ActivitySettings settings;

	private final Clock clock;

	private final HttpClient http;

	private Sleeper sleeper = (duration) -> Thread.sleep(duration.toMillis());

	/** When the last response said no request is left: none is sent before this. */
	private volatile @Nullable Instant exhaustedUntil;

	RepositoryActivityClient(ActivitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	void setSleeper(Sleeper sleeper) {
		this.sleeper = sleeper;
	}

	/**
	 * Forgets an exhausted rate limit (tests; an operator who knows the limit was
	 * raised).
	 */
	void forgetRateLimit() {
		this.exhaustedUntil = null;
	}

	/**
	 * {@code owner} and {@code repo} of a repository URL on one of the configured hosts.
	 */
	Optional<String[]> repository(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url.strip());
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "")
					: "";
			if (!this.settings.hosts().contains(host) || uri.getPath() == null) {
				return Optional.empty();
			}
			String[] parts = uri.getPath().replaceAll("^/+|/+$", "").split("/+");
			if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
				return Optional.empty();
			}
			String repo = parts[1].replaceAll("\\.git$", "");
			return repo.isBlank() ? Optional.empty() : Optional.of(new String[] { parts[0], repo });
		}
		catch (java.net.URISyntaxException ex) {
			return Optional.empty();
		}
	}

	Result lastPush(String owner, String repo) throws InterruptedException {
		Sent sent = send(repositoryUri(owner, repo, ""), "application/vnd.github+json");
		if (sent.stopped() != null) {
			return sent.stopped();
		}
		HttpResponse<String> response = sent.response();
		int status = response.statusCode();
		if (status == 403 || status == 429) {
			return new Result.Failed("The API refused the request (HTTP " + status + ").");
		}
		if (status == 404 || status == 410 || status == 451) {
			return new Result.NotFound("Repository " + owner + "/" + repo + " not found (HTTP " + status
					+ "); it may be private, renamed or deleted.");
		}
		if (status >= 300) {
			return new Result.Failed("The API answered HTTP " + status + ".");
		}
		return found(response.body());
	}

	/** What the contents API said about {@code g0v.json} at the root of a repository. */
	sealed interface FileResult {

		/** The repository has no such file (HTTP 404). */
		record Absent() implements FileResult {
		}

		/**
		 * The file's text (UTF-8), its git blob sha and its address on the code host.
		 */
		record Fetched(String text, @Nullable String sha, @Nullable String htmlUrl, @Nullable String commit,
				@Nullable Instant committedAt) implements FileResult {

			Fetched(String text, @Nullable String sha, @Nullable String htmlUrl) {
				this(text, sha, htmlUrl, null, null);
			}

			Fetched withCommit(@Nullable String commit, @Nullable Instant committedAt) {
				return new Fetched(this.text, this.sha, this.htmlUrl, commit, committedAt);
			}

		}

		/** The file could not be read (too large, not UTF-8, a server error). */
		record Failed(String reason) implements FileResult {
		}

		/** The rate limit is used up: the file waits for the next run. */
		record Limited(Result.RateLimited limit) implements FileResult {
		}

	}

	/** The largest g0v.json read; a bigger one is reported, not read. */
	static final int MAX_G0V_JSON_BYTES = 100_000;

	/**
	 * {@code g0v.json} at the root of a repository's default branch ({@code GET
	 * /repos/{owner}/{repo}/contents/g0v.json}: base64 content, blob sha, html_url), with
	 * the same rate-limit handling as {@link #lastPush}.
	 */
	FileResult g0vJson(String owner, String repo) throws InterruptedException {
		Sent sent = send(repositoryUri(owner, repo, "/contents/g0v.json"), "application/vnd.github+json");
		if (sent.stopped() instanceof Result.RateLimited limited) {
			return new FileResult.Limited(limited);
		}
		if (sent.stopped() != null) {
			return new FileResult.Failed(reason(sent.stopped()));
		}
		HttpResponse<String> response = sent.response();
		int status = response.statusCode();
		if (status == 404) {
			return new FileResult.Absent();
		}
		if (status >= 300) {
			return new FileResult.Failed("The API answered HTTP " + status + " for g0v.json.");
		}
		try {
			JsonNode file = JSON.readTree(response.body());
			if (!"file".equals(file.path("type").asString(""))) {
				return new FileResult.Failed("g0v.json at the repository's root is not a file.");
			}
			if (file.path("size").asLong(0) > MAX_G0V_JSON_BYTES) {
				return new FileResult.Failed("g0v.json is " + file.path("size").asLong() + " bytes; at most "
						+ MAX_G0V_JSON_BYTES + " are read.");
			}
			if (!"base64".equals(file.path("encoding").asString(""))) {
				return new FileResult.Failed("The API did not send g0v.json's content (encoding "
						+ file.path("encoding").asString("none") + ").");
			}
			byte[] bytes = java.util.Base64.getMimeDecoder().decode(file.path("content").asString(""));
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
				.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString();
			return new FileResult.Fetched(text, textOrNull(file.path("sha")), textOrNull(file.path("html_url")));
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return new FileResult.Failed("g0v.json is not UTF-8 text.");
		}
		catch (RuntimeException ex) {
			return new FileResult.Failed("The API's answer for g0v.json could not be read: " + ex.getMessage());
		}
	}

	/** The last commit that changed a file: its sha and when it was committed. */
	record Commit(String sha, @Nullable Instant committedAt) {
	}

	/**
	 * The last commit that changed {@code g0v.json} ({@code GET
	 * /repos/{owner}/{repo}/commits?path=g0v.json&per_page=1}); empty when the API does
	 * not say (an error, a rate limit: the file is proposed from all the same, without
	 * its commit).
	 */
	Optional<Commit> g0vJsonCommit(String owner, String repo) throws InterruptedException {
		Sent sent = send(repositoryUri(owner, repo, "/commits?path=g0v.json&per_page=1"),
				"application/vnd.github+json");
		if (sent.stopped() != null || sent.response().statusCode() >= 300) {
			return Optional.empty();
		}
		try {
			JsonNode last = JSON.readTree(sent.response().body()).path(0);
			String sha = textOrNull(last.path("sha"));
			String date = textOrNull(last.path("commit").path("committer").path("date"));
			if (sha == null) {
				return Optional.empty();
			}
			return Optional.of(new Commit(sha, (date != null) ? OffsetDateTime.parse(date).toInstant() : null));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static @Nullable String textOrNull(JsonNode node) {
		return (node.isString() && !node.asString().isBlank()) ? node.asString() : null;
	}

	private static String reason(Result result) {
		if (result instanceof Result.Failed failed) {
			return failed.reason();
		}
		if (result instanceof Result.NotFound notFound) {
			return notFound.reason();
		}
		return (result instanceof Result.RateLimited limited) ? limited.reason() : "";
	}

	private URI repositoryUri(String owner, String repo, String rest) {
		return URI.create(this.settings.baseUrl().toString().replaceAll("/+$", "") + "/repos/" + encode(owner) + "/"
				+ encode(repo) + rest);
	}

	/**
	 * A response, or why none is to be had: the rate limit needs a wait longer than
	 * {@code maxWait}, the API could not be reached, or it kept asking to wait.
	 */
	private record Sent(@Nullable HttpResponse<String> response, @Nullable Result stopped) {
	}

	/**
	 * One GET, with the rate limits honoured: a short wait is slept and the request
	 * retried (a few times), a long one stops.
	 */
	private Sent send(URI uri, String accept) throws InterruptedException {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Instant exhausted = this.exhaustedUntil;
			if (exhausted != null && exhausted.isAfter(this.clock.instant())) {
				Optional<Result> stop = waitOrStop(Duration.between(this.clock.instant(), exhausted), exhausted,
						"The API's rate limit is used up until " + exhausted + ".");
				if (stop.isPresent()) {
					return new Sent(null, stop.get());
				}
			}
			HttpResponse<String> response;
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri)
					.timeout(this.settings.timeout())
					.header("Accept", accept)
					.header("User-Agent", "Hacktrail activity check")
					.GET();
				if (this.settings.token() != null && !this.settings.token().isBlank()) {
					request.header("Authorization", "Bearer " + this.settings.token().strip());
				}
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				return new Sent(null, new Result.Failed("The repository API could not be reached: " + ex.getMessage()));
			}
			remember(response);
			int status = response.statusCode();
			if (status == 403 || status == 429) {
				Optional<Instant> until = retryAt(response);
				if (until.isPresent()) {
					Optional<Result> stop = waitOrStop(Duration.between(this.clock.instant(), until.get()), until.get(),
							"The API asked to wait until " + until.get() + " (HTTP " + status + ").");
					if (stop.isPresent()) {
						return new Sent(null, stop.get());
					}
					continue;
				}
			}
			return new Sent(response, null);
		}
		return new Sent(null,
				new Result.Failed("The API kept asking to wait; gave up after " + ATTEMPTS + " attempts."));
	}

	private Optional<Result> waitOrStop(Duration wait, Instant until, String reason) throws InterruptedException {
		if (wait.compareTo(this.settings.maxWait()) > 0) {
			return Optional.of(new Result.RateLimited(until, reason));
		}
		if (!wait.isNegative() && !wait.isZero()) {
			this.sleeper.sleep(wait);
		}
		return Optional.empty();
	}

	/** Remembers an exhausted budget (X-RateLimit-Remaining: 0) until its reset. */
	private void remember(HttpResponse<String> response) {
		Optional<String> remaining = response.headers().firstValue("X-RateLimit-Remaining");
		Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
		if (remaining.isPresent() && reset.isPresent() && remaining.get().strip().equals("0")) {
			try {
				this.exhaustedUntil = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
			}
			catch (NumberFormatException ex) {
				// An unreadable reset is ignored; a refusal will say Retry-After.
			}
		}
	}

	/**
	 * When a refused request may be retried: Retry-After (seconds), else the rate limit's
	 * reset.
	 */
	private Optional<Instant> retryAt(HttpResponse<String> response) {
		Optional<String> retryAfter = response.headers().firstValue("Retry-After");
		if (retryAfter.isPresent()) {
			try {
				return Optional
					.of(this.clock.instant().plusSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip()))));
			}
			catch (NumberFormatException ex) {
				// An HTTP date instead of seconds: treat as unknown below.
			}
		}
		Instant exhausted = this.exhaustedUntil;
		return Optional.ofNullable(exhausted);
	}

	private static Result found(String body) {
		try {
			JsonNode repository = JSON.readTree(body);
			JsonNode pushed = repository.path("pushed_at");
			LocalDate lastPushedOn = (pushed.isString() && !pushed.asString().isBlank())
					? OffsetDateTime.parse(pushed.asString()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
					: null;
			return new Result.Found(lastPushedOn, repository.path("archived").asBoolean(false));
		}
		catch (RuntimeException ex) {
			return new Result.Failed("The API's answer could not be read: "
					+ ((ex instanceof DateTimeParseException) ? "pushed_at is not a date" : ex.getMessage()));
		}
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
