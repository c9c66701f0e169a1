package org.hacktrail.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person (or service account) known to Hacktrail, keyed by the identity provider and
 * its subject.
 *
 * @param provider the login provider's registration id ({@code github}, {@code google},
 * {@code oidc}), or {@code demo} / {@code service} for demo personas and service accounts
 * @param subject the provider's stable id for this person
 * @param emailVerified whether the provider vouched for {@code email} at the last sign-in
 * (OIDC: the {@code email_verified} claim; GitHub: a public email, which GitHub publishes
 * only once verified; demo personas and service accounts: never). Null on accounts that
 * have not signed in since the flag was recorded: not verified.
 */
@Document("users")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "provider_subject", def = "{'provider': 1, 'subject': 1}", unique = true)
public record User(@Id String id, String provider, String subject, String displayName, @Nullable String email,
		List<String> affiliations, Set<Role> roles, Instant createdAt, @Nullable Instant lastLoginAt,
		@Version @Nullable Long version, @Nullable Boolean emailVerified) {

	public static final String SERVICE_PROVIDER = "service";

	public static final String DEMO_PROVIDER = "demo";

	/** An email the sign-in provider verified. */
	public boolean hasVerifiedEmail() {
		return this.email != null && Boolean.TRUE.equals(this.emailVerified);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
