package org.hacktrail.platform;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry of a change made without a transaction: an attempt reads a document, decides
 * on it and writes it back with the version it read; when another writer got there first
 * the write fails ({@link OptimisticLockingFailureException}), and the whole attempt
 * (read, decide, write) runs again on the fresh document. An attempt must therefore check
 * every rule again each time. Any other failure ends the retries at once and is thrown as
 * it is.
 *
 * <p>
 * A policy is immutable and thread-safe: keep it in a constant, e.g.
 * {@code Retries.upTo(40).alsoOnDuplicateKey().pausing()}. It runs on Spring's
 * {@link RetryTemplate}; an interrupted pause gives up at once (the interrupt stays set).
 */
public final class Retries {

	private final int attempts;

	private final boolean duplicateKey;

	private final boolean pausing;

	private final RetryTemplate template;

	private Retries(int attempts, boolean duplicateKey, boolean pausing) {
		if (attempts < 1) {
			throw new IllegalArgumentException("At least one attempt, not " + attempts);
		}
		this.attempts = attempts;
		this.duplicateKey = duplicateKey;
		this.pausing = pausing;
		this.template = new RetryTemplate(
				RetryPolicy.builder().predicate(this::isConcurrentWrite).backOff(this::backOff).build());
	}

	/**
	 * At most {@code attempts} attempts in all, the next one at once, retried on an
	 * {@link OptimisticLockingFailureException}.
	 */
	public static Retries upTo(int attempts) {
		return new Retries(attempts, false, false);
	}

	/**
	 * Also retried on a {@link DuplicateKeyException}: a concurrent first insert of the
	 * same document (or of the same unique key).
	 */
	public Retries alsoOnDuplicateKey() {
		return new Retries(this.attempts, true, this.pausing);
	}

	/**
	 * A short random pause before each retry, growing with the attempts (1 ms, and up to
	 * about 20 ms), so that writers who keep colliding spread out.
	 */
	public Retries pausing() {
		return new Retries(this.attempts, this.duplicateKey, true);
	}

	/**
	 * The result of the first attempt not beaten by another writer; when every attempt
	 * was, the last failure.
	 */
	public <T> T get(Supplier<T> attempt) {
		return this.template.invoke(attempt);
	}

	/**
	 * The (non-null) result of the first attempt not beaten by another writer; empty when
	 * every attempt was.
	 */
	public <T> Optional<T> tryGet(Supplier<T> attempt) {
		try {
			return Optional.of(this.template.invoke(attempt));
		}
		catch (RuntimeException ex) {
			if (isConcurrentWrite(ex)) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Runs {@code attempt} until another writer does not beat it: true then, false when
	 * every attempt was beaten.
	 */
	public boolean tryRun(Runnable attempt) {
		return tryGet(() -> {
			attempt.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	private boolean isConcurrentWrite(@Nullable Throwable ex) {
		return ex instanceof OptimisticLockingFailureException
				|| (this.duplicateKey && ex instanceof DuplicateKeyException);
	}

	private BackOffExecution backOff() {
		return new BackOffExecution() {

			private int retries;

			@Override
			public long nextBackOff() {
				this.retries++;
				if (this.retries >= Retries.this.attempts) {
					return STOP;
				}
				return Retries.this.pausing ? ThreadLocalRandom.current().nextInt(1, 2 + Math.min(this.retries, 10) * 2)
						: 0;
			}

		};
	}

	@Override
	public String toString() {
		return "up to " + this.attempts + " attempts" + (this.duplicateKey ? ", also on duplicate keys" : "")
				+ (this.pausing ? ", pausing" : "");
	}

}
