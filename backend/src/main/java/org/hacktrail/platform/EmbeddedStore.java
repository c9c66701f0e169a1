package org.hacktrail.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible store (mongo-java-server) on a loopback port. The application reaches it
 * through the real MongoDB Java driver, exactly as it reaches a real MongoDB.
 *
 * <p>
 * With the H2 backend, MVStore auto-commit is switched off and we commit on a fixed interval ourselves and on
 * shutdown: STACK.md and H2 issues #4383/#4218 show reads failing with "Chunk N not found" while the auto-commit
 * thread rewrites chunks under concurrent readers.
 */
public final class EmbeddedStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private final EmbeddedStoreProperties properties;

	private final MongoBackend backend;

	private final @Nullable MVStore mvStore;

	private final MongoServer server;

	private final InetSocketAddress address;

	private final @Nullable ScheduledExecutorService committer;

	private EmbeddedStore(EmbeddedStoreProperties properties, MongoBackend backend, @Nullable MVStore mvStore) {
		this.properties = properties;
		this.backend = backend;
		this.mvStore = mvStore;
		this.server = new MongoServer(backend);
		this.server.bind(new InetSocketAddress("127.0.0.1", 0));
		this.address = this.server.getLocalAddress();
		if (mvStore != null) {
			this.committer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "embedded-store-commit");
				thread.setDaemon(true);
				return thread;
			});
			long millis = properties.commitInterval().toMillis();
			this.committer.scheduleWithFixedDelay(this::commit, millis, millis, TimeUnit.MILLISECONDS);
		}
		else {
			this.committer = null;
		}
	}

	public static EmbeddedStore start(EmbeddedStoreProperties properties) {
		return switch (properties.backend()) {
			case MEMORY -> new EmbeddedStore(properties, new MemoryBackend(), null);
			case H2 -> {
				MVStore store = openFile(properties);
				yield new EmbeddedStore(properties, new H2Backend(store), store);
			}
		};
	}

	private static MVStore openFile(EmbeddedStoreProperties properties) {
		try {
			Files.createDirectories(properties.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir().toAbsolutePath(),
					ex);
		}
		return new MVStore.Builder().fileName(properties.file().toString())
			.cacheSize(properties.cacheSizeMb())
			.autoCommitDisabled()
			.open();
	}

	public String connectionString(String database) {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort() + "/" + database;
	}

	public InetSocketAddress address() {
		return this.address;
	}

	public String describe() {
		return switch (this.properties.backend()) {
			case MEMORY -> "embedded store (memory backend, data is lost at exit) on " + this.address;
			case H2 -> "embedded store (H2 file " + this.properties.file().toAbsolutePath().normalize() + ", committed every "
					+ this.properties.commitInterval().toMillis() + " ms) on " + this.address;
		};
	}

	/** Commits pending writes to the file; a no-op for the memory backend. */
	public synchronized void commit() {
		if (this.mvStore != null && !this.mvStore.isClosed()) {
			try {
				this.mvStore.commit();
			}
			catch (RuntimeException ex) {
				log.error("Embedded store commit failed; writes since the last commit are not yet durable", ex);
			}
		}
	}

	@Override
	public synchronized void close() {
		if (this.committer != null) {
			this.committer.shutdownNow();
		}
		this.server.shutdown();
		if (this.mvStore != null && !this.mvStore.isClosed()) {
			this.mvStore.commit();
		}
		this.backend.close();
		log.info("Embedded store closed{}", (this.mvStore != null) ? " and flushed to " + this.properties.file() : "");
	}

}
