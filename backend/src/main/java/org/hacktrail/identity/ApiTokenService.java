package org.hacktrail.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.SecretTokens;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, revokes and checks API tokens. A user manages only their own tokens.
 */
@Service
public class ApiTokenService {

	static final String TOKEN_PREFIX = "ht_";

	static final int MAX_ACTIVE_TOKENS = 50;

	static final String BOOTSTRAP_TOKEN_ID = "bootstrap";

	private final ApiTokenRepository tokens;

	private final MongoTemplate mongo;

	private final CurrentUser currentUser;

	private final UserDirectory users;

	private final Clock clock;

	private final AuditLog audit;

	ApiTokenService(ApiTokenRepository tokens, MongoTemplate mongo, CurrentUser currentUser, UserDirectory users,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.tokens = tokens;
		this.mongo = mongo;
		this.currentUser = currentUser;
		this.users = users;
		this.clock = clock;
	}

	/** A token just created: its record and the secret, which is never shown again. */
	public record CreatedToken(ApiToken token, String secret) {
	}

	/** What a valid bearer token stands for. */
	public record Authenticated(User user, ApiToken token) {
	}

	@PreAuthorize("isAuthenticated()")
	public CreatedToken create(String name, @Nullable Instant expiresAt) {
		String userId = this.currentUser.requireId();
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw DomainException.badInput("name", Refusal.LENGTH, "min", 1, "max", 100);
		}
		FreeText.check(trimmed, "name", FreeText.Kind.LINE);
		Instant now = this.clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw DomainException.badInput("expiresAt", Refusal.NOT_IN_FUTURE);
		}
		long active = this.tokens.findByUserIdOrderByCreatedAtDesc(userId)
			.stream()
			.filter((token) -> token.isActive(now))
			.count();
		if (active >= MAX_ACTIVE_TOKENS) {
			throw DomainException.badInput("tokens", Refusal.LIMIT_REACHED, "max", MAX_ACTIVE_TOKENS);
		}
		String secret = SecretTokens.newSecret(TOKEN_PREFIX);
		ApiToken token = new ApiToken(UUID.randomUUID().toString(), userId, trimmed, SecretTokens.hash(secret),
				secret.substring(0, TOKEN_PREFIX.length() + 4), now, expiresAt, null);
		ApiToken saved = this.tokens.save(token);
		this.audit.record(AuditEventType.TOKEN_CREATED, userId, "apiToken", saved.id(),
				Map.of("name", saved.name(), "prefix", saved.prefix(), "expiresAt",
						(saved.expiresAt() != null) ? saved.expiresAt().toString() : "never"));
		return new CreatedToken(saved, secret);
	}

	@PreAuthorize("isAuthenticated()")
	public List<ApiToken> mine() {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(this.currentUser.requireId());
	}

	/** Revokes one of the caller's tokens; revoking twice is harmless. */
	@PreAuthorize("isAuthenticated()")
	public ApiToken revoke(String id) {
		String userId = this.currentUser.requireId();
		Query query = new Query(Criteria.where("_id").is(id).and("userId").is(userId));
		ApiToken existing = this.mongo.findOne(query, ApiToken.class);
		if (existing == null) {
			throw DomainException.notFound("You have no API token with id " + id + ".");
		}
		if (existing.revokedAt() != null) {
			return existing;
		}
		ApiToken revoked = this.mongo.findAndModify(query, new Update().set("revokedAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), ApiToken.class);
		this.audit.record(AuditEventType.TOKEN_REVOKED, userId, "apiToken", id,
				Map.of("name", existing.name(), "prefix", existing.prefix()));
		return revoked;
	}

	/**
	 * The user behind a bearer token, if the token is well-formed, known, not revoked and
	 * not expired.
	 */
	public Optional<Authenticated> authenticate(String secret) {
		if (secret == null || secret.length() < 20 || secret.length() > 200) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.tokens.findByTokenHash(SecretTokens.hash(secret))
			.filter((token) -> token.isActive(now))
			.flatMap((token) -> this.users.findById(token.userId()).map((user) -> new Authenticated(user, token)));
	}

	/**
	 * Makes sure the service account behind {@code HACKTRAIL_BOOTSTRAP_TOKEN} exists with
	 * the ORGANIZER role and that the given secret is its token. Idempotent; a changed
	 * secret replaces the previous one.
	 */
	public User ensureBootstrapToken(String secret) {
		if (secret.length() < 24) {
			throw new IllegalArgumentException("HACKTRAIL_BOOTSTRAP_TOKEN must be at least 24 characters long");
		}
		User account = this.users.ensureServiceAccount("bootstrap", "Bootstrap service account",
				Set.of(Role.ORGANIZER));
		Query query = new Query(Criteria.where("_id").is(BOOTSTRAP_TOKEN_ID));
		Update update = new Update().set("userId", account.id())
			.set("name", "HACKTRAIL_BOOTSTRAP_TOKEN")
			.set("tokenHash", SecretTokens.hash(secret))
			.set("prefix", secret.substring(0, 4))
			.unset("revokedAt")
			.unset("expiresAt")
			.setOnInsert("createdAt", this.clock.instant());
		this.mongo.upsert(query, update, ApiToken.class);
		return account;
	}

}
