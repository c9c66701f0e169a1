package org.hacktrail.identity;

import java.util.Optional;

import org.hacktrail.platform.Caller;
import org.hacktrail.platform.DomainException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the signed-in user of the current request, if any.
 */
@Component
public class CurrentUser implements Caller {

	private final UserDirectory users;

	CurrentUser(UserDirectory users) {
		this.users = users;
	}

	/**
	 * The signed-in user's id, or empty for an anonymous caller. Costs no store round
	 * trip.
	 */
	public Optional<String> id() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
			return Optional.of(signedIn.userId());
		}
		return Optional.empty();
	}

	@Override
	public String requireId() {
		return id().orElseThrow(DomainException::unauthenticated);
	}

	/** The signed-in user, loaded from the store, or empty for an anonymous caller. */
	public Optional<User> find() {
		return id().flatMap(this.users::findById);
	}

	public User require() {
		return find().orElseThrow(DomainException::unauthenticated);
	}

	public boolean hasRole(Role role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> role.authority().equals(authority.getAuthority()));
	}

}
