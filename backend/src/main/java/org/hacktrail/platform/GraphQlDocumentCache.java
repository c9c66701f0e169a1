package org.hacktrail.platform;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once. The web panel and scripts send the same few dozen
 * documents again and again with different variables; parsing and validating one is pure work on the text (the same
 * text always gives the same document and the same validation errors, in the request's locale), and was a tenth of
 * the server's time on a small request (StoreBenchmark). Limits that depend on variables (depth, complexity with
 * {@code first}) run at execution, on every request; {@link GraphQlBatchingLimit} refuses a document by throwing
 * during validation, and a refusal is never cached.
 *
 * <p>
 * Bounded by the total length of the cached texts ({@value #MAX_CACHED_CHARACTERS} characters), least recently used
 * first out, so a client sending endless distinct documents cannot grow it.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlDocumentCache {

	static final long MAX_CACHED_CHARACTERS = 4_000_000;

	@Bean
	Provider graphQlDocuments() {
		return new Provider(MAX_CACHED_CHARACTERS);
	}

	@Bean
	GraphQlSourceBuilderCustomizer cachedDocuments(Provider documents) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

	record Key(String query, @Nullable Locale locale) {
	}

	static final class Provider implements PreparsedDocumentProvider {

		private final Cache<Key, PreparsedDocumentEntry> documents;

		private final AtomicLong parses = new AtomicLong();

		Provider(long maxCharacters) {
			this.documents = Caffeine.newBuilder()
				.maximumWeight(maxCharacters)
				.weigher((Key key, PreparsedDocumentEntry entry) -> key.query().length())
				.build();
		}

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
				Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
			Key key = new Key(input.getQuery(), input.getLocale());
			return CompletableFuture.completedFuture(this.documents.get(key, (k) -> {
				this.parses.incrementAndGet();
				return parseAndValidate.apply(input);
			}));
		}

		/** How many documents were parsed and validated (cache misses, refusals included). */
		long parses() {
			return this.parses.get();
		}

	}

}
