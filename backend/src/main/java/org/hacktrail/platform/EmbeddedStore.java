package org.hacktrail.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
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
 * Durability: a write acknowledged more than {@code commitInterval} plus one commit before a crash, even
 * {@code kill -9}, is in the file, and what a commit writes is whole requests. A commit waits at most
 * {@link #MAX_PATIENCE} for the requests in flight, then tries again at the next tick, so that one long read does
 * not stall every other request; after {@link #OVERDUE_AFTER_INTERVALS} intervals without a commit it waits as
 * long as needed. With requests longer than the patience running at every tick, the bound is therefore three
 * intervals plus the longest request. Because of the fsync the same holds for a power loss on a disk that honours
 * it (not tested).
 */
public final class EmbeddedStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private final EmbeddedStoreProperties properties;

	private final MongoBackend backend;

	private final @Nullable MVStore mvStore;

	/** What the network server calls: the backend, except that stopping the server must not close it. */
	private final MongoBackend served;

	private MongoServer server;

	private boolean listening;

	private final InetSocketAddress address;

	private final @Nullable ScheduledExecutorService committer;

	/** Commits wait at most this long for requests in flight, unless overdue. */
	static final Duration MAX_PATIENCE = Duration.ofMillis(100);

	/** After this many intervals without a commit, a commit waits for the requests in flight however long. */
	static final int OVERDUE_AFTER_INTERVALS = 3;

	private long lastCommitNanos = System.nanoTime();

	private EmbeddedStore(EmbeddedStoreProperties properties, MongoBackend backend, @Nullable MVStore mvStore) {
		this.properties = properties;
		this.backend = backend;
		this.mvStore = mvStore;
		this.served = unclosable(backend);
		this.server = new MongoServer(this.served);
		this.server.bind(new InetSocketAddress("127.0.0.1", 0));
		this.address = this.server.getLocalAddress();
		this.listening = true;
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
		if (this.mvStore == null || this.mvStore.isClosed()) {
			return;
		}
		RequestConsistentH2Backend h2 = (RequestConsistentH2Backend) this.backend;
		long started = System.nanoTime();
		try {
			long sinceLast = started - this.lastCommitNanos;
			if (sinceLast < OVERDUE_AFTER_INTERVALS * this.properties.commitInterval().toNanos()) {
				if (!h2.tryCommitBetweenRequests(patience())) {
					// A long request is running: do not stall the others behind this commit; next tick.
					return;
				}
			}
			else {
				h2.commitBetweenRequests();
				long waitedMillis = (System.nanoTime() - started) / 1_000_000;
				if (waitedMillis > 1000) {
					// Every request waited with this commit: worth telling whoever runs the service.
					log.warn("Embedded store commit waited {} ms for a long request; other requests waited with it. "
							+ "Long scans or aggregations belong on a real MongoDB.", waitedMillis);
				}
			}
			this.lastCommitNanos = started;
			// Outside the barrier: requests go on while the disk catches up.
			FileStore<?> file = this.mvStore.getFileStore();
			if (file != null && !this.mvStore.isClosed()) {
				file.sync();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("Embedded store commit failed; writes since the last commit are not yet durable", ex);
		}
	}

	/** How long a scheduled commit waits for the requests in flight before trying again at the next tick. */
	private Duration patience() {
		return Duration.ofNanos(Math.min(MAX_PATIENCE.toNanos(), this.properties.commitInterval().toNanos() / 2));
	}

	/**
	 * Stops answering on the network, as if the store's host went away: the listening socket and every client
	 * connection are closed; the data stays as it is (and keeps being committed). For fault drills and tests: the
	 * service must fail fast, report not ready, and recover by itself after {@link #resumeListening()}.
	 */
	public synchronized void stopListening() {
		if (this.listening) {
			this.server.shutdownNow();
			this.listening = false;
			log.warn("Embedded store stopped listening on {}", this.address);
		}
	}

	/** Listens again on the same address after {@link #stopListening()}. */
	public synchronized void resumeListening() {
		if (this.listening) {
			return;
		}
		RuntimeException failure = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			MongoServer next = new MongoServer(this.served);
			try {
				next.bind(this.address);
				this.server = next;
				this.listening = true;
				log.info("Embedded store listening again on {}", this.address);
				return;
			}
			catch (RuntimeException ex) {
				// The port may be held for a moment by the sockets just closed.
				failure = ex;
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		throw new IllegalStateException("Cannot listen again on " + this.address, failure);
	}

	public synchronized boolean isListening() {
		return this.listening;
	}

	/** The backend behind a proxy whose close() does nothing: {@link #close()} closes the real one itself. */
	private static MongoBackend unclosable(MongoBackend backend) {
		return (MongoBackend) java.lang.reflect.Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
				new Class<?>[] { MongoBackend.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						return null;
					}
					try {
						return method.invoke(backend, args);
					}
					catch (java.lang.reflect.InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public synchronized void close() {
		if (this.committer != null) {
			this.committer.shutdownNow();
		}
		if (this.listening) {
			this.server.shutdown();
			this.listening = false;
		}
		// The backend commits between requests and closes the file.
		this.backend.close();
		log.info("Embedded store closed{}", (this.mvStore != null) ? " and flushed to " + this.properties.file() : "");
	}

}
