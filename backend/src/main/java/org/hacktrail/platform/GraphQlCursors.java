package org.hacktrail.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;

/**
 * The cursor strategy of every GraphQL connection: Boot's default (base64 of the scroll
 * position), except that a cursor this service did not give out is BAD_USER_INPUT instead
 * of an internal error.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlCursors {

	@Bean
	EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
		ScrollPositionCursorStrategy positions = new ScrollPositionCursorStrategy();
		CursorStrategy<ScrollPosition> checked = new CursorStrategy<>() {

			@Override
			public boolean supports(Class<?> targetType) {
				return positions.supports(targetType);
			}

			@Override
			public String toCursor(ScrollPosition position) {
				return positions.toCursor(position);
			}

			@Override
			public ScrollPosition fromCursor(String cursor) {
				try {
					return positions.fromCursor(cursor);
				}
				catch (RuntimeException ex) {
					throw Keysets.invalidCursor();
				}
			}

		};
		CursorEncoder base64 = CursorEncoder.base64();
		CursorEncoder checkedBase64 = new CursorEncoder() {

			@Override
			public String encode(String cursor) {
				return base64.encode(cursor);
			}

			@Override
			public String decode(String cursor) {
				try {
					return base64.decode(cursor);
				}
				catch (RuntimeException ex) {
					throw Keysets.invalidCursor();
				}
			}

		};
		return CursorStrategy.withEncoder(checked, checkedBase64);
	}

}
