package org.hacktrail.platform;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, with every request pinning the MVStore version current when it starts.
 *
 * <p>
 * The backend reads plain MVMaps. A read walks the version of a map that was current when it started; a commit
 * drops every chunk that no longer holds a page of a version MVStore keeps (by default the last 5 commits, chunks
 * older than 45 s). A read that outlives that (a long aggregation while its collection is rewritten; aggregations
 * and counts do not take the collection lock writers take) then fails with "Chunk N not found". H2's own
 * transaction layer prevents this by registering the version each transaction uses; we do the same per request.
 * {@code MvStoreVersionPinningTests} shows the failure and the cure on a bare MVStore.
 *
 * <p>
 * Query results are materialised before the request returns (the backend's cursors hold lists), so pinning for
 * the duration of the request is enough.
 */
class VersionPinningH2Backend extends H2Backend {

	private final MVStore store;

	VersionPinningH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		MVStore.TxCounter pin = this.store.registerVersionUsage();
		try {
			return super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			this.store.deregisterVersionUsage(pin);
		}
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		MVStore.TxCounter pin = this.store.registerVersionUsage();
		try {
			return super.handleMessage(message);
		}
		finally {
			this.store.deregisterVersionUsage(pin);
		}
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		MVStore.TxCounter pin = this.store.registerVersionUsage();
		try {
			return super.handleQuery(query);
		}
		finally {
			this.store.deregisterVersionUsage(pin);
		}
	}

}
