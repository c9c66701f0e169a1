package org.hacktrail.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions thrown by data fetchers into GraphQL errors with
 * {@code extensions.code} and a message a person can act on. Unexpected failures are
 * logged with an id that the error carries, never a stack trace or a class name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(DomainErrorResolver.class);

	DomainErrorResolver() {
		setThreadLocalContextAware(true);
	}

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof DomainException domain) {
			return error(env, domain.code(), domain.getMessage(), domain.details());
		}
		if (ex instanceof OptimisticLockingFailureException) {
			return error(env, ErrorCode.CONFLICT,
					"Someone else changed this in the meantime. Reload it and apply your change again.", Map.of());
		}
		if (ex instanceof DuplicateKeyException) {
			return error(env, ErrorCode.CONFLICT, "This already exists.", Map.of());
		}
		if (ex instanceof ConstraintViolationException violations) {
			return error(env, ErrorCode.BAD_USER_INPUT,
					violations.getConstraintViolations()
						.stream()
						.map((v) -> v.getPropertyPath() + ": " + v.getMessage())
						.sorted()
						.reduce((a, b) -> a + "; " + b)
						.orElse("Invalid input."),
					Map.of());
		}
		if (ex instanceof AuthenticationException) {
			return error(env, ErrorCode.UNAUTHENTICATED, "Sign in first: this needs a signed-in user.", Map.of());
		}
		if (ex instanceof AccessDeniedException) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || authentication instanceof AnonymousAuthenticationToken
					|| !authentication.isAuthenticated()) {
				return error(env, ErrorCode.UNAUTHENTICATED, "Sign in first: this needs a signed-in user.", Map.of());
			}
			return error(env, ErrorCode.FORBIDDEN, "You are not allowed to do this.", Map.of());
		}
		if (ex instanceof org.bson.BsonSerializationException) {
			// E.g. a NUL character where BSON allows none (a key or a pattern): the
			// input, not the service, is wrong.
			return error(env, ErrorCode.BAD_USER_INPUT,
					"The input contains a character the store cannot hold (such as a NUL character).", Map.of());
		}
		StoreUnavailableException refused = StoreFailures.refusal(ex);
		if (refused != null) {
			log.warn("Store refused a request in {}: {}", env.getExecutionStepInfo().getPath(), refused.getMessage());
			return error(env, ErrorCode.UNAVAILABLE, refused.userMessage(), Map.of());
		}
		if (ex instanceof DataAccessResourceFailureException) {
			String id = UUID.randomUUID().toString();
			log.error("Store unavailable [errorId={}]", id, ex);
			return error(env, ErrorCode.UNAVAILABLE, "The data store is unavailable right now; try again shortly.",
					Map.of("errorId", id));
		}
		String id = UUID.randomUUID().toString();
		log.error("Unexpected error in {} [errorId={}]", env.getExecutionStepInfo().getPath(), id, ex);
		return error(env, ErrorCode.INTERNAL,
				"Something went wrong on our side. If it happens again, report error id " + id + ".",
				Map.of("errorId", id));
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message,
			Map<String, Object> details) {
		Map<String, Object> extensions = new LinkedHashMap<>(details);
		extensions.put("code", code.name());
		return GraphqlErrorBuilder.newError(env)
			.errorType(classification(code))
			.message(message)
			.extensions(extensions)
			.build();
	}

	static ErrorType classification(ErrorCode code) {
		return switch (code) {
			case BAD_USER_INPUT, CONFLICT -> ErrorType.BAD_REQUEST;
			case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
			case FORBIDDEN -> ErrorType.FORBIDDEN;
			case NOT_FOUND -> ErrorType.NOT_FOUND;
			case UNAVAILABLE, INTERNAL -> ErrorType.INTERNAL_ERROR;
		};
	}

}
