package org.hacktrail.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets by limit and client key, in this instance's memory (see
 * {@link RateLimitProperties}). Refusals are counted in
 * {@code hacktrail.rate_limit.refused{limit}}.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	/** The limits other code refers to. */
	public enum Kind {

		SIGN_IN_PER_ADDRESS, SIGN_IN_PER_ACCOUNT, TOKEN_FAILURES_PER_ADDRESS, TOKEN_FAILURES_PER_TOKEN,
		EXPENSIVE_PER_USER, EXPENSIVE_PER_ADDRESS

	}

	private final RateLimitProperties properties;

	private final MeterRegistry meters;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(RateLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
	}

	public boolean enabled() {
		return this.properties.enabled();
	}

	public RateLimitProperties properties() {
		return this.properties;
	}

	/**
	 * Takes one request from the bucket; empty when allowed, else how long until the next
	 * one would be.
	 */
	public Optional<Duration> tryConsume(Kind kind, String key) {
		if (!this.properties.enabled()) {
			return Optional.empty();
		}
		ConsumptionProbe probe = bucket(kind, key).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		return refused(kind, probe.getNanosToWaitForRefill());
	}

	/**
	 * Whether one more request would be allowed, without taking it (for limits charged
	 * only on failure).
	 */
	public Optional<Duration> check(Kind kind, String key) {
		if (!this.properties.enabled()) {
			return Optional.empty();
		}
		Bucket bucket = this.buckets.get(kind + ":" + key);
		if (bucket == null) {
			return Optional.empty();
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Optional.empty() : refused(kind, probe.getNanosToWaitForRefill());
	}

	/**
	 * Forgets every bucket (tests, and an operator who wants to lift a block at once).
	 */
	public void reset() {
		this.buckets.clear();
	}

	private Optional<Duration> refused(Kind kind, long nanos) {
		this.meters.counter("hacktrail.rate_limit.refused", "limit", kind.name().toLowerCase()).increment();
		return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
	}

	private Bucket bucket(Kind kind, String key) {
		if (this.buckets.size() >= this.properties.maxKeys()) {
			// A flood of distinct keys: start over rather than grow without bound (limits
			// reset for everyone).
			log.warn("Rate limiter tracked {} clients; forgetting them all", this.buckets.size());
			this.buckets.clear();
		}
		return this.buckets.computeIfAbsent(kind + ":" + key, (k) -> newBucket(limit(kind)));
	}

	private RateLimitProperties.Limit limit(Kind kind) {
		RateLimitProperties.Limit limit = switch (kind) {
			case SIGN_IN_PER_ADDRESS -> this.properties.signInPerAddress();
			case SIGN_IN_PER_ACCOUNT -> this.properties.signInPerAccount();
			case TOKEN_FAILURES_PER_ADDRESS -> this.properties.tokenFailuresPerAddress();
			case TOKEN_FAILURES_PER_TOKEN -> this.properties.tokenFailuresPerToken();
			case EXPENSIVE_PER_USER -> this.properties.expensivePerUser();
			case EXPENSIVE_PER_ADDRESS -> this.properties.expensivePerAddress();
		};
		return java.util.Objects.requireNonNull(limit);
	}

	private static Bucket newBucket(RateLimitProperties.Limit limit) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.capacity())
				.refillGreedy(limit.capacity(), limit.period())
				.build())
			.build();
	}

	/** Seconds for a {@code Retry-After} header: rounded up, at least 1. */
	public static long retryAfterSeconds(Duration wait) {
		long seconds = (wait.toMillis() + 999) / 1000;
		return Math.max(1, seconds);
	}

}
