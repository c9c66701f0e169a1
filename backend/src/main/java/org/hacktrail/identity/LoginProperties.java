package org.hacktrail.identity;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Login providers. Each is enabled only when its client id and secret are given. Every
 * endpoint is explicit, so the service starts even while a provider is down.
 */
@ConfigurationProperties("hacktrail.login")
public record LoginProperties(@DefaultValue Client github, @DefaultValue Client google, @DefaultValue Oidc oidc) {

	public record Client(@Nullable String clientId, @Nullable String clientSecret) {

		public boolean enabled() {
			return StringUtils.hasText(this.clientId) && StringUtils.hasText(this.clientSecret);
		}

	}

	/**
	 * A generic OpenID Connect provider such as Keycloak. Endpoints not given are derived
	 * from the issuer with Keycloak's layout
	 * ({@code {issuer}/protocol/openid-connect/...}).
	 */
	public record Oidc(@Nullable String clientId, @Nullable String clientSecret, @DefaultValue("OIDC") String name,
			@Nullable String issuerUri, @Nullable String authorizationUri, @Nullable String tokenUri,
			@Nullable String jwkSetUri, @Nullable String userInfoUri) {

		public boolean enabled() {
			return StringUtils.hasText(this.clientId) && StringUtils.hasText(this.clientSecret);
		}

		String endpoint(@Nullable String explicit, String keycloakPath) {
			if (StringUtils.hasText(explicit)) {
				return explicit;
			}
			if (!StringUtils.hasText(this.issuerUri)) {
				throw new IllegalStateException(
						"OIDC login needs OIDC_ISSUER_URI, or every endpoint (OIDC_AUTHORIZATION_URI, OIDC_TOKEN_URI, OIDC_JWK_SET_URI)");
			}
			return this.issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/" + keycloakPath;
		}

	}

}
