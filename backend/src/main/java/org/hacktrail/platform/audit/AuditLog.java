package org.hacktrail.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Keysets;
import org.hacktrail.platform.RequestIdFilter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log of security events. Features call {@link #record}; organizers read it
 * with {@link #list} (GraphQL {@code auditEvents}). Events are inserted, never updated or
 * deleted: this class has no method that could, and no GraphQL mutation touches the
 * collection. Each event is also written to the log (logger {@code hacktrail.audit}), so
 * it survives even when the store refuses the insert.
 *
 * <p>
 * How other features use it: inject {@code AuditLog} and call, e.g.,
 * {@code audit.record(AuditEventType.RESULTS_PUBLISHED, currentUser.requireId(), "hackathon", hackathon.id(),
 * Map.of("round", roundId))} after the change is stored.
 */
@Service
public class AuditLog {

	static final String COLLECTION = "audit_events";

	private static final Logger log = LoggerFactory.getLogger("hacktrail.audit");

	private static final int MAX_DETAIL = 500;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final GraphQlLimits limits;

	AuditLog(MongoTemplate mongo, Clock clock, GraphQlLimits limits) {
		this.mongo = mongo;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * Records an event. The client address and request id are taken from the current
	 * request, if any. Never throws because of the store: a failed insert is logged (with
	 * the event) and the caller's action goes on.
	 */
	public AuditEvent record(AuditEventType type, @Nullable String actorId, @Nullable String subjectType,
			@Nullable String subjectId, Map<String, String> details) {
		Map<String, String> kept = new LinkedHashMap<>();
		details.forEach((key, value) -> kept.put(key,
				(value == null) ? "" : (value.length() > MAX_DETAIL) ? value.substring(0, MAX_DETAIL) + "…" : value));
		String requestId = RequestIdFilter.current();
		AuditEvent event = new AuditEvent(new org.bson.types.ObjectId().toHexString(), type, this.clock.instant(),
				actorId, subjectType, subjectId, address(), requestId.isEmpty() ? null : requestId, kept);
		log.info("{} actor={} subject={}:{} address={} details={}", type, actorId, subjectType, subjectId,
				event.address(), kept);
		try {
			this.mongo.insert(event);
		}
		catch (DataAccessException ex) {
			log.error("Audit event {} could not be stored: {}", type, ex.getMessage());
		}
		return event;
	}

	/** Events newest first, optionally of one type. Organizers only. */
	@PreAuthorize("hasRole('ORGANIZER')")
	public Window<AuditEvent> list(@Nullable AuditEventType type, ScrollSubrange subrange) {
		int pageSize = this.limits.pageSize(Keysets.requested(subrange));
		Query query = new Query();
		if (type != null) {
			query.addCriteria(Criteria.where("type").is(type));
		}
		Optional<Keysets.Key> after = Keysets.after(subrange);
		if (after.isPresent()) {
			query.addCriteria(Keysets.after("at", new Date(parseMillis(after.get().sortKey())), after.get().id(),
					Sort.Direction.DESC));
		}
		query.with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(pageSize + 1);
		List<AuditEvent> fetched = this.mongo.find(query, AuditEvent.class);
		return Keysets.window(fetched, pageSize,
				(event) -> new Keysets.Key(Long.toString(event.at().toEpochMilli()), event.id()));
	}

	private static long parseMillis(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw Keysets.invalidCursor();
		}
	}

	private static @Nullable String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/** For tests and tools: when the events were recorded. */
	static Instant at(AuditEvent event) {
		return event.at();
	}

}
