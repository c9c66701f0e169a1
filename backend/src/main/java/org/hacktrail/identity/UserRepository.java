package org.hacktrail.identity;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

/**
 * The {@code users} collection; other modules read users through {@link UserDirectory}.
 */
interface UserRepository extends CrudRepository<User, String> {

	Optional<User> findByProviderAndSubject(String provider, String subject);

}
