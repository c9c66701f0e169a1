package org.hacktrail.platform.store;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import de.bwaldvogel.mongo.exception.MongoServerError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the embedded store accepts writes right now, and if not, why. Several causes
 * can hold at once (the disk is low and the file could not be written); writes are
 * accepted again only when every cause has cleared. Each change is logged in one line
 * that says what happened and what to do.
 */
public final class StoreState {

	private static final Logger log = LoggerFactory.getLogger(StoreState.class);

	/**
	 * The code name the store answers a refused write (or an unreadable file) with;
	 * {@code StoreFailures} recognises it.
	 */
	public static final String REFUSED_CODE_NAME = "HacktrailStoreUnavailable";

	/**
	 * MongoDB's own code for a write refused by a read-only server
	 * ({@code IllegalOperation}).
	 */
	static final int REFUSED_CODE = 20;

	/** Why writes are refused, most serious first. */
	public enum Cause {

		/**
		 * A commit or a sync failed: the file could not be written (read-only, disk full,
		 * I/O error).
		 */
		WRITE_FAILED("the server could not write to its disk"),

		/**
		 * A damaged file was opened at an older consistent version and waits for an
		 * operator.
		 */
		RECOVERED("the service runs read-only after recovering its data"),

		/** Free disk space is below the floor. */
		DISK_SPACE_LOW("the server is running out of disk space"),

		/** An operator opened the store read-only. */
		READ_ONLY("the service runs read-only");

		private final String publicReason;

		Cause(String publicReason) {
			this.publicReason = publicReason;
		}

		/** What a user may be told: no paths, no internals. */
		public String publicReason() {
			return this.publicReason;
		}

	}

	/**
	 * One reason to refuse writes.
	 *
	 * @param cause the kind
	 * @param detail what happened, for operators (paths and figures allowed)
	 * @param action what an operator should do about it
	 * @param since when it started
	 */
	public record Refusal(Cause cause, String detail, String action, Instant since) {

		MongoServerError toServerError() {
			return new MongoServerError(REFUSED_CODE, REFUSED_CODE_NAME,
					"Writes refused: " + this.cause.publicReason());
		}

	}

	private final Clock clock;

	private final Map<Cause, Refusal> refusals = new EnumMap<>(Cause.class);

	private volatile @Nullable Refusal current;

	private volatile @Nullable String unreadable;

	StoreState(Clock clock) {
		this.clock = clock;
	}

	/** The most serious reason writes are refused, if they are. */
	public Optional<Refusal> writesRefused() {
		return Optional.ofNullable(this.current);
	}

	/** Why nothing can be read either (the file could not be reopened), if so. */
	public Optional<String> unreadable() {
		return Optional.ofNullable(this.unreadable);
	}

	synchronized void refuse(Cause cause, String detail, String action) {
		Refusal previous = this.refusals.get(cause);
		if (previous != null && previous.detail().equals(detail)) {
			return;
		}
		Refusal refusal = new Refusal(cause, detail, action,
				(previous != null) ? previous.since() : this.clock.instant());
		this.refusals.put(cause, refusal);
		this.current = this.refusals.values().iterator().next();
		if (previous == null) {
			log.error("Embedded store refuses writes: {}. {}", detail, action);
		}
	}

	synchronized void clear(Cause cause) {
		if (this.refusals.remove(cause) == null) {
			return;
		}
		this.current = this.refusals.isEmpty() ? null : this.refusals.values().iterator().next();
		if (this.current == null) {
			log.warn("Embedded store accepts writes again ({} resolved)", cause.name().toLowerCase().replace('_', ' '));
		}
		else {
			log.warn("Embedded store: {} resolved; writes stay refused: {}",
					cause.name().toLowerCase().replace('_', ' '), this.current.detail());
		}
	}

	void unreadable(@Nullable String reason) {
		this.unreadable = reason;
	}

}
