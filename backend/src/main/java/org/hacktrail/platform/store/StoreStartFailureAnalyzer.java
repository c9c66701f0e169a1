package org.hacktrail.platform.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a store that cannot start into Spring Boot's short "APPLICATION FAILED TO START"
 * report (what is wrong, what to do) instead of a long stack trace; the trace is still
 * logged at DEBUG. Registered in {@code META-INF/spring.factories}.
 */
class StoreStartFailureAnalyzer extends AbstractFailureAnalyzer<StoreStartException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StoreStartException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
