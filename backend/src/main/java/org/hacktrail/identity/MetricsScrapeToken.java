package org.hacktrail.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read {@code /actuator/prometheus}: organizers (session or API token), and — so
 * that Prometheus needs no organizer account — a scraper presenting
 * {@code HACKTRAIL_METRICS_TOKEN} as {@code Authorization: Bearer}. That token opens the
 * metrics endpoint and nothing else (role METRICS). Unset, only organizers can scrape.
 */
@Component
class MetricsScrapeToken {

	static final String PATH = "/actuator/prometheus";

	static final String ROLE = "METRICS";

	private final byte[] token;

	MetricsScrapeToken(@Value("${hacktrail.metrics.token:}") String token) {
		String trimmed = token.strip();
		if (StringUtils.hasText(trimmed) && trimmed.length() < 24) {
			throw new IllegalStateException("HACKTRAIL_METRICS_TOKEN must be at least 24 characters long");
		}
		this.token = trimmed.getBytes(StandardCharsets.UTF_8);
	}

	boolean matches(HttpServletRequest request) {
		if (this.token.length == 0 || !PATH.equals(request.getRequestURI())) {
			return false;
		}
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return MessageDigest.isEqual(this.token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * API tokens as usual, except the scrape token on the metrics path, which
	 * {@link #filter()} handles.
	 */
	BearerTokenResolver resolver() {
		DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
		return (request) -> matches(request) ? null : bearer.resolve(request);
	}

	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (matches(request)) {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
							List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
					SecurityContextHolder.setContext(context);
				}
				chain.doFilter(request, response);
			}

		};
	}

}
