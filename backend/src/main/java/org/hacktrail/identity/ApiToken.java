package org.hacktrail.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An API token for scripts and automation. Only the SHA-256 hash of the secret is stored;
 * the secret is shown once, when the token is created.
 *
 * <p>
 * The unique index on {@code (_id, userId)} is redundant on a real MongoDB; it lets the
 * embedded store, which uses an index only when it is unique and names exactly a query's
 * fields, serve revocation (by id and owner) without a scan
 * ({@code ConditionalWriteIndexTests}).
 *
 * @param prefix the first characters of the secret, so that a person can tell their
 * tokens apart
 */
@Document("api_tokens")
@CompoundIndex(name = "id_user", def = "{'_id': 1, 'userId': 1}", unique = true)
public record ApiToken(@Id String id, @Indexed String userId, String name, @Indexed(unique = true) String tokenHash,
		String prefix, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt) {

	public boolean isActive(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

}
