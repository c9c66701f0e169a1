package org.hacktrail.notification;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One notification: what happened ({@code type}), the facts a client needs to show it in
 * the reader's language ({@code parameters}), and where to go to act on it
 * ({@code link}). Texts are not stored: the web panel renders the type with its own zh-TW
 * or English catalog, so a notification reads right in either language.
 *
 * @param type what happened, upper case with underscores, prefixed by the feature that
 * sends it ({@code TEAM_JOIN_REQUEST_RECEIVED}, later e.g. {@code JUDGING_INVITATION})
 * @param parameters names (letters, digits, underscores) to plain-text values, e.g.
 * {@code proposalTitle}
 * @param link an address inside Hacktrail, relative to its root (e.g.
 * {@code /proposals/ID#team}), or null
 * @param readAt when the user marked it read; null while unread
 */
public record Notification(String id, String type, Map<String, String> parameters, @Nullable String link,
		Instant createdAt, @Nullable Instant readAt) {

	public Notification {
		parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
	}

	public boolean isRead() {
		return this.readAt != null;
	}

	Notification read(Instant at) {
		return isRead() ? this : new Notification(this.id, this.type, this.parameters, this.link, this.createdAt, at);
	}

}
