package org.hacktrail.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Keysets;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.TimeOrderedIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;

/**
 * Sends notifications to users and lets each user read and mark their own.
 *
 * <p>
 * For features: {@link #send} stores a notification in the recipient's inbox (one atomic
 * write) and hands it to the {@link NotificationMailer}s. Delivery is best effort: a
 * store or mail failure is logged and never undoes or fails the action that caused it
 * (the action has already been written; there are no transactions to roll back).
 *
 * <p>
 * For users: {@link #mine}, {@link #unreadCount} and {@link #markRead} act on the
 * signed-in user's inbox only; anonymous callers are UNAUTHENTICATED. An inbox keeps the
 * newest {@value #MAX_KEPT} notifications.
 */
@Service
public class NotificationService {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	/**
	 * How many notifications an inbox keeps; older ones are dropped as new ones arrive.
	 */
	public static final int MAX_KEPT = 200;

	static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{2,63}");

	static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

	static final int MAX_PARAMETERS = 20;

	static final int MAX_VALUE = 500;

	static final int MAX_LINK = 500;

	private final MongoTemplate mongo;

	private final CurrentUser currentUser;

	private final GraphQlLimits limits;

	private final Clock clock;

	private final ObjectProvider<NotificationMailer> mailers;

	private final NotificationMailer fallbackMailer = new LoggingNotificationMailer();

	NotificationService(MongoTemplate mongo, CurrentUser currentUser, GraphQlLimits limits, Clock clock,
			ObjectProvider<NotificationMailer> mailers) {
		this.mongo = mongo;
		this.currentUser = currentUser;
		this.limits = limits;
		this.clock = clock;
		this.mailers = mailers;
	}

	// ---- sending (for other features)

	/**
	 * Notifies one user. Returns the stored notification, or empty when it could not be
	 * stored (logged).
	 * @throws IllegalArgumentException for a malformed type, parameter name or link: a
	 * programming error of the calling feature, not something a user did
	 */
	public Optional<Notification> send(String userId, String type, Map<String, String> parameters,
			@Nullable String link) {
		Notification notification = build(type, parameters, link);
		return deliver(userId, notification);
	}

	/**
	 * Notifies several users (each once, even if listed twice), each with their own copy.
	 */
	public void send(Collection<String> userIds, String type, Map<String, String> parameters, @Nullable String link) {
		Notification template = build(type, parameters, link);
		for (String userId : new LinkedHashSet<>(userIds)) {
			deliver(userId, new Notification(TimeOrderedIds.next(template.createdAt()), template.type(),
					template.parameters(), template.link(), template.createdAt(), null));
		}
	}

