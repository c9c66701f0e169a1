package org.hacktrail.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Checks {@code Authorization: Bearer} API tokens against the store, for Spring
 * Security's resource-server support. Roles are read fresh on every request, so revoking
 * a token or a role takes effect at once.
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

	private final ApiTokenService tokens;

	ApiTokenIntrospector(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		ApiTokenService.Authenticated authenticated = this.tokens.authenticate(token)
			.orElseThrow(() -> new BadOpaqueTokenException("The API token is unknown, revoked or expired."));
		return new TokenPrincipal(authenticated.user().id(), authenticated.token().id(),
				Authorities.of(authenticated.user()));
	}

	record TokenPrincipal(String userId, String tokenId,
			List<GrantedAuthority> authorities) implements OAuth2AuthenticatedPrincipal, SignedInUser {

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of("sub", this.userId, "token_id", this.tokenId);
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.authorities;
		}

		@Override
		public String getName() {
			return this.userId;
		}

	}

}
