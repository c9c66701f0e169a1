package org.hacktrail.platform;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTokensTests {

	@Test
	void aSecretIsItsPrefixAnd256RandomBitsUrlSafe() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String secret = SecretTokens.newSecret("htl_");
			assertThat(secret).startsWith("htl_").hasSize(4 + 43).matches("htl_[A-Za-z0-9_-]{43}");
			seen.add(secret);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void theStoredFormIsTheSha256InLowerCaseHex() {
		// FIPS 180-2's test vector for "abc".
		assertThat(SecretTokens.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(SecretTokens.hash("ht_事")).hasSize(64).isNotEqualTo(SecretTokens.hash("ht_事 "));
	}

}
