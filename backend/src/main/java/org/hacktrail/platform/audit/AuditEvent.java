package org.hacktrail.platform.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One security event, as recorded. Inserted once by {@link AuditLog}; nothing in
 * Hacktrail updates or deletes it.
 *
 * @param actorId the user who acted, when known (null for an anonymous failed sign-in)
 * @param subjectType what the event is about ({@code user}, {@code apiToken},
 * {@code hackathon}, ...)
 * @param subjectId its id
 * @param address the client address of the request that caused it
 * @param requestId the request id, to find the request's log lines
 * @param details facts about the event (provider, persona, role, token name, ...); keys
 * are chosen by the code, values may be what a person typed
 */
@Document(AuditLog.COLLECTION)
@CompoundIndexes({ @CompoundIndex(name = "at_id", def = "{'at': -1, '_id': -1}"),
		@CompoundIndex(name = "type_at_id", def = "{'type': 1, 'at': -1, '_id': -1}") })
public record AuditEvent(@Id String id, AuditEventType type, Instant at, @Nullable String actorId,
		@Nullable String subjectType, @Nullable String subjectId, @Nullable String address, @Nullable String requestId,
		Map<String, String> details) {
}
