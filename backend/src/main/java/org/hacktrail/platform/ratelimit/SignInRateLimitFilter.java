package org.hacktrail.platform.ratelimit;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security: limits sign-in attempts per client address (demo login, the start and the callback
 * of an OAuth2 login), and refuses bearer requests from an address that has spent its API-token failures (the
 * failures themselves are charged where a token is found invalid, {@link #tokenFailed}).
 *
 * <p>
 * The client address is the request's remote address: behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that it is the client's, not the proxy's.
 */
@Component
@Order(-200)
public class SignInRateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	SignInRateLimitFilter(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limiter.enabled();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		if (isSignIn(request)) {
			Optional<java.time.Duration> wait = this.limiter.tryConsume(RateLimiter.Kind.SIGN_IN_PER_ADDRESS, address);
			if (wait.isPresent()) {
				TooManyRequests.write(response, wait.get(), "sign-in attempts from your address");
				return;
			}
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			Optional<java.time.Duration> wait = this.limiter.check(RateLimiter.Kind.TOKEN_FAILURES_PER_ADDRESS, address);
			if (wait.isPresent()) {
				TooManyRequests.write(response, wait.get(), "failed API tokens from your address");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static boolean isSignIn(HttpServletRequest request) {
		String path = request.getRequestURI();
		return ("POST".equals(request.getMethod()) && "/api/demo/login".equals(path))
				|| path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/");
	}

	/** Charges one API-token failure to the request's address. */
	public static void tokenFailed(RateLimiter limiter, HttpServletRequest request) {
		limiter.tryConsume(RateLimiter.Kind.TOKEN_FAILURES_PER_ADDRESS, request.getRemoteAddr());
	}

}
