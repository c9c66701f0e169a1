package org.hacktrail.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.hacktrail.identity.ApiToken;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;

/**
 * Signed-in callers for end-to-end tests: a user (signed in through
 * {@link UserDirectory}, as a login would) and an API token stored for it, sent as
 * {@code Authorization: Bearer}. The organizer's email is the one listed in
 * {@code hacktrail.organizers} of the test properties, so it gets the ORGANIZER role as a
 * real sign-in would.
 */
public final class TestAccounts {

	public static final String ORGANIZER_EMAIL = "organizer@example.org";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserDirectory users;

	private final ApiTokenRepository tokens;

	public TestAccounts(UserDirectory users, ApiTokenRepository tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	/** A signed-in caller: the user and the headers that authenticate as them. */
	public record Account(User user, String secret) {

		public String id() {
			return this.user.id();
		}

		public String[] headers() {
			return new String[] { "Authorization", "Bearer " + this.secret };
		}

	}

	public Account organizer() {
		return account("organizer", "Test Organizer", ORGANIZER_EMAIL);
	}

	/** A user without roles; the same name gives the same user. */
	public Account user(String name) {
		return account(name, name, name + "@example.org");
	}

	/**
	 * A user without roles whose sign-in provider did not verify the email; the same name
	 * gives the same user.
	 */
	public Account unverifiedUser(String name) {
		return account(name, name, name + "@example.org", false);
	}

	private Account account(String subject, String displayName, String email) {
		return account(subject, displayName, email, true);
	}

	private Account account(String subject, String displayName, String email, boolean verified) {
		return tokenFor(this.users.signIn("test", subject, displayName, email, verified));
	}

	/**
	 * An API token for a user signed in some other way (a demo persona a browser test
	 * signs in as), to set up that user's data over the API.
	 */
	public Account tokenFor(User user) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "ht_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.tokens.save(new ApiToken(UUID.randomUUID().toString(), user.id(), "test", sha256(secret),
				secret.substring(0, 7), Instant.now(), null, null));
		return new Account(user, secret);
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
