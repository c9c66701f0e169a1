package org.hacktrail.platform.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;

/**
 * A session as {@link StoreSessionRepository} hands it to Spring Session: its attributes
 * in memory plus what changed since it was loaded, so that saving writes only the
 * difference (two concurrent requests of one browser that set different attributes do not
 * undo each other's change).
 */
public final class StoreSession implements Session {

	private String id;

	/** The id it was stored under, or null for a session never stored. */
	private @Nullable String storedId;

	private final Instant creationTime;

	private Instant lastAccessedTime;

	/**
	 * The last-accessed time as stored: the repository skips writing a session only
	 * touched a moment ago.
	 */
	private @Nullable Instant storedLastAccessedTime;

	private Duration maxInactiveInterval;

	private final Map<String, Object> attributes;

	private final Set<String> changed = new HashSet<>();

	private final Set<String> removed = new HashSet<>();

	private boolean intervalChanged;

	StoreSession(String id, Instant now, Duration maxInactiveInterval) {
		this.id = id;
		this.storedId = null;
		this.creationTime = now;
		this.lastAccessedTime = now;
		this.maxInactiveInterval = maxInactiveInterval;
		this.attributes = new HashMap<>();
	}

	StoreSession(String id, Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval,
			Map<String, Object> attributes) {
		this.id = id;
		this.storedId = id;
		this.creationTime = creationTime;
		this.lastAccessedTime = lastAccessedTime;
		this.storedLastAccessedTime = lastAccessedTime;
		this.maxInactiveInterval = maxInactiveInterval;
		this.attributes = new HashMap<>(attributes);
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public String changeSessionId() {
		this.id = StoreSessionRepository.newId();
		return this.id;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T getAttribute(String name) {
		return (T) this.attributes.get(name);
	}

	@Override
	public Set<String> getAttributeNames() {
		return Set.copyOf(this.attributes.keySet());
	}

	@Override
	public void setAttribute(String name, @Nullable Object value) {
		if (value == null) {
			removeAttribute(name);
			return;
		}
		this.attributes.put(name, value);
		this.changed.add(name);
		this.removed.remove(name);
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
		this.changed.remove(name);
		this.removed.add(name);
	}

	@Override
	public Instant getCreationTime() {
		return this.creationTime;
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		this.lastAccessedTime = lastAccessedTime;
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.lastAccessedTime;
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.intervalChanged |= !interval.equals(this.maxInactiveInterval);
		this.maxInactiveInterval = interval;
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.maxInactiveInterval;
	}

	@Override
	public boolean isExpired() {
		return isExpired(Instant.now());
	}

	boolean isExpired(Instant now) {
		return !this.maxInactiveInterval.isNegative() && !now.isBefore(expiresAt());
	}

	Instant expiresAt() {
		return this.lastAccessedTime.plus(this.maxInactiveInterval);
	}

	@Nullable String storedId() {
		return this.storedId;
	}

	@Nullable Instant storedLastAccessedTime() {
		return this.storedLastAccessedTime;
	}

	Map<String, Object> attributes() {
		return this.attributes;
	}

	Set<String> changedAttributes() {
		return this.changed;
	}

	Set<String> removedAttributes() {
		return this.removed;
	}

	boolean intervalChanged() {
		return this.intervalChanged;
	}

	/** After a successful save: what is stored now is what this object holds. */
	void stored() {
		this.storedId = this.id;
		this.storedLastAccessedTime = this.lastAccessedTime;
		this.changed.clear();
		this.removed.clear();
		this.intervalChanged = false;
	}

}
