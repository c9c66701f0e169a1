package org.hacktrail.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.LiteralPattern;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.UserNames;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Creates and updates users as they sign in. One atomic upsert per sign-in, keyed by
 * (provider, subject), so two simultaneous first sign-ins of one person create one user.
 */
@Service
public class UserDirectory implements UserNames {

	private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

	private final MongoTemplate mongo;

	private final UserRepository users;

	private final Clock clock;

	private final Set<String> organizerEmails;

	private final AuditLog audit;

	UserDirectory(MongoTemplate mongo, UserRepository users, Clock clock, AuditLog audit,
			@Value("${hacktrail.organizers:}") List<String> organizerEmails) {
		this.audit = audit;
		this.mongo = mongo;
		this.users = users;
		this.clock = clock;
		this.organizerEmails = organizerEmails.stream()
			.map(String::trim)
			.filter(StringUtils::hasText)
			.map((email) -> email.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Records a sign-in and returns the user. A verified email listed in
	 * {@code HACKTRAIL_ORGANIZERS} makes the user an organizer; an unverified one never
	 * does.
	 */
	public User signIn(String provider, String subject, String displayName, @Nullable String email,
			boolean emailVerified) {
		Query query = new Query(Criteria.where("provider").is(provider).and("subject").is(subject));
		// The provider's name is only the starting point: a name the person chose here is
		// kept at later sign-ins.
		Update update = new Update().setOnInsert("displayName", displayName)
			.set("email", email)
			.set("emailVerified", email != null && emailVerified)
			.set("lastLoginAt", this.clock.instant())
			.setOnInsert("createdAt", this.clock.instant())
			.setOnInsert("affiliations", List.of())
			.inc("version", 1);
		boolean organizer = emailVerified && email != null
				&& this.organizerEmails.contains(email.toLowerCase(Locale.ROOT));
		if (organizer) {
			update.addToSet("roles", Role.ORGANIZER);
		}
		else {
			update.setOnInsert("roles", List.of());
		}
		if (!organizer) {
			return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
					User.class);
		}
		// The user before the change tells whether the role is new (for the audit log):
		// one extra read, organizers only.
		User before = this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().upsert(true).returnNew(false), User.class);
		User user = this.mongo.findOne(query, User.class);
		if (before == null || !before.hasRole(Role.ORGANIZER)) {
			log.info("User {} ({}) signed in as an organizer listed in HACKTRAIL_ORGANIZERS", user.id(), provider);
			roleGranted(user.id(), Role.ORGANIZER, "HACKTRAIL_ORGANIZERS");
		}
		return user;
	}

