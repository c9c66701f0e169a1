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
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible store (mongo-java-server) on a loopback port. The application reaches it
 * through the real MongoDB Java driver, exactly as it reaches a real MongoDB.
 *
 * <p>
 * With the H2 backend, MVStore auto-commit is switched off and we commit on a fixed rate ourselves and on shutdown:
 * STACK.md and H2 issues #4383/#4218 show reads failing with "Chunk N not found" while the auto-commit thread
 * rewrites (compacts) chunks under concurrent readers. Without that thread nothing moves live pages; a commit only
 * drops chunks that no version still needed holds. On top of that every request pins the MVStore version it
 * starts on ({@link VersionPinningH2Backend}): aggregations and counts read a collection without the lock its
 * writers take, so they may walk an old version while writers replace it and commits drop its chunks.
 * {@code EmbeddedStoreSoakTests} and {@code EmbeddedStoreCrashTests} are the proof.
 *
 * <p>
 * Durability: a write acknowledged at least {@code commitInterval} plus the duration of one commit before a crash
 * (even {@code kill -9}) is in the file; each commit is followed by an fsync, so the same holds for a power loss on
 * a disk that honours it.
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
			// Fixed rate: a slow commit delays the next start by its own overrun only, which keeps the bound on
			// what a crash loses at one interval plus one commit.
			long millis = properties.commitInterval().toMillis();
			this.committer.scheduleAtFixedRate(this::commit, millis, millis, TimeUnit.MILLISECONDS);
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
				yield new EmbeddedStore(properties, new VersionPinningH2Backend(store), store);
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

	/** Commits pending writes to the file and forces them to the disk; a no-op for the memory backend. */
	public synchronized void commit() {
		if (this.mvStore != null && !this.mvStore.isClosed()) {
			try {
				// A writer thread may have committed already (MVStore still commits when its write buffer fills);
				// the fsync below covers those chunks too.
				this.mvStore.commit();
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
		this.server.shutdown();
		if (this.mvStore != null && !this.mvStore.isClosed()) {
			this.mvStore.commit();
		}
		this.backend.close();
		log.info("Embedded store closed{}", (this.mvStore != null) ? " and flushed to " + this.properties.file() : "");
	}

}
