package org.hacktrail.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to a person once — API tokens, judge invitation links, team invitation
 * links — and the hash that is stored in their place. A secret is a prefix that says what
 * it is ({@code ht_}, {@code hti_}, {@code htl_}) and 256 random bits, URL-safe; the
 * store keeps only its SHA-256, so a copy of the database opens nothing. A fast hash is
 * right here: the secret is random, not a password someone chose.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretTokens() {
	}

	/**
	 * A new secret: {@code prefix} and 32 random bytes in URL-safe Base64 without padding
	 * (43 characters).
	 */
	public static String newSecret(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The stored form of a secret: its SHA-256 in lower-case hex (64 characters). */
	public static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
