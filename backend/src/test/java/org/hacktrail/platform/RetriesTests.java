package org.hacktrail.platform;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RetriesTests {

	@Test
	void anAttemptBeatenByAnotherWriterRunsAgainUntilOneIsNot() {
		AtomicInteger calls = new AtomicInteger();
		String result = Retries.upTo(5).get(() -> {
			if (calls.incrementAndGet() < 3) {
				throw new OptimisticLockingFailureException("changed");
			}
			return "written";
		});
		assertThat(result).isEqualTo("written");
		assertThat(calls).hasValue(3);
	}

	@Test
	void whenEveryAttemptIsBeatenGetThrowsTheLastFailureAndTryGetIsEmpty() {
		AtomicInteger calls = new AtomicInteger();
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> Retries.upTo(4).get(() -> {
			throw new OptimisticLockingFailureException("changed " + calls.incrementAndGet());
		})).withMessage("changed 4");
		calls.set(0);
		assertThat(Retries.upTo(3).pausing().tryGet(() -> {
			calls.incrementAndGet();
			throw new OptimisticLockingFailureException("changed");
		})).isEmpty();
		assertThat(calls).as("attempts in all, the first included").hasValue(3);
		assertThat(Retries.upTo(2).tryRun(() -> {
			throw new OptimisticLockingFailureException("changed");
		})).isFalse();
		assertThat(Retries.upTo(2).tryRun(() -> {
		})).isTrue();
	}

	@Test
	void anyOtherFailureEndsTheRetriesAtOnce() {
		AtomicInteger calls = new AtomicInteger();
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> Retries.upTo(5).tryGet(() -> {
			calls.incrementAndGet();
			throw DomainException.conflict("refused");
		}));
		assertThat(calls).hasValue(1);
		calls.set(0);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> Retries.upTo(5).tryGet(() -> {
			calls.incrementAndGet();
			throw new DuplicateKeyException("taken");
		}));
		assertThat(calls).as("a duplicate key is retried only when asked").hasValue(1);
	}

	@Test
	void aDuplicateKeyIsAConcurrentFirstWriteWhenAsked() {
		AtomicInteger calls = new AtomicInteger();
		Retries retries = Retries.upTo(5).alsoOnDuplicateKey();
		assertThat(retries.get(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new DuplicateKeyException("inserted meanwhile");
			}
			return calls.get();
		})).isEqualTo(2);
		assertThat(retries.pausing()).hasToString("up to 5 attempts, also on duplicate keys, pausing");
	}

}
