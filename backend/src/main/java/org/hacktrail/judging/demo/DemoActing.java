package org.hacktrail.judging.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.hacktrail.identity.DemoPersonas;
import org.hacktrail.identity.Role;
import org.hacktrail.identity.SignedInUser;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How the judging demo data acts: each step as a demo user, the way a signed-in request
 * would, so the demo follows the same rules as real use.
 */
final class DemoActing {

	private DemoActing() {
	}

	/** Runs a step as this user (an organizer or not), then restores who was acting. */
	static <T> T as(User user, boolean organizer, Supplier<T> step) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		List<SimpleGrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
		if (organizer) {
			authorities.add(new SimpleGrantedAuthority(Role.ORGANIZER.authority()));
		}
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(new Actor(user.id()), null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			return step.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The demo persona with this id, signed in (created on first use) as a demo user. */
	static User persona(DemoPersonas personas, UserDirectory users, String id) {
		DemoPersonas.Persona persona = personaOf(personas, id);
		return users.signIn(User.DEMO_PROVIDER, persona.id(), persona.displayName(), persona.email(), false);
	}

	static DemoPersonas.Persona personaOf(DemoPersonas personas, String id) {
		return personas.all().stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow();
	}

	private record Actor(String userId) implements SignedInUser {
	}

}
