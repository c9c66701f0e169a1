package org.hacktrail.platform.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import graphql.ParseAndValidate;
import graphql.language.Document;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hacktrail.platform.BufferedBodyRequest;
import org.hacktrail.platform.GraphQlDocumentCache;
import org.hacktrail.platform.GraphQlParsing;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security (it needs the caller): charges expensive GraphQL requests —
 * every mutation, and queries whose estimated cost reaches
 * {@code hacktrail.rate-limit.expensive-query-cost} ({@link GraphQlCost}) — to the
 * caller's user and address buckets, and answers 429 with {@code Retry-After} once either
 * is spent. Cheap queries are never limited here, so reading public pages is not
 * throttled.
 *
 * <p>
 * Refused requests are charged the same way: a body that is no GraphQL request, a
 * document over the parser's caps or with a syntax error ({@link GraphQlParsing}), and —
 * after GraphQL answered — a document that failed validation (one the document cache did
 * not keep). Once the caller's budget is spent, a refused document gets 429 too: a
 * document the cache does not know is validated here first, so that valid cheap reads
 * still go through.
 */
@Component
@Order(0)
public class ExpensiveOperationFilter extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RateLimiter limiter;

	private final GraphQlDocumentCache.Provider documents;

	private final ObjectProvider<GraphQlSource> graphQl;

	ExpensiveOperationFilter(RateLimiter limiter, GraphQlDocumentCache.Provider documents,
			ObjectProvider<GraphQlSource> graphQl) {
		this.limiter = limiter;
		this.documents = documents;
		this.graphQl = graphQl;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limiter.enabled() || !"POST".equals(request.getMethod())
				|| !"/graphql".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The body limit filter ran before: at most hacktrail.http.max-body bytes.
		byte[] body = request.getInputStream().readAllBytes();
		HttpServletRequest replay = new BufferedBodyRequest(request, body);
		Read read = read(body);
		boolean knownValid = read.query() != null && this.documents.isKnownValid(read.query());
		boolean charged = false;
		if (read.refused() || (read.estimate() != null
				&& read.estimate().expensive(this.limiter.properties().expensiveQueryCost()))) {
			Optional<Duration> wait = charge(request);
			charged = true;
			if (wait.isPresent()) {
				TooManyRequests.write(response, wait.get(), "changes, expensive queries or refused documents");
				return;
			}
		}
		else if (!knownValid && read.document() != null) {
			Optional<Duration> wait = spent(request);
			if (wait.isPresent() && !ParseAndValidate
				.validate(this.graphQl.getObject().schema(), read.document(), request.getLocale())
				.isEmpty()) {
				TooManyRequests.write(response, wait.get(), "changes, expensive queries or refused documents");
				return;
			}
		}
		chain.doFilter(replay, response);
		if (!charged && !knownValid && read.query() != null && !this.documents.isKnownValid(read.query())) {
			// GraphQL refused the document (validation): charged now, felt by the next
			// request.
			charge(request);
		}
	}

	/**
	 * One from the caller's user bucket (signed in) and address bucket; how long to wait
	 * if either is spent.
	 */
	private Optional<Duration> charge(HttpServletRequest request) {
		String user = user();
		Optional<Duration> wait = (user != null) ? this.limiter.tryConsume(RateLimiter.Kind.EXPENSIVE_PER_USER, user)
				: Optional.empty();
		if (wait.isEmpty()) {
			wait = this.limiter.tryConsume(RateLimiter.Kind.EXPENSIVE_PER_ADDRESS, request.getRemoteAddr());
		}
		return wait;
	}

	/** The same buckets, looked at without taking from them. */
	private Optional<Duration> spent(HttpServletRequest request) {
		String user = user();
		Optional<Duration> wait = (user != null) ? this.limiter.check(RateLimiter.Kind.EXPENSIVE_PER_USER, user)
				: Optional.empty();
		return wait.isPresent() ? wait
				: this.limiter.check(RateLimiter.Kind.EXPENSIVE_PER_ADDRESS, request.getRemoteAddr());
	}

	/**
	 * What a request body holds: its query and estimate; {@code refused} when it is no
	 * GraphQL request, or its document breaks a parser cap or has a syntax error (GraphQL
	 * then answers why).
	 */
	record Read(@Nullable String query, @Nullable Document document, GraphQlCost.@Nullable Estimate estimate,
			boolean refused) {
	}

	static Read read(byte[] body) {
		String query = null;
		try {
			JsonNode request = JSON.readTree(body);
			if (!request.path("query").isString()) {
				return new Read(null, null, null, true);
			}
			query = request.path("query").asString();
			Document document = GraphQlParsing.parse(query);
			String operationName = request.path("operationName").isString() ? request.path("operationName").asString()
					: null;
			@SuppressWarnings("unchecked")
			Map<String, Object> variables = request.path("variables").isObject()
					? JSON.convertValue(request.path("variables"), Map.class) : Map.of();
			return new Read(query, document, GraphQlCost.estimate(document, operationName, variables).orElse(null),
					false);
		}
		catch (RuntimeException ex) {
			// Not JSON, not GraphQL, over the parser's caps.
			return new Read(query, null, null, true);
		}
	}

	private static @Nullable String user() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		return authentication.getName();
	}

}
