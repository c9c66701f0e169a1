package org.hacktrail.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The OAuth2 / OpenID Connect client registrations built from {@link LoginProperties}.
 */
@Component
public class LoginProviders {

	private final List<ClientRegistration> registrations;

	LoginProviders(LoginProperties properties) {
		List<ClientRegistration> list = new ArrayList<>();
		if (properties.github().enabled()) {
			list.add(CommonOAuth2Provider.GITHUB.getBuilder("github")
				.clientId(properties.github().clientId())
				.clientSecret(properties.github().clientSecret())
				.build());
		}
		if (properties.google().enabled()) {
			list.add(CommonOAuth2Provider.GOOGLE.getBuilder("google")
				.clientId(properties.google().clientId())
				.clientSecret(properties.google().clientSecret())
				.build());
		}
		LoginProperties.Oidc oidc = properties.oidc();
		if (oidc.enabled()) {
			ClientRegistration.Builder builder = ClientRegistration.withRegistrationId("oidc")
				.clientId(oidc.clientId())
				.clientSecret(oidc.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope("openid", "profile", "email")
				.authorizationUri(oidc.endpoint(oidc.authorizationUri(), "auth"))
				.tokenUri(oidc.endpoint(oidc.tokenUri(), "token"))
				.jwkSetUri(oidc.endpoint(oidc.jwkSetUri(), "certs"))
				.userNameAttributeName(IdTokenClaimNames.SUB)
				.clientName(oidc.name());
			if (StringUtils.hasText(oidc.issuerUri())) {
				builder.issuerUri(oidc.issuerUri());
			}
			String userInfo = StringUtils.hasText(oidc.userInfoUri()) ? oidc.userInfoUri()
					: StringUtils.hasText(oidc.issuerUri()) ? oidc.endpoint(null, "userinfo") : null;
			if (userInfo != null) {
				builder.userInfoUri(userInfo);
			}
			list.add(builder.build());
		}
		this.registrations = List.copyOf(list);
	}

	public List<ClientRegistration> registrations() {
		return this.registrations;
	}

	public boolean any() {
		return !this.registrations.isEmpty();
	}

}
