package org.hacktrail.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A small public document that feed readers and calendar apps poll (the calendar, the
 * Atom feeds, g0v.json): written whole, answered with a short {@code Cache-Control} and
 * an ETag of its bytes, so that a poll that finds it unchanged gets a 304 without a body
 * (Spring MVC compares {@code If-None-Match} with the ETag of a {@link ResponseEntity}).
 */
public final class PublicDocument {

	/** How long a cache may keep a public document. */
	public static final Duration MAX_AGE = Duration.ofMinutes(5);

	private PublicDocument() {
	}

	/** The document's bytes as UTF-8 with its type, cache lifetime and ETag. */
	public static ResponseEntity<byte[]> ok(String body, MediaType type) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.eTag(etag(bytes))
			.body(bytes);
	}

	/** A strong ETag: the first 128 bits of the SHA-256 of the bytes, in hex. */
	static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The address of this service as the current request reached it
	 * ({@code https://hacktrail.example}, without a trailing slash; behind a proxy with
	 * {@code HACKTRAIL_FORWARD_HEADERS=native}, the address the proxy was asked for):
	 * where the public pages that documents link to are.
	 */
	public static String base() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
