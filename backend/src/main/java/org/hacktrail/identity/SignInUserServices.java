package org.hacktrail.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Turns a completed OAuth2 or OpenID Connect login into a Hacktrail user: the user is
 * created or updated, and the session's principal carries the Hacktrail user id and
 * roles.
 */
@Component
class SignInUserServices {

	private final UserDirectory users;

	private final OidcUserService oidc = new OidcUserService();

	private final DefaultOAuth2UserService oauth2 = new DefaultOAuth2UserService();

	SignInUserServices(UserDirectory users) {
		this.users = users;
	}

	OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
		return (request) -> {
			OidcUser loaded = this.oidc.loadUser(request);
			String provider = request.getClientRegistration().getRegistrationId();
			String name = firstText(loaded.getFullName(), loaded.getPreferredUsername(), loaded.getEmail(),
					loaded.getSubject());
			// An OIDC provider that does not say the email is verified is not trusted
			// with it for roles.
			boolean verified = Boolean.TRUE.equals(loaded.getEmailVerified());
			User user = this.users.signIn(provider, loaded.getSubject(), name, loaded.getEmail(), verified);
			return new SignedInOidcUser(user.id(), Authorities.of(user), loaded);
		};
	}

	OAuth2UserService<OAuth2UserRequest, OAuth2User> oauth2UserService() {
		return (request) -> {
			OAuth2User loaded = this.oauth2.loadUser(request);
			String provider = request.getClientRegistration().getRegistrationId();
			Map<String, Object> attributes = loaded.getAttributes();
			String subject = String.valueOf(attributes.get("id"));
			String name = firstText(string(attributes.get("name")), string(attributes.get("login")), subject);
			// GitHub only publishes an email the person chose to make public; such an
			// email has been verified by GitHub.
			String email = string(attributes.get("email"));
			User user = this.users.signIn(provider, subject, name, email, email != null);
			return new SignedInOAuth2User(user.id(), Authorities.of(user), attributes);
		};
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value instanceof String s && StringUtils.hasText(s)) ? s : null;
	}

	private static String firstText(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (StringUtils.hasText(candidate)) {
				return candidate;
			}
		}
		return "Anonymous";
	}

	static final class SignedInOidcUser extends DefaultOidcUser implements SignedInUser {

		@Serial
		private static final long serialVersionUID = 1L;

		private final String userId;

		SignedInOidcUser(String userId, Collection<? extends GrantedAuthority> authorities, OidcUser loaded) {
			super(authorities, loaded.getIdToken(), loaded.getUserInfo(), "sub");
			this.userId = userId;
		}

		@Override
		public String userId() {
			return this.userId;
		}

		@Override
		public String getName() {
			return this.userId;
		}

	}

	static final class SignedInOAuth2User extends DefaultOAuth2User implements SignedInUser {

		@Serial
		private static final long serialVersionUID = 1L;

		private final String userId;

		SignedInOAuth2User(String userId, Collection<? extends GrantedAuthority> authorities,
				Map<String, Object> attributes) {
			super(authorities, attributes, "id");
			this.userId = userId;
		}

		@Override
		public String userId() {
			return this.userId;
		}

		@Override
		public String getName() {
			return this.userId;
		}

	}

}
