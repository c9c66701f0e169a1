package org.hacktrail.proposal;

import java.util.Iterator;

import org.bson.Document;
import org.hacktrail.platform.batch.IdBucketScan;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@link ProjectFacts} from the {@code projects} collection: the scan goes bucket by
 * bucket ({@link IdBucketScan}), projected to the repository.
 */
@Component
class ProjectFactsReader implements ProjectFacts {

	private final MongoTemplate mongo;

	ProjectFactsReader(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Iterator<Listing> inIdOrder(@Nullable String after, int limit) {
		return new ScanCursor<>(
				new IdBucketScan(this.mongo.getCollection(this.mongo.getCollectionName(Project.class)),
						new Document("repositoryUrl", 1), limit, after),
				(document) -> new Listing(document.get("_id").toString(), document.getString("repositoryUrl")));
	}

	@Override
	public boolean exists(String projectId) {
		return this.mongo.exists(new Query(Criteria.where("_id").is(projectId)), Project.class);
	}

	@Override
	public long estimatedCount() {
		return this.mongo.getCollection(this.mongo.getCollectionName(Project.class)).estimatedDocumentCount();
	}

}
