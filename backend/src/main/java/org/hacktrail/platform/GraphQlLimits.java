package org.hacktrail.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep one request from taking the service down.
 *
 * @param maxDepth deepest selection a query may have
 * @param maxComplexity budget of a query: each field costs 1, times the page size asked
 * for by list arguments ({@code first}, {@code limit})
 * @param maxPageSize largest page any paginated field returns
 */
@ConfigurationProperties("hacktrail.graphql")
public record GraphQlLimits(@DefaultValue("12") int maxDepth, @DefaultValue("20000") int maxComplexity,
		@DefaultValue("100") int maxPageSize) {

	/**
	 * The page size to use for a request that asked for {@code requested} items (null:
	 * the maximum).
	 */
	public int pageSize(Integer requested) {
		if (requested == null) {
			return this.maxPageSize;
		}
		if (requested < 1 || requested > this.maxPageSize) {
			throw DomainException.badInput("first", Refusal.PAGE_SIZE, "min", 1, "max", this.maxPageSize, "value",
					requested);
		}
		return requested;
	}

}
