package org.hacktrail.judging.ranking.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Pseudonymous judge ids: {@code J-} followed by the first 16 hex digits (64 bits) of
 * HMAC-SHA256(key, userId), with a random 256-bit key per hackathon. The same judge has
 * the same pseudonym in every round of a hackathon (so the open data shows one judge's
 * sheets together, which recomputing the normalisation needs) and different ones in
 * different hackathons; without the key, which is never exported, a pseudonym cannot be
 * traced to a user. 64 bits make a collision among a few hundred judges practically
 * impossible (about 10⁻¹⁵); the ranking would refuse it.
 *
 * <p>
 * The key is created once per hackathon by an upsert that only sets it on insert, so
 * concurrent first uses agree.
 */
@Component
public class Pseudonyms {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	Pseudonyms(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public String of(String hackathonId, String userId) {
		return pseudonym(key(hackathonId), userId);
	}

	static String pseudonym(byte[] key, String userId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
			return "J-" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key(String hackathonId) {
		return this.keys.computeIfAbsent(hackathonId, (id) -> {
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			JudgingSecret secret = this.mongo.findAndModify(new Query(Criteria.where("_id").is(id)),
					new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh))
						.setOnInsert("createdAt", this.clock.instant()),
					FindAndModifyOptions.options().upsert(true).returnNew(true), JudgingSecret.class);
			return Base64.getDecoder().decode(secret.key());
		});
	}

}
