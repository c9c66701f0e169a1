package org.hacktrail.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns "the store is unreachable" (or the embedded store refusing writes) anywhere
 * outside GraphQL's own error handling (loading the session, checking an API token, a
 * REST endpoint) into 503 with {@code code: UNAVAILABLE} and {@code Retry-After}, instead
 * of a 500. The driver's short server-selection timeout
 * ({@link StoreClientConfiguration}) makes this answer come within a few seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class StoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(StoreUnavailableFilter.class);

	static final String MESSAGE = "The data store is unavailable right now; try again shortly.";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!StoreFailures.isUnavailable(ex)) {
				throw ex;
			}
			log.warn("Store unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
					rootMessage(ex));
			if (!response.isCommitted()) {
				response.resetBuffer();
				response.setHeader("Retry-After", "5");
				StoreUnavailableException refused = StoreFailures.refusal(ex);
				ErrorBody.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
						(refused != null) ? refused.userMessage() : MESSAGE);
			}
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
