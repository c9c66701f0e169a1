package org.hacktrail.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for the signed-in user and their API tokens.
 */
@Controller
class IdentityController {

	private final CurrentUser currentUser;

	private final ApiTokenService tokens;

	private final Clock clock;

	private final UserDirectory users;

	IdentityController(CurrentUser currentUser, ApiTokenService tokens, UserDirectory users, Clock clock) {
		this.currentUser = currentUser;
		this.users = users;
		this.tokens = tokens;
		this.clock = clock;
	}

	@QueryMapping
	@Nullable User me() {
		return this.currentUser.find().orElse(null);
	}

	@SchemaMapping(typeName = "User")
	@Nullable String email(User user) {
		boolean self = this.currentUser.id().map(user.id()::equals).orElse(false);
		return (self || this.currentUser.hasRole(Role.ORGANIZER)) ? user.email() : null;
	}

	@SchemaMapping(typeName = "User")
	List<ApiToken> apiTokens(User user) {
		boolean self = this.currentUser.id().map(user.id()::equals).orElse(false);
		return self ? this.tokens.mine() : List.of();
	}

	@SchemaMapping(typeName = "ApiToken")
	boolean active(ApiToken token) {
		return token.isActive(this.clock.instant());
	}

	record CreateApiTokenInput(String name, @Nullable OffsetDateTime expiresAt) {
	}

	record CreateApiTokenPayload(ApiToken token, String secret) {
	}

	record RevokeApiTokenInput(String id) {
	}

	record RevokeApiTokenPayload(ApiToken token) {
	}

	record UpdateMyProfileInput(@Nullable String displayName, @Nullable List<String> affiliations) {
	}

	record UpdateMyProfilePayload(User user) {
	}

	@MutationMapping
	UpdateMyProfilePayload updateMyProfile(@Argument UpdateMyProfileInput input) {
		return new UpdateMyProfilePayload(
				this.users.updateProfile(this.currentUser.requireId(), input.displayName(), input.affiliations()));
	}

	@MutationMapping
	CreateApiTokenPayload createApiToken(@Argument CreateApiTokenInput input) {
		ApiTokenService.CreatedToken created = this.tokens.create(input.name(),
				(input.expiresAt() != null) ? input.expiresAt().toInstant() : null);
		return new CreateApiTokenPayload(created.token(), created.secret());
	}

	@MutationMapping
	RevokeApiTokenPayload revokeApiToken(@Argument RevokeApiTokenInput input) {
		return new RevokeApiTokenPayload(this.tokens.revoke(input.id()));
	}

}
