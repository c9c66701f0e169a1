package org.hacktrail.platform.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hacktrail.platform.SecretTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security: limits sign-in attempts per client address (demo login,
 * the start and the callback of an OAuth2 login), and refuses a bearer token that has
 * failed too often (by its hash, from any address) before it is looked up. Failures are
 * charged where a token is found invalid ({@link #tokenFailed}), to the token and to the
 * address; an address that has spent its failures gets 429 for each further unknown
 * token, but a valid token from it still works: tokens are 256 random bits, so a valid
 * one is never a guess, and an attacker sharing an address (a venue's Wi-Fi, a NAT)
 * cannot lock the organizers out.
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
			Optional<Duration> wait = this.limiter.tryConsume(RateLimiter.Kind.SIGN_IN_PER_ADDRESS, address);
			if (wait.isPresent()) {
				TooManyRequests.write(response, wait.get(), "sign-in attempts from your address");
				return;
			}
		}
		String token = presentedToken(request);
		if (token != null) {
			Optional<Duration> wait = this.limiter.check(RateLimiter.Kind.TOKEN_FAILURES_PER_TOKEN, token);
			if (wait.isPresent()) {
				TooManyRequests.write(response, wait.get(), "failed attempts with this API token");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The SHA-256 hash of the bearer token a request presents (never the token itself as
	 * a key), or null.
	 */
	private static @Nullable String presentedToken(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return SecretTokens.hash(authorization.substring(7).strip());
	}

	static boolean isSignIn(HttpServletRequest request) {
		String path = request.getRequestURI();
		return ("POST".equals(request.getMethod()) && "/api/demo/login".equals(path))
				|| path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/");
	}

	/**
	 * Charges one API-token failure to the request's address and to the presented token;
	 * how long to wait when either has no failures left (the caller then answers 429
	 * instead of 401).
	 */
	public static Optional<Duration> tokenFailed(RateLimiter limiter, HttpServletRequest request) {
		Optional<Duration> address = limiter.tryConsume(RateLimiter.Kind.TOKEN_FAILURES_PER_ADDRESS,
				request.getRemoteAddr());
		String token = presentedToken(request);
		Optional<Duration> presented = (token != null)
				? limiter.tryConsume(RateLimiter.Kind.TOKEN_FAILURES_PER_TOKEN, token) : Optional.empty();
		if (address.isPresent() && presented.isPresent()) {
			return (address.get().compareTo(presented.get()) >= 0) ? address : presented;
		}
		return address.isPresent() ? address : presented;
	}

}
