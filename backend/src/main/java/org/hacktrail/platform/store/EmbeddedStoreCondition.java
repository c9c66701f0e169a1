package org.hacktrail.platform.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded store starts only when no MongoDB URI is configured ({@code MONGODB_URI}
 * maps to {@code spring.mongodb.uri}). A given URI always wins: we never start a second
 * store beside a real one.
 */
class EmbeddedStoreCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mongodb.uri"));
	}

}
