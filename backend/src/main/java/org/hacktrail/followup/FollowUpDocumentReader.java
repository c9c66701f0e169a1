package org.hacktrail.followup;

import org.bson.Document;
import org.hacktrail.platform.batch.IdBucketItemReader;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every follow-up document but its followers and pitches (the writer reads the followers
 * of the changed ones), in id order, bucket by bucket, restartable after the last one
 * read: the platform's {@link IdBucketItemReader} over this module's
 * {@code project_followups}, which this reader names and maps.
 */
class FollowUpDocumentReader implements ItemStreamReader<ProjectFollowUp> {

	/**
	 * Follow-up documents per query: they carry their outcomes, so fewer than the
	 * default.
	 */
	static final int FOLLOW_UPS_PER_QUERY = 2_000;

	private final IdBucketItemReader<ProjectFollowUp> reader;

	FollowUpDocumentReader(MongoTemplate mongo) {
		this.reader = new IdBucketItemReader<>("followUpDocuments", mongo, FollowUpStates.FOLLOWUPS,
				new Document("followers", 0).append("pitches", 0), (document) -> true,
				(document) -> mongo.getConverter().read(ProjectFollowUp.class, document), FOLLOW_UPS_PER_QUERY);
	}

	@Override
	public void open(ExecutionContext context) {
		this.reader.open(context);
	}

	@Override
	public @Nullable ProjectFollowUp read() {
		return this.reader.read();
	}

	@Override
	public void update(ExecutionContext context) {
		this.reader.update(context);
	}

	@Override
	public void close() {
		this.reader.close();
	}

}
