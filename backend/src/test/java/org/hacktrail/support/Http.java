package org.hacktrail.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small HTTP client for tests that need to see the wire: status codes, headers,
 * cookies. It keeps cookies like a browser and never follows redirects by itself.
 */
public final class Http {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String base;

	private final CookieManager cookies;

	private final HttpClient client;

	public Http(String base) {
		this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
	}

	private Http(String base, CookieManager cookies) {
		this.base = base;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * The same browser (same cookies) talking to another instance, e.g. behind a load
	 * balancer: cookies are per host, not per port, as in a browser.
	 */
	public Http at(String otherBase) {
		return new Http(otherBase, this.cookies);
	}

	public static Http localhost(int port) {
		return new Http("http://localhost:" + port);
	}

	public String base() {
		return this.base;
	}

	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public void clearCookies() {
		this.cookies.getCookieStore().removeAll();
	}

	public HttpResponse<String> get(String pathOrUrl, String... headers) {
		return send(request(pathOrUrl, headers).GET().build());
	}

	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		HttpRequest.Builder builder = request(path, headers).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		return send(builder.build());
	}

	/** POSTs JSON, adding the CSRF header when the XSRF-TOKEN cookie is present. */
	public HttpResponse<String> postJsonWithCsrf(String path, String json, String... headers) {
		String[] all = withCsrf(headers);
		return post(path, "application/json", json, all);
	}

	/** A GraphQL request with the session cookie (if any) and the CSRF header. */
	public GraphQlResult graphql(String query, String... headers) {
		return graphql(query, null, headers);
	}

	public GraphQlResult graphql(String query, ObjectNode variables, String... headers) {
		ObjectNode body = JSON.createObjectNode().put("query", query);
		if (variables != null) {
			body.set("variables", variables);
		}
		HttpResponse<String> response = post("/graphql", "application/json", body.toString(), withCsrf(headers));
		return new GraphQlResult(response.statusCode(), JSON.readTree(response.body()), response);
	}

	public static ObjectNode json() {
		return JSON.createObjectNode();
	}

	public static JsonNode parse(String body) {
		return JSON.readTree(body);
	}

	private String[] withCsrf(String[] headers) {
		Optional<String> token = cookie("XSRF-TOKEN");
		if (token.isEmpty()) {
			return headers;
		}
		String[] all = new String[headers.length + 2];
		System.arraycopy(headers, 0, all, 0, headers.length);
		all[headers.length] = "X-XSRF-TOKEN";
		all[headers.length + 1] = token.get();
		return all;
	}

	private HttpRequest.Builder request(String pathOrUrl, String... headers) {
		URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP call failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A GraphQL response: the HTTP status and the parsed body. */
	public record GraphQlResult(int status, JsonNode body, HttpResponse<String> response) {

		public JsonNode data() {
			return this.body.path("data");
		}

		public boolean hasErrors() {
			return this.body.has("errors") && !this.body.get("errors").isEmpty();
		}

		public String errorCode() {
			return this.body.path("errors").path(0).path("extensions").path("code").asText(null);
		}

		public String errorMessage() {
			return this.body.path("errors").path(0).path("message").asText(null);
		}

	}

}
