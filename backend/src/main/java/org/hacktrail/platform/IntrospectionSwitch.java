package org.hacktrail.platform;

import java.util.Map;

import graphql.introspection.Introspection;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * {@code hacktrail.graphql.introspection} ({@code HACKTRAIL_GRAPHQL_INTROSPECTION},
 * default true): when false, every request is executed with graphql-java's
 * {@code INTROSPECTION_DISABLED}, so {@code __schema} and {@code __type} answer
 * FORBIDDEN. Boot's {@code spring.graphql.schema.introspection.enabled} would do the same
 * through {@code Introspection.enabledJvmWide}, a static switch that the last application
 * started in a JVM sets for all (in the tests, the last context); this one belongs to the
 * application.
 */
@Component
class IntrospectionSwitch implements WebGraphQlInterceptor {

	private final boolean enabled;

	IntrospectionSwitch(@Value("${hacktrail.graphql.introspection:true}") boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!this.enabled) {
			request.configureExecutionInput((input,
					builder) -> builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true)).build());
		}
		return chain.next(request);
	}

}
