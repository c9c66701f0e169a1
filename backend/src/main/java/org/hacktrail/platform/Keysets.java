package org.hacktrail.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Keyset (cursor) pagination for GraphQL connections: Spring for GraphQL turns
 * {@code first}/{@code after} into a {@link ScrollSubrange} and a returned {@link Window}
 * into a {@code …Connection}. A position is the last item's sort key and id, both kept as
 * strings, so a cursor is small, stable while documents are added, and cannot smuggle in
 * a typed value.
 *
 * <p>
 * Only forward pagination is offered ({@code first}, {@code after}); the schema's
 * {@code PageInfo} has {@code hasNextPage} and {@code endCursor}.
 */
public final class Keysets {

	private static final String SORT_KEY = "k";

	private static final String ID = "id";

	private Keysets() {
	}

	/** Where a page starts: after the item with this sort key and id. */
	public record Key(String sortKey, String id) {
	}

	/** The page size the caller asked for ({@code first}), or null. */
	public static @Nullable Integer requested(ScrollSubrange subrange) {
		return subrange.count().isPresent() ? subrange.count().getAsInt() : null;
	}

	/**
	 * The key a page starts after, or empty for the first page. A cursor this API did not
	 * give out is refused.
	 */
	public static Optional<Key> after(ScrollSubrange subrange) {
		if (!subrange.forward()) {
			throw DomainException.badInput("last", Refusal.FORWARD_ONLY);
		}
		Optional<ScrollPosition> position = subrange.position();
		if (position.isEmpty() || position.get().isInitial()) {
			return Optional.empty();
		}
		if (position.get() instanceof KeysetScrollPosition keyset && keyset.getKeys().get(SORT_KEY) instanceof String k
				&& keyset.getKeys().get(ID) instanceof String id && keyset.getKeys().size() == 2) {
			return Optional.of(new Key(k, id));
		}
		throw invalidCursor();
	}

	public static DomainException invalidCursor() {
		return DomainException.badInput("after", Refusal.BAD_CURSOR);
	}

	/**
	 * The condition "comes after {@code key}" for a sort on {@code field} then
	 * {@code _id}, both in {@code direction}.
	 */
	public static Criteria after(String field, Object value, String id, Sort.Direction direction) {
		if (direction.isAscending()) {
			return new Criteria().orOperator(Criteria.where(field).gt(value),
					Criteria.where(field).is(value).and("_id").gt(id));
		}
		return new Criteria().orOperator(Criteria.where(field).lt(value),
				Criteria.where(field).is(value).and("_id").lt(id));
	}

	/**
	 * A window over {@code fetched}, which holds up to {@code pageSize + 1} items: the
	 * extra one only tells that there is a next page.
	 */
	public static <T> Window<T> window(List<T> fetched, int pageSize, Function<T, Key> keyOf) {
		boolean hasNext = fetched.size() > pageSize;
		List<T> page = hasNext ? fetched.subList(0, pageSize) : fetched;
		return Window.from(page, (index) -> position(keyOf.apply(page.get(index))), hasNext);
	}

	private static ScrollPosition position(Key key) {
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put(SORT_KEY, key.sortKey());
		keys.put(ID, key.id());
		return ScrollPosition.forward(keys);
	}

}
