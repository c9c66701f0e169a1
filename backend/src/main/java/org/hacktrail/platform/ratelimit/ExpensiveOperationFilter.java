package org.hacktrail.platform.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import graphql.language.Document;
import graphql.parser.Parser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hacktrail.platform.BufferedBodyRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security (it needs the caller): charges expensive GraphQL requests — every mutation, and
 * queries whose estimated cost reaches {@code hacktrail.rate-limit.expensive-query-cost} ({@link GraphQlCost}) — to
 * the caller's user and address buckets, and answers 429 with {@code Retry-After} once either is spent. Cheap
 * queries are never limited here, so reading public pages is not throttled.
 */
@Component
@Order(0)
public class ExpensiveOperationFilter extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RateLimiter limiter;

	ExpensiveOperationFilter(RateLimiter limiter) {
		this.limiter = limiter;
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
		Optional<GraphQlCost.Estimate> estimate = estimate(body);
		if (estimate.isPresent() && estimate.get().expensive(this.limiter.properties().expensiveQueryCost())) {
			String user = user();
			Optional<Duration> wait = (user != null)
					? this.limiter.tryConsume(RateLimiter.Kind.EXPENSIVE_PER_USER, user) : Optional.empty();
			if (wait.isEmpty()) {
				wait = this.limiter.tryConsume(RateLimiter.Kind.EXPENSIVE_PER_ADDRESS, request.getRemoteAddr());
			}
			if (wait.isPresent()) {
				TooManyRequests.write(response, wait.get(), "changes or expensive queries");
				return;
			}
		}
		chain.doFilter(replay, response);
	}

	static Optional<GraphQlCost.Estimate> estimate(byte[] body) {
		try {
			JsonNode request = JSON.readTree(body);
			JsonNode query = request.path("query");
			if (!query.isString()) {
				return Optional.empty();
			}
			Document document = Parser.parse(query.asString());
			String operationName = request.path("operationName").isString() ? request.path("operationName").asString()
					: null;
			@SuppressWarnings("unchecked")
			Map<String, Object> variables = request.path("variables").isObject()
					? JSON.convertValue(request.path("variables"), Map.class) : Map.of();
			return GraphQlCost.estimate(document, operationName, variables);
		}
		catch (RuntimeException ex) {
			// Not JSON, not GraphQL, over the parser's limits: GraphQL answers it; it costs nothing to refuse.
			return Optional.empty();
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