	/** Makes sure a service account exists, with the given roles added. */
	public User ensureServiceAccount(String subject, String displayName, Set<Role> roles) {
		Query query = new Query(Criteria.where("provider").is(User.SERVICE_PROVIDER).and("subject").is(subject));
		Update update = new Update().set("displayName", displayName)
			.setOnInsert("createdAt", this.clock.instant())
			.setOnInsert("affiliations", List.of())
			.addToSet("roles")
			.each(roles.toArray())
			.inc("version", 1);
		User before = this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().upsert(true).returnNew(false), User.class);
		User account = this.mongo.findOne(query, User.class);
		for (Role role : roles) {
			if (before == null || !before.hasRole(role)) {
				roleGranted(account.id(), role, "service account " + subject);
			}
		}
		return account;
	}

	/** Records in the audit log that a user got a role. */
	void roleGranted(String userId, Role role, String how) {
		this.audit.record(AuditEventType.ROLE_GRANTED, null, "user", userId, Map.of("role", role.name(), "by", how));
	}

	/**
	 * Changes a user's display name and/or affiliations. Blank entries are dropped,
	 * duplicates (ignoring case and surrounding space) are kept once.
	 */
	public User updateProfile(String userId, @Nullable String displayName, @Nullable List<String> affiliations) {
		Update update = new Update().inc("version", 1);
		if (displayName != null) {
			String name = displayName.strip();
			if (name.isEmpty() || name.length() > 100) {
				throw DomainException.badInput("displayName", Refusal.LENGTH, "min", 1, "max", 100);
			}
			FreeText.check(name, "displayName", FreeText.Kind.LINE);
			update.set("displayName", name);
		}
		if (affiliations != null) {
			List<String> cleaned = new java.util.ArrayList<>();
			Set<String> seen = new java.util.HashSet<>();
			for (String affiliation : affiliations) {
				String value = (affiliation != null) ? affiliation.strip() : "";
				if (value.length() > 200) {
					throw DomainException.badInput("affiliations", Refusal.TOO_LONG, "max", 200);
				}
				FreeText.check(value, "affiliations", FreeText.Kind.LINE);
				if (!value.isEmpty() && seen.add(value.toLowerCase(Locale.ROOT))) {
					cleaned.add(value);
				}
			}
			if (cleaned.size() > 20) {
				throw DomainException.badInput("affiliations", Refusal.TOO_MANY, "max", 20, "count", cleaned.size());
			}
			update.set("affiliations", cleaned);
		}
		User user = this.mongo.findAndModify(new Query(Criteria.where("_id").is(userId)), update,
				FindAndModifyOptions.options().returnNew(true), User.class);
		if (user == null) {
			throw DomainException.notFound("No such user.");
		}
		return user;
	}

	/**
	 * The organisations on these users' accounts, by user id, in one round trip
	 * ({@code $in} on {@code _id}, affiliations only): what conflict-of-interest
	 * detection compares judges' affiliations with. Users without any are absent.
	 */
	public Map<String, List<String>> affiliations(Set<String> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Query query = new Query(Criteria.where("_id").in(userIds));
		query.fields().include("affiliations");
		return this.mongo.find(query, User.class)
			.stream()
			.filter((user) -> user.affiliations() != null && !user.affiliations().isEmpty())
			.collect(Collectors.toMap(User::id, User::affiliations));
	}

	/**
	 * Adds a global role to a user (judging grants JUDGE when an invitation is accepted).
	 * Idempotent. A session started before keeps its old authorities until the next
	 * sign-in; rights that matter are checked elsewhere (judging reads the per-hackathon
	 * judge record).
	 */
	public User addRole(String userId, Role role) {
		User user = this.mongo.findAndModify(new Query(Criteria.where("_id").is(userId)),
				new Update().addToSet("roles", role).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
				User.class);
		if (user == null) {
			throw DomainException.notFound("No such user.");
		}
		return user;
	}

	public Optional<User> findById(String id) {
		return this.users.findById(id);
	}

	/** The users with these ids, in one round trip; unknown ids are left out. */
	public List<User> findAllById(Collection<String> ids) {
		List<User> found = new ArrayList<>();
		if (!ids.isEmpty()) {
			this.users.findAllById(ids).forEach(found::add);
		}
		return found;
	}

	@Override
	public Map<String, String> displayNames(Collection<String> userIds) {
		return findAllById(userIds).stream().collect(Collectors.toMap(User::id, User::displayName, (a, b) -> a));
	}

	/**
	 * People who have signed in (no service accounts) whose display name contains
	 * {@code text}, or whose email address is {@code text} in full, ignoring case; at
	 * most {@code limit}, by display name. Email is matched only on the whole address,
	 * never on a part of it, so that a search cannot be used to guess addresses one
	 * character at a time; callers never get the address back either (see the team's
	 * invite search).
	 * @param text what was typed, already trimmed and checked for length by the caller
	 */
	public List<User> search(String text, int limit) {
		String literal = literal(text);
		// One document of conditions, no $and (the store rule of StoreRulesTests).
		Criteria matches = new Criteria()
			.orOperator(Criteria.where("displayName").regex(literal, "i"),
					Criteria.where("email").regex("^" + literal + "$", "i"))
			.and("provider")
			.ne(User.SERVICE_PROVIDER)
			.and("lastLoginAt")
			.ne(null);
		Query query = new Query(matches).with(Sort.by("displayName", "_id")).limit(limit);
		return this.mongo.find(query, User.class);
	}

	/**
	 * A regular expression that matches {@code text} literally ({@link LiteralPattern}).
	 */
	static String literal(String text) {
		return LiteralPattern.of(text);
	}

	/** The user who signs in with this provider's {@code subject}, if they ever did. */
	public Optional<User> findBySignIn(String provider, String subject) {
		return this.users.findByProviderAndSubject(provider, subject);
	}

}
