package org.hacktrail.platform.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.Session;

/**
 * Spring Session's repository on the store: one document per session in {@code sessions},
 * read by {@code _id}, written as a single-document update. Every instance reads the same
 * documents, so a browser signed in through one instance is signed in on all of them, and
 * signing out anywhere ends the session everywhere.
 *
 * <p>
 * Written here rather than taken from the Spring Session MongoDB module (4.0.0-M2, the
 * only release for Spring Session 4): that module is a milestone built against milestones
 * of Spring Data MongoDB and Spring Security, it saves a session by replacing the whole
 * document with an upsert, so a request still in flight when the user signs out on
 * another instance writes the signed-out session back, and after a session id change
 * (sign-in) it leaves the old document behind. Here:
 * <ul>
 * <li>a stored session is only ever updated, never upserted: a session deleted (signed
 * out, expired) stays deleted, whatever a slower request writes afterwards;</li>
 * <li>only changed attributes are written ({@code $set}/{@code $unset} per attribute), so
 * two concurrent requests of one browser do not undo each other;</li>
 * <li>a changed id (session fixation protection at sign-in) inserts the new document and
 * deletes the old one;</li>
 * <li>expiry is checked in code on every read and swept by {@link #deleteExpired()},
 * because the embedded store ignores TTL indexes (the TTL index is declared anyway; a
 * real MongoDB uses it);</li>
 * <li>a request that only touches a session writes its last-access time at most once per
 * {@link #touchInterval()}, so reading pages costs no write.</li>
 * </ul>
 *
 * <p>
 * Attributes are stored with Java serialization (the security context holds principals of
 * Spring Security and of {@code identity}, all serializable). A session that cannot be
 * read back (classes changed by an upgrade) is dropped: the person signs in again.
 */
public class StoreSessionRepository implements FindByIndexNameSessionRepository<StoreSession> {

	private static final Logger log = LoggerFactory.getLogger(StoreSessionRepository.class);

	public static final String COLLECTION = "sessions";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration maxInactiveInterval;

	private final PrincipalNameIndexResolver<Session> principalResolver = new PrincipalNameIndexResolver<>();

	private final SerializingConverter serializer = new SerializingConverter();

	private final DeserializingConverter deserializer;

	public StoreSessionRepository(MongoTemplate mongo, Clock clock, Duration maxInactiveInterval) {
		this.mongo = mongo;
		this.clock = clock;
		this.maxInactiveInterval = maxInactiveInterval;
		this.deserializer = new DeserializingConverter(StoreSessionRepository.class.getClassLoader());
	}

