package org.hacktrail.platform;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * What the store behind the service can do, read once at start from the server's
 * {@code hello} (or {@code isMaster}) answer. Multi-document transactions need sessions
 * ({@code logicalSessionTimeoutMinutes}) on a replica set ({@code setName}) or through a
 * sharded cluster's router ({@code msg: "isdbgrid"}); a standalone server and the
 * embedded store have none.
 *
 * @param kind what the server is
 * @param replicaSetName the replica set's name, when it is one
 * @param logicalSessionTimeoutMinutes present when the server supports sessions
 */
public record StoreCapabilities(Kind kind, @Nullable String replicaSetName,
		@Nullable Integer logicalSessionTimeoutMinutes) {

	public enum Kind {

		/** mongo-java-server inside this process. */
		EMBEDDED,

		/** A single mongod, not part of a replica set. */
		STANDALONE,

		/** A member of a replica set. */
		REPLICA_SET,

		/** A mongos router of a sharded cluster. */
		SHARDED

	}

	public static StoreCapabilities embedded() {
		return new StoreCapabilities(Kind.EMBEDDED, null, null);
	}

	/** Reads a {@code hello}/{@code isMaster} answer of a real MongoDB. */
	public static StoreCapabilities fromHello(Document hello) {
		Integer sessions = (hello.get("logicalSessionTimeoutMinutes") instanceof Number minutes) ? minutes.intValue()
				: null;
		String setName = (hello.get("setName") instanceof String name && !name.isBlank()) ? name : null;
		Kind kind;
		if ("isdbgrid".equals(hello.get("msg"))) {
			kind = Kind.SHARDED;
		}
		else if (setName != null) {
			kind = Kind.REPLICA_SET;
		}
		else {
			kind = Kind.STANDALONE;
		}
		return new StoreCapabilities(kind, setName, sessions);
	}

	/** Whether multi-document transactions can be used. */
	public boolean transactions() {
		return this.logicalSessionTimeoutMinutes != null
				&& (this.kind == Kind.REPLICA_SET || this.kind == Kind.SHARDED);
	}

	public String describe() {
		return switch (this.kind) {
			case EMBEDDED -> "the embedded store (no sessions, no transactions)";
			case STANDALONE -> "a standalone MongoDB server (no transactions; use a replica set in production)";
			case REPLICA_SET -> "MongoDB replica set " + this.replicaSetName
					+ (transactions() ? " with sessions and transactions" : " without sessions");
			case SHARDED -> "a sharded MongoDB cluster"
					+ (transactions() ? " with sessions and transactions" : " without sessions");
		};
	}

}