	private Notification build(String type, Map<String, String> parameters, @Nullable String link) {
		if (type == null || !TYPE.matcher(type).matches()) {
			throw new IllegalArgumentException("A notification type is upper case with underscores: " + type);
		}
		if (parameters.size() > MAX_PARAMETERS) {
			throw new IllegalArgumentException("At most " + MAX_PARAMETERS + " parameters: " + parameters.keySet());
		}
		Map<String, String> checked = new java.util.LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			// Names become field names in the stored document: no dots, no dollar signs.
			if (name == null || !PARAMETER.matcher(name).matches()) {
				throw new IllegalArgumentException("A parameter name is letters, digits and underscores: " + name);
			}
			if (value != null) {
				checked.put(name, (value.length() > MAX_VALUE) ? value.substring(0, MAX_VALUE - 1) + "…" : value);
			}
		});
		if (link != null && (link.length() > MAX_LINK || !link.startsWith("/") || link.startsWith("//"))) {
			throw new IllegalArgumentException("A notification link is a path inside Hacktrail: " + link);
		}
		Instant now = this.clock.instant();
		return new Notification(TimeOrderedIds.next(now), type, checked, link, now, null);
	}

	private Optional<Notification> deliver(String userId, Notification notification) {
		try {
			// One atomic upsert by _id: appends and keeps the newest MAX_KEPT, whoever
			// else writes at the same time.
			Update update = new Update().push("items")
				.slice(-MAX_KEPT)
				.each(notification)
				.set("updatedAt", notification.createdAt())
				.inc("version", 1);
			this.mongo.upsert(new Query(Criteria.where("_id").is(userId)), update, NotificationInbox.class);
		}
		catch (DataAccessException ex) {
			log.error("Could not store notification {} ({}) for user {}", notification.id(), notification.type(),
					userId, ex);
			return Optional.empty();
		}
		mail(userId, notification);
		return Optional.of(notification);
	}

	private void mail(String userId, Notification notification) {
		List<NotificationMailer> configured = this.mailers.orderedStream().toList();
		for (NotificationMailer mailer : configured.isEmpty() ? List.of(this.fallbackMailer) : configured) {
			try {
				mailer.send(userId, notification);
			}
			catch (RuntimeException ex) {
				log.warn("Mailer {} failed for notification {} to user {}", mailer.getClass().getSimpleName(),
						notification.id(), userId, ex);
			}
		}
	}

	// ---- reading (the signed-in user's own)

	/** The signed-in user's notifications, newest first; cursor-paginated. */
	public Window<Notification> mine(boolean unreadOnly, ScrollSubrange subrange) {
		String me = this.currentUser.requireId();
		int pageSize = this.limits.pageSize(Keysets.requested(subrange));
		Optional<Keysets.Key> after = Keysets.after(subrange);
		Comparator<Notification> newestFirst = Comparator.comparing(Notification::createdAt)
			.thenComparing(Notification::id)
			.reversed();
		List<Notification> items = new ArrayList<>(inbox(me).items());
		items.sort(newestFirst);
		List<Notification> page = new ArrayList<>();
		for (Notification item : items) {
			if (unreadOnly && item.isRead()) {
				continue;
			}
			if (after.isPresent() && !isAfter(item, after.get())) {
				continue;
			}
			page.add(item);
			if (page.size() > pageSize) {
				break;
			}
		}
		return Keysets.window(page, pageSize,
				(n) -> new Keysets.Key(Long.toString(n.createdAt().toEpochMilli()), n.id()));
	}

	private static boolean isAfter(Notification item, Keysets.Key key) {
		long at;
		try {
			at = Long.parseLong(key.sortKey());
		}
		catch (NumberFormatException ex) {
			throw Keysets.invalidCursor();
		}
		long mine = item.createdAt().toEpochMilli();
		return mine < at || (mine == at && item.id().compareTo(key.id()) < 0);
	}

	/** How many of the signed-in user's notifications are unread. */
	public int unreadCount() {
		return inbox(this.currentUser.requireId()).unread();
	}

	/** The result of marking notifications read. */
	public record Marked(List<Notification> notifications, int unreadCount) {
	}

	/**
	 * Marks the signed-in user's notifications read: those with the given ids (ids that
	 * are not theirs, or no longer kept, are ignored), or all of them. Marking a read
	 * notification again changes nothing.
	 */
	public Marked markRead(@Nullable List<String> ids, boolean all) {
		String me = this.currentUser.requireId();
		if (!all && (ids == null || ids.isEmpty())) {
			throw DomainException.badInput("ids", Refusal.IDS_OR_ALL);
		}
		if (ids != null && ids.size() > MAX_KEPT) {
			throw DomainException.badInput("ids", Refusal.TOO_MANY, "max", MAX_KEPT, "count", ids.size());
		}
		Set<String> wanted = (ids != null) ? new HashSet<>(ids) : Set.of();
		NotificationInbox inbox = inbox(me);
		boolean anyToMark = inbox.items()
			.stream()
			.anyMatch((item) -> !item.isRead() && (all || wanted.contains(item.id())));
		if (anyToMark) {
			// One atomic update with an array filter: sets readAt on the chosen unread
			// items only, so a notification
			// delivered meanwhile (an atomic $push) is never lost and neither write
			// retries against the other. By
			// _id alone, which the embedded store answers from its index. One filter
			// document with implicit AND:
			// MongoDB rejects a top-level $and in an array filter.
			Criteria chosen = Criteria.where("item.readAt").is(null);
			if (!all) {
				chosen = chosen.and("item._id").in(wanted);
			}
			Update update = new Update().set("items.$[item].readAt", this.clock.instant())
				.filterArray(chosen)
				.inc("version", 1);
			NotificationInbox updated = this.mongo.findAndModify(new Query(Criteria.where("_id").is(me)), update,
					FindAndModifyOptions.options().returnNew(true), NotificationInbox.class);
			if (updated != null) {
				inbox = updated;
			}
		}
		// Otherwise (ids of somebody else's notifications, or read ones) nothing is
		// written at all.
		List<Notification> marked = inbox.items().stream().filter((item) -> all || wanted.contains(item.id())).toList();
		return new Marked(marked, inbox.unread());
	}

	/** A user's inbox, empty if they never got a notification. One lookup by _id. */
	NotificationInbox inbox(String userId) {
		NotificationInbox inbox = this.mongo.findById(userId, NotificationInbox.class);
		return (inbox != null) ? inbox : new NotificationInbox(userId, List.of(), null, null);
	}

}
