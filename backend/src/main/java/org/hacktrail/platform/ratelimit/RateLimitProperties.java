package org.hacktrail.platform.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits. Each limit is a token bucket of {@code capacity} requests refilled evenly
 * over {@code period}, kept in this instance's memory: behind a load balancer with N
 * instances a client can make up to N times as many requests (sticky sessions or a shared
 * bucket store would tighten that; the limits are meant to stop floods and guessing, not
 * to meter use).
 *
 * @param enabled switch every limit on or off
 * @param signInPerAddress sign-in attempts (demo login, OAuth2 authorization and
 * callback) per client address
 * @param signInPerAccount sign-in attempts per account, where the account is known before
 * the attempt (demo persona)
 * @param tokenFailuresPerAddress failed API-token checks per client address; once spent,
 * every further unknown token from that address is refused with 429 until the bucket
 * refills, while a valid token from it still works
 * @param tokenFailuresPerToken failed checks of one presented token (by its SHA-256
 * hash), from any address; once spent, that token is refused with 429 before it is looked
 * up
 * @param expensivePerUser expensive GraphQL operations (mutations, queries above
 * {@code expensiveQueryCost}, and refused documents: no GraphQL request, a syntax or
 * parser-cap error, a validation failure) per signed-in user
 * @param expensivePerAddress the same per client address (anonymous callers included)
 * @param expensiveQueryCost a query whose estimated cost (fields, times the page size
 * asked for by {@code first}) is at least this counts as expensive
 * @param maxKeys how many clients are tracked at most; past that the oldest state is
 * dropped (a flood of addresses cannot exhaust memory)
 */
@ConfigurationProperties("hacktrail.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @Nullable Limit signInPerAddress,
		@Nullable Limit signInPerAccount, @Nullable Limit tokenFailuresPerAddress,
		@Nullable Limit tokenFailuresPerToken, @Nullable Limit expensivePerUser, @Nullable Limit expensivePerAddress,
		@DefaultValue("1000") int expensiveQueryCost, @DefaultValue("100000") int maxKeys) {

	/**
	 * Defaults: 30 sign-in attempts a minute per address, 10 per account, 20 token
	 * failures per address and 10 per token, 120/600 expensive.
	 */
	public RateLimitProperties {
		signInPerAddress = (signInPerAddress != null) ? signInPerAddress : new Limit(30, Duration.ofMinutes(1));
		signInPerAccount = (signInPerAccount != null) ? signInPerAccount : new Limit(10, Duration.ofMinutes(1));
		tokenFailuresPerAddress = (tokenFailuresPerAddress != null) ? tokenFailuresPerAddress
				: new Limit(20, Duration.ofMinutes(1));
		tokenFailuresPerToken = (tokenFailuresPerToken != null) ? tokenFailuresPerToken
				: new Limit(10, Duration.ofMinutes(1));
		expensivePerUser = (expensivePerUser != null) ? expensivePerUser : new Limit(120, Duration.ofMinutes(1));
		expensivePerAddress = (expensivePerAddress != null) ? expensivePerAddress
				: new Limit(600, Duration.ofMinutes(1));
	}

	/**
	 * @param capacity requests allowed in a burst
	 * @param period time over which the bucket refills completely
	 */
	public record Limit(int capacity, Duration period) {
	}

}
