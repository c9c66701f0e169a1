package org.hacktrail.identity;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface UserRepository extends CrudRepository<User, String> {

	Optional<User> findByProviderAndSubject(String provider, String subject);

}
