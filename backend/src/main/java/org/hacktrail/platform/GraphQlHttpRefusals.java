package org.hacktrail.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what the GraphQL endpoint does not take, with the documented {@link ErrorBody}:
 * any method but POST (405, {@code Allow: POST}), and a POST whose content type is not
 * JSON (415). Spring for GraphQL's own routes answer these with a bare status and no
 * body. Runs after Spring Security, so that a cross-site form post with the session
 * cookie is still refused as a CSRF attempt (403); bodies that are not valid JSON reach
 * the handler and end at {@link ErrorPage}.
 */
@Component
@Order(-10)
class GraphQlHttpRefusals extends OncePerRequestFilter {

	private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/graphql".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if (!"POST".equals(method) && !"OPTIONS".equals(method)) {
			response.setHeader("Allow", "POST");
			ErrorBody.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorCode.BAD_USER_INPUT,
					method + " is not allowed on /graphql; POST the request as application/json (GraphQL over HTTP).");
			return;
		}
		if ("POST".equals(method) && !json(request.getContentType())) {
			ErrorBody.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_USER_INPUT,
					"The content type " + ((request.getContentType() != null) ? request.getContentType() : "(none)")
							+ " is not accepted on /graphql; send application/json.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean json(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.includes(type) || APPLICATION_GRAPHQL.includes(type);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
