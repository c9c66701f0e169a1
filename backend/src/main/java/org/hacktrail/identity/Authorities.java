package org.hacktrail.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities a user's authentication carries: ROLE_USER for everyone signed in, plus
 * their roles.
 */
final class Authorities {

	static final String USER = "ROLE_USER";

	private Authorities() {
	}

	static List<GrantedAuthority> of(User user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(USER));
		user.roles().stream().sorted().forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}

}
