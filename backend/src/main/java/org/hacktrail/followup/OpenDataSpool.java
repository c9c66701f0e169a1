package org.hacktrail.followup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An open-data file written once to a temporary file while its SHA-256 is computed, so
 * that it can be tagged (ETag) before it is sent and still be streamed without holding it
 * in memory. The file is deleted once sent or once a 304 made it unneeded.
 */
final class OpenDataSpool {

	/** Writes the file's bytes to the stream. */
	interface Writing {

		void writeTo(OutputStream out) throws IOException;

	}

	private final Path file;

	private final String hash;

	private OpenDataSpool(Path file, String hash) {
		this.file = file;
		this.hash = hash;
	}

	static OpenDataSpool write(Writing writing) throws IOException {
		Path file = Files.createTempFile("hacktrail-opendata-", ".tmp");
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
				writing.writeTo(out);
			}
			return new OpenDataSpool(file, HexFormat.of().formatHex(sha256.digest()));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		catch (NoSuchAlgorithmException ex) {
			Files.deleteIfExists(file);
			throw new IllegalStateException(ex);
		}
	}

	/** The SHA-256 of the bytes written, in hexadecimal. */
	String hash() {
		return this.hash;
	}

	/** Sends the file as written, then deletes it. */
	void sendTo(OutputStream out) throws IOException {
		sendTo(out, null, null);
	}

	/**
	 * Sends the file with the first occurrence of {@code mark} (within its first 64 KB)
	 * replaced by {@code value}, then deletes it.
	 */
	void sendTo(OutputStream out, String mark, String value) throws IOException {
		try (InputStream in = Files.newInputStream(this.file)) {
			if (mark != null && value != null) {
				byte[] head = in.readNBytes(64 * 1024);
				byte[] needle = mark.getBytes(StandardCharsets.UTF_8);
				int at = indexOf(head, needle);
				if (at >= 0) {
					out.write(head, 0, at);
					out.write(value.getBytes(StandardCharsets.UTF_8));
					out.write(head, at + needle.length, head.length - at - needle.length);
				}
				else {
					out.write(head);
				}
			}
			in.transferTo(out);
		}
		finally {
			delete();
		}
	}

	void delete() throws IOException {
		Files.deleteIfExists(this.file);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}

}
