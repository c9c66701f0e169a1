package org.hacktrail.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface ApiTokenRepository extends CrudRepository<ApiToken, String> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(String userId);

}
