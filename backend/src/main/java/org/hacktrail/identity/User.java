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
 */
@Document("users")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "provider_subject", def = "{'provider': 1, 'subject': 1}", unique = true)
public record User(@Id String id, String provider, String subject, String displayName, @Nullable String email,
		List<String> affiliations, Set<Role> roles, Instant createdAt, @Nullable Instant lastLoginAt,
		@Version @Nullable Long version) {

	public static final String SERVICE_PROVIDER = "service";

	public static final String DEMO_PROVIDER = "demo";

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