	/**
	 * Declares the indexes: by principal (to list a user's sessions) and a TTL index on
	 * the expiry.
	 */
	public void createIndexes() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("principal", Sort.Direction.ASC).named("principal"));
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("expireAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expire_at_ttl"));
	}

	static String newId() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Sessions touched more recently than this are not written again just to record the
	 * access.
	 */
	Duration touchInterval() {
		Duration tenth = this.maxInactiveInterval.dividedBy(10);
		return (tenth.compareTo(Duration.ofMinutes(1)) < 0) ? tenth : Duration.ofMinutes(1);
	}

	@Override
	public StoreSession createSession() {
		return new StoreSession(newId(), this.clock.instant(), this.maxInactiveInterval);
	}

	@Override
	public void save(StoreSession session) {
		String storedId = session.storedId();
		if (storedId == null || !storedId.equals(session.getId())) {
			this.mongo.insert(fullDocument(session), COLLECTION);
			if (storedId != null) {
				this.mongo.remove(byId(storedId), COLLECTION);
			}
			session.stored();
			return;
		}
		Update update = new Update();
		boolean attributesChanged = !session.changedAttributes().isEmpty() || !session.removedAttributes().isEmpty();
		for (String name : session.changedAttributes()) {
			update.set("attrs." + encode(name), serialize(session.getAttribute(name)));
		}
		for (String name : session.removedAttributes()) {
			update.unset("attrs." + encode(name));
		}
		Instant stored = session.storedLastAccessedTime();
		boolean touched = stored == null
				|| Duration.between(stored, session.getLastAccessedTime()).compareTo(touchInterval()) >= 0;
		if (!attributesChanged && !touched && !session.intervalChanged()) {
			return;
		}
		update.set("lastAccessedAt", Date.from(session.getLastAccessedTime()))
			.set("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
			.set("expireAt", Date.from(session.expiresAt()));
		if (attributesChanged) {
			update.set("principal", this.principalResolver.resolveIndexValueFor(session));
		}
		// Never an upsert: a session deleted meanwhile (signed out elsewhere, expired)
		// must stay deleted.
		if (this.mongo.updateFirst(byId(session.getId()), update, COLLECTION).getMatchedCount() == 0) {
			log.debug("Session was ended elsewhere while a request used it; not writing it back");
		}
		session.stored();
	}

	@Override
	public @Nullable StoreSession findById(String id) {
		Document document = this.mongo.findOne(byId(id), Document.class, COLLECTION);
		if (document == null) {
			return null;
		}
		Instant now = this.clock.instant();
		StoreSession session;
		try {
			session = fromDocument(document);
		}
		catch (RuntimeException ex) {
			log.warn("Dropping a session that cannot be read back (saved by another version?): {}", ex.toString());
			deleteById(id);
			return null;
		}
		if (session.isExpired(now)) {
			deleteById(id);
			return null;
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.mongo.remove(byId(id), COLLECTION);
	}

	@Override
	public Map<String, StoreSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
			return Map.of();
		}
		Instant now = this.clock.instant();
		Map<String, StoreSession> sessions = new LinkedHashMap<>();
		for (Document document : this.mongo.find(new Query(Criteria.where("principal").is(indexValue)), Document.class,
				COLLECTION)) {
			try {
				StoreSession session = fromDocument(document);
				if (!session.isExpired(now)) {
					sessions.put(session.getId(), session);
				}
			}
			catch (RuntimeException ex) {
				log.debug("Skipping an unreadable session", ex);
			}
		}
		return sessions;
	}

	/**
	 * Deletes every expired session; returns how many. Every instance may run it: it is
	 * idempotent.
	 */
	public long deleteExpired() {
		return this.mongo.remove(new Query(Criteria.where("expireAt").lte(Date.from(this.clock.instant()))), COLLECTION)
			.getDeletedCount();
	}

	private Document fullDocument(StoreSession session) {
		Document attributes = new Document();
		session.attributes().forEach((name, value) -> attributes.put(encode(name), serialize(value)));
		return new Document("_id", session.getId())
			.append("principal", this.principalResolver.resolveIndexValueFor(session))
			.append("createdAt", Date.from(session.getCreationTime()))
			.append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
			.append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
			.append("expireAt", Date.from(session.expiresAt()))
			.append("attrs", attributes);
	}

	private StoreSession fromDocument(Document document) {
		Map<String, Object> attributes = new HashMap<>();
		Document stored = document.get("attrs", Document.class);
		if (stored != null) {
			stored.forEach((name, value) -> attributes.put(decode(name), deserialize((Binary) value)));
		}
		return new StoreSession(document.getString("_id"), document.getDate("createdAt").toInstant(),
				document.getDate("lastAccessedAt").toInstant(),
				Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()), attributes);
	}

	private Binary serialize(@Nullable Object value) {
		return new Binary(this.serializer.convert(value));
	}

	private Object deserialize(Binary value) {
		return this.deserializer.convert(value.getData());
	}

	private static Query byId(String id) {
		return new Query(Criteria.where("_id").is(id));
	}

	/**
	 * Attribute names become field names: no dots, no leading dollar (e.g. Spring
	 * Security's dotted names).
	 */
	static String encode(String name) {
		return name.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
	}

	static String decode(String field) {
		return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
	}

}
