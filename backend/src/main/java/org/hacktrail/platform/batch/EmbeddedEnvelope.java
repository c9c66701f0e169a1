package org.hacktrail.platform.batch;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.StoreCapabilities;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded store's envelope: it suits up to roughly 100,000–200,000 documents per
 * collection ({@code hacktrail.jobs.embedded-envelope}, 200,000 by default). A job that
 * would take a collection past it is refused before it starts, with what to do instead
 * (move to MongoDB with {@code MONGODB_URI}), unless the operator confirms with the job
 * parameter {@value #CONFIRM}{@code =true}; then it runs and says so in the log. On a
 * real MongoDB there is no such limit and nothing is checked.
 */
@Component
public class EmbeddedEnvelope {

	/**
	 * The job parameter (and upload flag) by which an operator runs a job beyond the
	 * envelope anyway.
	 */
	public static final String CONFIRM = "confirmBeyondEmbeddedEnvelope";

	/**
	 * The {@code extensions.rule} of a refusal, for the panel to offer the confirmation.
	 */
	public static final String RULE = "embeddedEnvelope";

	private final StoreCapabilities store;

	private final MongoTemplate mongo;

	private final long limit;

	EmbeddedEnvelope(StoreCapabilities store, MongoTemplate mongo,
			@Value("${hacktrail.jobs.embedded-envelope:200000}") long limit) {
		this.store = store;
		this.mongo = mongo;
		this.limit = limit;
	}

	/**
	 * Checks that adding about {@code adding} documents to {@code collection} keeps it
	 * within the envelope.
	 * @param what what is added, for the message (e.g. "rows in the file")
	 * @param confirmed the operator confirmed running beyond the envelope
	 * @return a warning to log when the job goes beyond the envelope on the operator's
	 * confirmation
	 * @throws DomainException BAD_USER_INPUT with rule {@value #RULE} when it would go
	 * beyond without confirmation
	 */
	public Optional<String> check(String collection, long adding, String what, boolean confirmed) {
		if (this.store.kind() != StoreCapabilities.Kind.EMBEDDED) {
			return Optional.empty();
		}
		long stored = this.mongo.getCollection(collection).estimatedDocumentCount();
		if (stored + adding <= this.limit) {
			return Optional.empty();
		}
		String size = String.format(Locale.ROOT, "%,d documents in %s (%,d stored and %,d %s)", stored + adding,
				collection, stored, adding, what);
		if (confirmed) {
			return Optional.of("Running beyond the embedded store's envelope on the operator's confirmation: " + size
					+ ", past the " + String.format(Locale.ROOT, "%,d", this.limit) + " it suits. Expect slow "
					+ "jobs and a large store file; a real MongoDB (MONGODB_URI) has no such limit.");
		}
		throw new DomainException(ErrorCode.BAD_USER_INPUT, "This would make " + size + ": the embedded store suits up "
				+ "to about " + String.format(Locale.ROOT, "%,d", this.limit) + " documents per collection "
				+ "(hacktrail.jobs.embedded-envelope). For more, move to MongoDB: back up with scripts/backup, set "
				+ "MONGODB_URI to a MongoDB replica set and load the backup with scripts/restore (docs/operations.md, \"Running "
				+ "against a real MongoDB replica set\"). To run it on the embedded store anyway, confirm with "
				+ CONFIRM + "=true.", Map.of("rule", RULE, "limit", this.limit));
	}

}
