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
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible store (mongo-java-server) on a loopback port. The application reaches it
 * through the real MongoDB Java driver, exactly as it reaches a real MongoDB.
 *
 * <p>
 * With the H2 backend we own every MVStore commit: auto-commit is off (its background thread also compacts, moving
 * live pages under readers: the "Chunk N not found" of STACK.md and H2 issues #4383/#4218), writer threads never
 * commit on their own (zero auto-commit buffer), and a single scheduled thread commits at a fixed rate, between
 * requests only ({@link RequestConsistentH2Backend}), then forces the file to disk. {@code EmbeddedStoreSoakTests}
 * and {@code EmbeddedStoreCrashTests} are the proof.
 *
 * <p>
 * Durability: a write acknowledged more than {@code commitInterval} plus one commit (and the longest request in
 * flight at that moment) before a crash, even {@code kill -9}, is in the file; what a commit writes is whole
 * requests. Because of the fsync the same holds for a power loss on a disk that honours it (not tested).
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
			// Fixed rate: a slow commit delays the next one by its own overrun only, which keeps what a crash can
			// lose at one interval plus one commit.
			long millis = properties.commitInterval().toMillis();
			this.committer.scheduleAtFixedRate(this::commit, millis, millis, TimeUnit.MILLISECONDS);
		}
		else {
			this.committer = null;
		}
	}

	/**
	 * Starts the store. With the H2 backend, fails with {@link StoreLockedException} when another process (or
	 * another store in this one) has the file open.
	 */
	public static EmbeddedStore start(EmbeddedStoreProperties properties) {
		return switch (properties.backend()) {
			case MEMORY -> new EmbeddedStore(properties, new MemoryBackend(), null);
			case H2 -> {
				MVStore store = openFile(properties);
				try {
					yield new EmbeddedStore(properties, new RequestConsistentH2Backend(store), store);
				}
				catch (RuntimeException ex) {
					store.closeImmediately();
					throw ex;
				}
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
		try {
			return new MVStore.Builder().fileName(properties.file().toString())
				.cacheSize(properties.cacheSizeMb())
				.autoCommitDisabled()
				.autoCommitBufferSize(0)
				.open();
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new StoreLockedException(properties.file(), ex);
			}
			throw ex;
		}
	}

	/** The MVStore under the H2 backend, for tests that tune or inspect it; {@code null} on the memory backend. */
	@Nullable MVStore mvStore() {
		return this.mvStore;
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

	/**
	 * Commits the writes of every finished request to the file and forces them to disk; a no-op for the memory
	 * backend. Waits for the requests in flight.
	 */
	public synchronized void commit() {
		if (this.mvStore != null && !this.mvStore.isClosed()) {
			try {
				((RequestConsistentH2Backend) this.backend).commitBetweenRequests();
				// Outside the barrier: requests go on while the disk catches up.
				FileStore<?> file = this.mvStore.getFileStore();
				if (file != null && !this.mvStore.isClosed()) {
					file.sync();
				}
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
		// The server closes the backend, which commits between requests and closes the file.
		this.server.shutdown();
		this.backend.close();
		log.info("Embedded store closed{}", (this.mvStore != null) ? " and flushed to " + this.properties.file() : "");
	}

}
