package org.hacktrail.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.GoodFaithIntrospection;
import graphql.introspection.IntrospectionDisabledError;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every error of a response an {@code extensions.code}, including the errors
 * graphql-java raises before any data fetcher runs (syntax, validation, variable
 * coercion, query depth and complexity limits).
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String requestId = RequestIdFilter.current();
		return chain.next(request).map((response) -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			if (errors.isEmpty()) {
				return response;
			}
			List<GraphQLError> coded = new ArrayList<>(errors.size());
			for (GraphQLError error : errors) {
				coded.add(withCodeAndRequestId(error, requestId));
			}
			return response.transform((builder) -> builder.errors(coded));
		});
	}

	private static GraphQLError withCodeAndRequestId(GraphQLError error, String requestId) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		if (!(extensions.get("code") instanceof String)) {
			extensions.put("code", codeFor(error).name());
		}
		if (!requestId.isEmpty()) {
			extensions.put("requestId", requestId);
		}
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	static ErrorCode codeFor(GraphQLError error) {
		if (error instanceof IntrospectionDisabledError) {
			return ErrorCode.FORBIDDEN;
		}
		if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
			return ErrorCode.BAD_USER_INPUT;
		}
		return codeFor(error.getErrorType());
	}

	static ErrorCode codeFor(ErrorClassification classification) {
		if (classification instanceof ErrorType type) {
			return switch (type) {
				case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted ->
					ErrorCode.BAD_USER_INPUT;
				case DataFetchingException, NullValueInNonNullableField -> ErrorCode.INTERNAL;
			};
		}
		if (classification instanceof org.springframework.graphql.execution.ErrorType type) {
			return switch (type) {
				case BAD_REQUEST -> ErrorCode.BAD_USER_INPUT;
				case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
				case FORBIDDEN -> ErrorCode.FORBIDDEN;
				case NOT_FOUND -> ErrorCode.NOT_FOUND;
				case INTERNAL_ERROR -> ErrorCode.INTERNAL;
			};
		}
		return ErrorCode.INTERNAL;
	}

}
