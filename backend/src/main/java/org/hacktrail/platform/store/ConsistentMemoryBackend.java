package org.hacktrail.platform.store;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The memory backend (tests, throw-away demos) with whole replies
 * ({@link ConsistentReplies}).
 */
class ConsistentMemoryBackend extends MemoryBackend {

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		return ConsistentReplies.run(this, databaseName, command, query,
				() -> super.handleCommand(channel, databaseName, command, query));
	}

}
