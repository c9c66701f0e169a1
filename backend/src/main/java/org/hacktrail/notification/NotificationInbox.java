package org.hacktrail.notification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's notifications, newest last, in ONE document keyed by the user's id. Reading the bell (a count and a
 * page) is one lookup by {@code _id}, and delivering is one atomic {@code $push} with {@code $slice} that keeps the
 * newest {@link NotificationService#MAX_KEPT}: no scan of a shared collection, which the embedded store could not
 * index (it ignores non-unique indexes), and no unbounded growth.
 *
 * <p>
 * The unique index on {@code (_id, version)} is redundant on a real MongoDB but lets the embedded store answer the
 * optimistic-locking filter {@code {_id, version}} of a versioned write from an index: it uses an index only when a
 * query names exactly the index's fields, so without it every versioned write scans the collection.
 *
 * @param id the user's id
 */
@Document("notification_inboxes")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
record NotificationInbox(@Id String id, List<Notification> items, @Nullable Instant updatedAt,
		@Version @Nullable Long version) {

	NotificationInbox {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	int unread() {
		return (int) this.items.stream().filter((n) -> !n.isRead()).count();
	}

}
