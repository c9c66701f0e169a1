package org.hacktrail.identity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.platform.ratelimit.RateLimiter;
import org.hacktrail.platform.ratelimit.SignInRateLimitFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * What happens around signing in, apart from the sign-in itself: the audit log (SIGN_IN,
 * SIGN_IN_FAILED, SIGN_OUT), the counters {@code hacktrail.sign_in{method,outcome}} and
 * {@code hacktrail.token.failures}, and charging failed API tokens to the rate limit of
 * the caller's address.
 */
@Component
class SignInEvents {

	private final AuditLog audit;

	private final MeterRegistry meters;

	private final RateLimiter limiter;

	SignInEvents(AuditLog audit, MeterRegistry meters, RateLimiter limiter) {
		this.audit = audit;
		this.meters = meters;
		this.limiter = limiter;
	}

	void signedIn(String userId, String method, Map<String, String> details) {
		this.meters.counter("hacktrail.sign_in", "method", method, "outcome", "success").increment();
		Map<String, String> all = new java.util.LinkedHashMap<>(details);
		all.put("method", method);
		this.audit.record(AuditEventType.SIGN_IN, userId, "user", userId, all);
	}

	void signInFailed(String method, String reason, Map<String, String> details) {
		this.meters.counter("hacktrail.sign_in", "method", method, "outcome", "failure").increment();
		Map<String, String> all = new java.util.LinkedHashMap<>(details);
		all.put("method", method);
		all.put("reason", reason);
		this.audit.record(AuditEventType.SIGN_IN_FAILED, null, null, null, all);
	}

	/**
	 * Counts and charges a failed API token; how long to wait when its address or the
	 * token has no failures left.
	 */
	Optional<Duration> tokenFailed(HttpServletRequest request) {
		this.meters.counter("hacktrail.token.failures").increment();
		return SignInRateLimitFilter.tokenFailed(this.limiter, request);
	}

	AuthenticationSuccessHandler oauth2Success() {
		SimpleUrlAuthenticationSuccessHandler redirect = new SimpleUrlAuthenticationSuccessHandler("/");
		redirect.setAlwaysUseDefaultTargetUrl(true);
		return (request, response, authentication) -> {
			String userId = userId(authentication);
			if (userId != null) {
				String provider = (authentication instanceof OAuth2AuthenticationToken oauth)
						? oauth.getAuthorizedClientRegistrationId() : "unknown";
				signedIn(userId, "oauth2", Map.of("provider", provider));
			}
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler oauth2Failure() {
		SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/?login=failed");
		return (request, response, exception) -> {
			String path = request.getRequestURI();
			String provider = path.substring(path.lastIndexOf('/') + 1);
			signInFailed("oauth2", exception.getClass().getSimpleName(), Map.of("provider", provider));
			redirect.onAuthenticationFailure(request, response, exception);
		};
	}

	LogoutHandler signOut() {
		return (request, response, authentication) -> {
			String userId = userId(authentication);
			if (userId != null) {
				this.audit.record(AuditEventType.SIGN_OUT, userId, "user", userId, Map.of());
			}
		};
	}

	private static @Nullable String userId(@Nullable Authentication authentication) {
		return (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) ? user.userId()
				: null;
	}

}
