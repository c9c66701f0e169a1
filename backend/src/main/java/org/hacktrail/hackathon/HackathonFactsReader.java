package org.hacktrail.hackathon;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.bson.Document;
import org.hacktrail.platform.batch.IdBucketScan;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@link HackathonFacts} from the {@code hackathons} collection, every read projected to
 * the facts' fields: by {@code _id} ({@code $in} alone), by the unique slug, or bucket by
 * bucket ({@link IdBucketScan}).
 */
@Component
class HackathonFactsReader implements HackathonFacts {

	private static final String[] FIELDS = { "slug", "name", "kind", "phase", "startsAt", "endsAt", "timeZone" };

	/** The stored fields the facts are made of. */
	record Row(String id, String slug, LocalizedText name, HackathonKind kind, HackathonPhase phase, Instant startsAt,
			Instant endsAt, String timeZone) {

		Edition edition() {
			ZoneId zone = ZoneId.of(this.timeZone);
			return new Edition(this.id, this.slug, this.name, this.kind, this.phase, this.startsAt,
					this.startsAt.atZone(zone).toLocalDate(), this.endsAt.atZone(zone).toLocalDate());
		}

	}

	private final MongoTemplate mongo;

	HackathonFactsReader(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Edition> byIds(Collection<String> ids) {
		Map<String, Edition> byId = new HashMap<>();
		if (!ids.isEmpty()) {
			for (Row row : this.mongo.find(projected(Criteria.where("_id").in(new HashSet<>(ids))), Row.class,
					collection())) {
				byId.put(row.id(), row.edition());
			}
		}
		return byId;
	}

	@Override
	public Optional<Edition> bySlug(String slug) {
		return Optional
			.ofNullable(this.mongo.findOne(projected(Criteria.where("slug").is(slug)), Row.class, collection()))
			.map(Row::edition);
	}

	private static Query projected(Criteria criteria) {
		Query query = new Query(criteria);
		query.fields().include(FIELDS);
		return query;
	}

	private String collection() {
		return this.mongo.getCollectionName(Hackathon.class);
	}

	@Override
	public Iterator<Edition> inIdOrder(@Nullable String from, int limit) {
		Document projection = new Document();
		for (String field : FIELDS) {
			projection.append(field, 1);
		}
		IdBucketScan scan = new IdBucketScan(this.mongo.getCollection(collection()), projection, limit, null);
		if (from != null) {
			scan.skipTo(from);
		}
		return new Cursor(scan);
	}

	/**
	 * Hands a scan's documents on as facts. Its reads run here, in the module that owns
	 * the collection, whoever advances it.
	 */
	private final class Cursor implements Iterator<Edition> {

		private final IdBucketScan scan;

		Cursor(IdBucketScan scan) {
			this.scan = scan;
		}

		@Override
		public boolean hasNext() {
			return this.scan.peek() != null;
		}

		@Override
		public Edition next() {
			Document document = this.scan.next();
			if (document == null) {
				throw new NoSuchElementException();
			}
			return HackathonFactsReader.this.mongo.getConverter().read(Row.class, document).edition();
		}

	}

}
