package org.hacktrail.notification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's notifications, newest last, in ONE document keyed by the user's id. Reading
 * the bell (a count and a page) is one lookup by {@code _id}, and delivering is one
 * atomic {@code $push} with {@code $slice} that keeps the newest
 * {@link NotificationService#MAX_KEPT}: no scan of a shared collection, which the
 * embedded store could not index (it ignores non-unique indexes), and no unbounded
 * growth.
 *
 * <p>
 * Marking read is one atomic update too (an array filter picks the unread items), so
 * neither write ever has to retry against the other. {@code version} counts the writes.
 *
 * @param id the user's id
 */
@Document("notification_inboxes")
record NotificationInbox(@Id String id, List<Notification> items, @Nullable Instant updatedAt, @Nullable Long version) {

	NotificationInbox {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	int unread() {
		return (int) this.items.stream().filter((n) -> !n.isRead()).count();
	}

}
