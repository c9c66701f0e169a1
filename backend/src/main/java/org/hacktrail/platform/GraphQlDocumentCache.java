package org.hacktrail.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.ParserOptions;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once. The web panel and scripts
 * send the same few dozen documents again and again with different variables; parsing and
 * validating one is pure work on the text (the same text always gives the same document),
 * and was a tenth of the server's time on a small request (StoreBenchmark). Limits that
 * depend on variables (depth, complexity with {@code first}) run at execution, on every
 * request.
 *
 * <p>
 * Every document is parsed under {@link GraphQlParsing}'s caps. Only documents that
 * parsed and validated are kept: a refusal (a syntax error, a cap, a validation error,
 * {@link GraphQlBatchingLimit}) is worked out again each time it is sent, so refused
 * documents cannot push the panel's out of the cache, and the rate limit charges them
 * ({@link #isKnownValid}). A valid document carries no message in the caller's language,
 * so one entry serves every locale.
 *
 * <p>
 * Bounded by the total length of the cached texts ({@value #MAX_CACHED_CHARACTERS}
 * characters), least recently used first out, so a client sending endless distinct
 * documents cannot grow it.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlDocumentCache {

	static final long MAX_CACHED_CHARACTERS = 4_000_000;

	@Bean
	Provider graphQlDocuments() {
		return new Provider(MAX_CACHED_CHARACTERS);
	}

	@Bean
	GraphQlSourceBuilderCustomizer cachedDocuments(Provider documents) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

	public static final class Provider implements PreparsedDocumentProvider {

		private final Cache<String, PreparsedDocumentEntry> documents;

		private final AtomicLong parses = new AtomicLong();

		Provider(long maxCharacters) {
			this.documents = Caffeine.newBuilder()
				.maximumWeight(maxCharacters)
				.weigher((String query, PreparsedDocumentEntry entry) -> query.length())
				.build();
		}

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
				Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
			String query = input.getQuery();
			PreparsedDocumentEntry cached = this.documents.getIfPresent(query);
			if (cached != null) {
				return CompletableFuture.completedFuture(cached);
			}
			this.parses.incrementAndGet();
			input.getGraphQLContext().put(ParserOptions.class, GraphQlParsing.OPTIONS);
			PreparsedDocumentEntry entry = parseAndValidate.apply(input);
			if (!entry.hasErrors()) {
				this.documents.put(query, entry);
			}
			return CompletableFuture.completedFuture(entry);
		}

		/**
		 * Whether this document parsed and validated here before (a refused or unseen one
		 * is not).
		 */
		public boolean isKnownValid(String query) {
			return this.documents.getIfPresent(query) != null;
		}

		/**
		 * How many documents were parsed and validated (cache misses, refusals included).
		 */
		long parses() {
			return this.parses.get();
		}

	}

}
