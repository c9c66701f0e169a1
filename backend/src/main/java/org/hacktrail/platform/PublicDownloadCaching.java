package org.hacktrail.platform;

import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of the public downloads (results, open data, proposal lists): what a
 * harvester polls. An anonymous GET of one of {@link #PATHS} that succeeds is answered
 * with a strong {@code ETag} (a hash of the body) and
 * {@code Cache-Control: public, max-age=60}; asked again with {@code If-None-Match} and
 * the same body, it is a 304 without a body. The body is still built on every request
 * (the ETag is its hash), so a revalidation saves the transfer, not the work; within the
 * minute a cache answers without asking.
 *
 * <p>
 * A signed-in caller (session or API token) may see more than the public (an organizer's
 * proposal list names affiliations, a draft edition's files exist only for organizers):
 * such responses are left as Spring Security writes them, {@code no-store}, with no ETag.
 * {@code Vary: Cookie, Authorization} keeps a cache from handing the public copy to a
 * request that carries credentials. Errors (a 404 before publication) are never made
 * cacheable.
 *
 * <p>
 * Spring Security writes {@code no-store} on every response that has no
 * {@code Cache-Control} yet; for a streamed body it does so before the body is written.
 * The security configuration therefore leaves the responses this filter takes over to it
 * ({@link #cachesPublicly}).
 *
 * <p>
 * A streamed body (open data) is never buffered here: its controller writes it to a
 * temporary file once, tags it and asks {@link #notModified}.
 */
@Component
public class PublicDownloadCaching extends ShallowEtagHeaderFilter {

	/**
	 * The public downloads, as the security configuration lets anonymous GETs through.
	 */
	static final List<String> PATHS = List.of("/api/hackathons/*/results.json", "/api/hackathons/*/results.csv",
			"/api/hackathons/*/proposals.csv", "/api/opendata/**");

	static final String CACHE_CONTROL = "public, max-age=60";

	static final String VARY = "Cookie, Authorization";

	private static final String PUBLIC = PublicDownloadCaching.class.getName() + ".public";

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Decided once, on the first dispatch, and kept for the asynchronous one of a
		// streamed body (where the security context may no longer be at hand).
		Object decided = request.getAttribute(PUBLIC);
		if (decided == null) {
			decided = isPublicDownload(request);
			request.setAttribute(PUBLIC, decided);
		}
		return !((Boolean) decided);
	}

	/**
	 * Whether this filter decides how the response to {@code request} is cached: an
	 * anonymous GET of a public download that reached it. Everything else keeps Spring
	 * Security's {@code no-store}.
	 */
	public static boolean cachesPublicly(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(PUBLIC));
	}

	/**
	 * For a download whose body is streamed (which this filter cannot buffer) and tagged
	 * by its controller: for an anonymous caller, marks the response cacheable, sets the
	 * {@code ETag} and tells whether the caller's copy is current (the response is then a
	 * 304 and the controller returns no body). For a signed-in caller, false and nothing
	 * set: the response stays {@code no-store}.
	 */
	public static boolean notModified(ServletWebRequest request, String etag) {
		if (!cachesPublicly(request.getRequest())) {
			return false;
		}
		HttpServletResponse response = request.getResponse();
		if (response != null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
			response.setHeader(HttpHeaders.VARY, VARY);
		}
		return request.checkNotModified(etag);
	}

	static boolean isPublicDownload(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (PATHS.stream().noneMatch((pattern) -> MATCHER.match(pattern, path))) {
			return false;
		}
		return !TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * Called once the body is complete and before it is sent: a successful answer may be
	 * cached for a minute, anything else (an error) not at all.
	 */
	@Override
	protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response,
			int responseStatusCode, InputStream inputStream) {
		boolean eligible = super.isEligibleForEtag(request, response, responseStatusCode, inputStream);
		if (eligible) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
			response.setHeader(HttpHeaders.VARY, VARY);
		}
		else if (responseStatusCode != HttpServletResponse.SC_NOT_MODIFIED) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		return eligible;
	}

}
