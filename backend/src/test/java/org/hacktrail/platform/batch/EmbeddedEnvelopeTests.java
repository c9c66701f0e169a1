package org.hacktrail.platform.batch;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.StoreCapabilities;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The envelope applies to the embedded store only; a real MongoDB is never asked or
 * refused.
 */
class EmbeddedEnvelopeTests {

	@SuppressWarnings("unchecked")
	static MongoTemplate holding(long documents) {
		MongoTemplate mongo = mock(MongoTemplate.class);
		MongoCollection<Document> collection = mock(MongoCollection.class);
		when(mongo.getCollection("items")).thenReturn(collection);
		when(collection.estimatedDocumentCount()).thenReturn(documents);
		return mongo;
	}

	@Test
	void onTheEmbeddedStoreAJobPastTheLimitIsRefusedUnlessConfirmed() {
		EmbeddedEnvelope envelope = new EmbeddedEnvelope(StoreCapabilities.embedded(), holding(150_000), 200_000);

		assertThat(envelope.check("items", 50_000, "rows", false)).as("at the limit").isEmpty();
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> envelope.check("items", 50_001, "rows", false))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("rule", EmbeddedEnvelope.RULE))
			.withMessageContaining("200,001 documents in items (150,000 stored and 50,001 rows)")
			.withMessageContaining("MONGODB_URI");
		assertThat(envelope.check("items", 50_001, "rows", true)).hasValueSatisfying(
				(warning) -> assertThat(warning).contains("on the operator's confirmation", "200,001 documents"));
	}

	@Test
	void onARealMongoDbNothingIsCheckedOrRefused() {
		MongoTemplate mongo = mock(MongoTemplate.class);
		StoreCapabilities replicaSet = StoreCapabilities
			.fromHello(new Document("setName", "rs0").append("logicalSessionTimeoutMinutes", 30));
		EmbeddedEnvelope envelope = new EmbeddedEnvelope(replicaSet, mongo, 200_000);

		assertThat(envelope.check("items", 10_000_000, "rows", false)).isEmpty();
		verifyNoInteractions(mongo);
	}

}
