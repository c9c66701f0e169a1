package org.hacktrail.notification;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for the signed-in user's notifications. Rules live in
 * {@link NotificationService}.
 */
@Controller
class NotificationController {

	private final NotificationService notifications;

	NotificationController(NotificationService notifications) {
		this.notifications = notifications;
	}

	@QueryMapping
	Window<Notification> notifications(@Argument @Nullable Boolean unreadOnly, ScrollSubrange subrange) {
		return this.notifications.mine(Boolean.TRUE.equals(unreadOnly), subrange);
	}

	@QueryMapping
	int unreadNotificationCount() {
		return this.notifications.unreadCount();
	}

	record MarkNotificationsReadInput(@Nullable List<String> ids, @Nullable Boolean all) {
	}

	record MarkNotificationsReadPayload(List<Notification> notifications, int unreadCount) {
	}

	@MutationMapping
	MarkNotificationsReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input) {
		NotificationService.Marked marked = this.notifications.markRead(input.ids(), Boolean.TRUE.equals(input.all()));
		return new MarkNotificationsReadPayload(marked.notifications(), marked.unreadCount());
	}

	record Parameter(String name, String value) {
	}

	@SchemaMapping(typeName = "Notification")
	List<Parameter> parameters(Notification notification) {
		return notification.parameters()
			.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.comparingByKey())
			.map((entry) -> new Parameter(entry.getKey(), entry.getValue()))
			.toList();
	}

	@SchemaMapping(typeName = "Notification")
	boolean read(Notification notification) {
		return notification.isRead();
	}

}
