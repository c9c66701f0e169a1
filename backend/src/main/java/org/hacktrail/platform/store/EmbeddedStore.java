package org.hacktrail.platform.store;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible store (mongo-java-server) on a loopback port. The
 * application reaches it through the real MongoDB Java driver, exactly as it reaches a
 * real MongoDB.
 *
 * <p>
 * With the H2 backend (the default) this class makes four promises, each held by tests
 * under {@code src/test/.../platform/store}:
 * <ul>
 * <li><b>Acknowledged means durable</b> ({@code sync} durability, the default): a write
 * is answered only after the commit holding it is forced to disk
 * ({@link GroupCommitter}); a {@code kill -9} loses no acknowledged write. The
 * {@code interval} opt-out answers at once and commits every interval.</li>
 * <li><b>Whole requests</b>: a commit never holds half a request
 * ({@link RequestConsistentH2Backend}).</li>
 * <li><b>Fail closed</b>: when a commit or a sync fails (read-only file, full disk, I/O
 * error), no write is acknowledged any more, the store reports why ({@link StoreState}),
 * and the file is reopened read-only so reads go on from what is on the disk. Every few
 * seconds it tries to open the file for writing again and resumes once it can. Below the
 * free-space floor writes are refused before they are made.</li>
 * <li><b>A file proportional to the data</b> ({@link FileHousekeeping}), checked whole at
 * every start, and recovered at its newest consistent version when damaged
 * ({@link StoreFile}).</li>
 * </ul>
 */
public final class EmbeddedStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	/**
	 * Netty threads serving requests; in {@code sync} mode a request waiting for its
	 * commit holds one.
	 */
	static final int SYNC_WORKER_THREADS = 32;

	/** How long closing may compact the file. */
	static final Duration CLOSE_COMPACTION = Duration.ofSeconds(3);

	/**
	 * How long a request waits for a reopened file before it is answered "unavailable".
	 */
	static final Duration REOPEN_PATIENCE = Duration.ofSeconds(3);

	/**
	 * How often free space is checked and, after a failure, reopening for writing is
	 * tried.
	 */
	static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

	private final EmbeddedStoreProperties properties;

	private final Clock clock;

	private final StoreFile.FileLayer layer;

	private final StoreState state;

	/**
	 * What requests are served by; replaced when the file is reopened after a failure.
	 */
	private volatile MongoBackend backend;

	private volatile @Nullable H2File h2;

	/**
	 * What the network server calls: the current backend, except that stopping the server
	 * must not close it.
	 */
	private final MongoBackend served;

	private MongoServer server;

	private boolean listening;

	private final InetSocketAddress address;

	private final @Nullable ScheduledExecutorService watchdog;

	private boolean closed;

	/** The open H2 file, with its committer when it is writable. */
	private record H2File(MVStore store, RequestConsistentH2Backend backend, @Nullable GroupCommitter committer) {
	}

	private EmbeddedStore(EmbeddedStoreProperties properties, Clock clock, StoreFile.FileLayer layer, StoreState state,
			MongoBackend backend, @Nullable H2File h2) {
		this.properties = properties;
		this.clock = clock;
		this.layer = layer;
		this.state = state;
		this.backend = backend;
		this.h2 = h2;
		this.served = delegating();
		this.server = new MongoServer(this.served);
		this.server.bind(new InetSocketAddress("127.0.0.1", 0), 1, workerThreads());
		this.address = this.server.getLocalAddress();
		this.listening = true;
		if (h2 != null) {
			this.watchdog = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "embedded-store-watchdog");
				thread.setDaemon(true);
				return thread;
			});
			this.watchdog.scheduleWithFixedDelay(this::watch, 0, WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			this.watchdog = null;
		}
	}

	/**
	 * Starts the store. With the H2 backend, fails with a {@link StoreStartException}
	 * saying what is wrong and what to do when the file is in use, cannot be written or
	 * is damaged beyond recovery.
	 */
	public static EmbeddedStore start(EmbeddedStoreProperties properties) {
		return start(properties, Clock.systemUTC());
	}

	static EmbeddedStore start(EmbeddedStoreProperties properties, Clock clock) {
		return start(properties, clock, StoreFile.FileLayer.H2);
	}

	static EmbeddedStore start(EmbeddedStoreProperties properties, Clock clock, StoreFile.FileLayer layer) {
		StoreState state = new StoreState(clock);
		if (properties.backend() == EmbeddedStoreProperties.Backend.MEMORY) {
			return new EmbeddedStore(properties, clock, layer, state, new ConsistentMemoryBackend(), null);
		}
		StoreFile.Opened opened = StoreFile.open(properties, clock, layer, true);
		H2File h2 = null;
		try {
			h2 = serve(opened, properties, state);
			EmbeddedStore store = new EmbeddedStore(properties, clock, layer, state, h2.backend(), h2);
			if (!opened.readOnly()) {
				store.startCommitting(h2);
			}
			return store;
		}
		catch (RuntimeException ex) {
			opened.store().closeImmediately();
			throw ex;
		}
	}

	/**
	 * Puts an open file behind a backend and records why it is read-only, if it is; a
	 * writable file gets its committer from {@link #startCommitting}.
	 */
	private static H2File serve(StoreFile.Opened opened, EmbeddedStoreProperties properties, StoreState state) {
		MVStore store = opened.store();
		if (opened.recovery() != null) {
			state.refuse(StoreState.Cause.RECOVERED, "the data file was damaged; " + opened.recovery(),
					"Check the data; to continue with it, restart with HACKTRAIL_STORE_ACCEPT_RECOVERED=true (the damaged "
							+ "file is kept), or restore a backup");
		}
		else if (properties.readOnly()) {
			state.refuse(StoreState.Cause.READ_ONLY, "opened read-only (HACKTRAIL_STORE_READ_ONLY)",
					"Unset HACKTRAIL_STORE_READ_ONLY and restart to write again");
		}
		return new H2File(store, new RequestConsistentH2Backend(store, state), null);
	}

	/** Starts the group committer of a writable file. */
	private void startCommitting(H2File file) {
		GroupCommitter committer = new GroupCommitter(file.store(), file.backend(), this.properties,
				new FileHousekeeping(file.store()), (failure) -> onCommitFailure(file, failure));
		file.backend().durability(committer, this.properties.durability() == EmbeddedStoreProperties.Durability.SYNC);
		this.h2 = new H2File(file.store(), file.backend(), committer);
	}

	private int workerThreads() {
		return (this.properties.backend() == EmbeddedStoreProperties.Backend.H2
				&& this.properties.durability() == EmbeddedStoreProperties.Durability.SYNC) ? SYNC_WORKER_THREADS : 0;
	}

	/** Why writes are refused now, if they are; for health and tests. */
	public StoreState state() {
		return this.state;
	}

	/**
	 * The MVStore under the H2 backend, for tests that tune or inspect it; {@code null}
	 * on the memory backend.
	 */
	@Nullable MVStore mvStore() {
		H2File file = this.h2;
		return (file != null) ? file.store() : null;
	}

	/** Commits made by the group committer; for tests and benchmarks. */
	long commits() {
		H2File file = this.h2;
		return (file != null && file.committer() != null) ? file.committer().commits() : 0;
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
			case H2 -> "embedded store (H2 file " + this.properties.file().toAbsolutePath().normalize() + ", "
					+ ((this.properties.durability() == EmbeddedStoreProperties.Durability.SYNC)
							? "every write on the disk before it is answered"
							: "committed every " + this.properties.commitInterval().toMillis() + " ms")
					+ this.state.writesRefused().map((refusal) -> ", WRITES REFUSED: " + refusal.detail()).orElse("")
					+ ") on " + this.address;
		};
	}

	/**
	 * The size of the store's file and the share of it that holds live data; {@code null}
	 * on the memory backend.
	 *
	 * @param bytes the file's size
	 * @param fillRate percent of the file in live chunks
	 * @param chunksFillRate percent of the chunks' space that is live
	 */
	public record FileSize(long bytes, int fillRate, int chunksFillRate) {
	}

	public @Nullable FileSize fileSize() {
		H2File file = this.h2;
		if (file == null || file.store().isClosed()) {
			return null;
		}
		FileStore<?> fileStore = file.store().getFileStore();
		return new FileSize(fileStore.size(), fileStore.getFillRate(), fileStore.getChunksFillRate());
	}

	/**
	 * Commits the writes of every finished request to the file and forces them to disk; a
	 * no-op for the memory backend and for a read-only file. With {@code sync} durability
	 * every acknowledged write is on the disk already.
	 */
	public void commit() {
		H2File file = this.h2;
		if (file != null && file.committer() != null) {
			file.committer().commitNow();
		}
	}

	/**
	 * A commit or a sync failed: refuse writes, then serve reads from what the file
	 * holds.
	 */
	private void onCommitFailure(H2File failed, Throwable failure) {
		this.state.refuse(StoreState.Cause.WRITE_FAILED,
				"a commit to " + this.properties.file().toAbsolutePath().normalize() + " failed ("
						+ rootMessage(failure) + "); nothing written since the last successful commit was acknowledged",
				"Fix the cause (free disk space, make the file writable, check the disk); Hacktrail retries every "
						+ WATCH_INTERVAL.toSeconds() + " s and resumes writing by itself, or restart it");
		synchronized (this) {
			H2File current = this.h2;
			if (this.closed || current == null || current.store() != failed.store()) {
				return;
			}
			reopen(current, true);
		}
	}

	/**
	 * Replaces the open file: closes it without writing anything more, opens it again
	 * (read-only, or for writing), and points requests at the new backend. Requests wait
	 * at the old backend's barrier while this runs and then go on to the new one
	 * ({@link RequestConsistentH2Backend#retire()}). Opening for writing succeeds only if
	 * a test commit reaches the disk; otherwise the file is opened read-only again and
	 * writes stay refused. Returns whether the file is open as asked.
	 */
	private boolean reopen(H2File old, boolean readOnly) {
		if (old.committer() != null) {
			old.committer().close();
		}
		old.backend().moves().writeLock().lock();
		old.backend().barrier().writeLock().lock();
		try {
			old.backend().retire();
			old.store().closeImmediately();
			StoreFile.Opened opened = null;
			try {
				// Not verified again: this process verified the file when it started and
				// wrote every page since.
				opened = StoreFile.open(this.properties.withReadOnly(readOnly), this.clock, this.layer, false);
				if (!readOnly) {
					probeCommit(opened.store());
				}
			}
			catch (RuntimeException ex) {
				if (opened != null) {
					opened.store().closeImmediately();
				}
				if (readOnly) {
					this.state.unreadable("the file cannot be opened: " + rootMessage(ex));
					log.error("Embedded store: the file cannot be reopened to read: {}", rootMessage(ex));
					return false;
				}
				log.debug("Embedded store: still cannot write: {}", rootMessage(ex));
				try {
					opened = StoreFile.open(this.properties.withReadOnly(true), this.clock, this.layer, false);
				}
				catch (RuntimeException again) {
					this.state.unreadable("the file cannot be opened: " + rootMessage(again));
					log.error("Embedded store: the file cannot be reopened to read: {}", rootMessage(again));
					return false;
				}
				H2File reading = serve(opened, this.properties, this.state);
				this.h2 = reading;
				this.backend = reading.backend();
				this.state.unreadable(null);
				return false;
			}
			H2File next = serve(opened, this.properties, this.state);
			if (readOnly) {
				this.h2 = next;
			}
			else {
				startCommitting(next);
			}
			this.backend = next.backend();
			this.state.unreadable(null);
			if (!readOnly) {
				this.state.clear(StoreState.Cause.WRITE_FAILED);
			}
			return true;
		}
		finally {
			old.backend().barrier().writeLock().unlock();
			old.backend().moves().writeLock().unlock();
		}
	}

	/**
	 * Whether a small file can be written and forced to disk beside the store (cheap; no
	 * need to close the store).
	 */
	private boolean folderTakesWrites() {
		Path probe = this.properties.dataDir().resolve(".write-probe");
		try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(ByteBuffer.allocate(64 * 1024));
			channel.force(true);
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			try {
				Files.deleteIfExists(probe);
			}
			catch (IOException ex) {
				// A probe left behind is harmless; the next one truncates it.
			}
		}
		return true;
	}

	/**
	 * Writes, commits and syncs one small change: proof that the file takes writes again.
	 */
	private static void probeCommit(MVStore store) {
		store.openMap(StoreVerifier.COMMITS_MAP).put(StoreVerifier.COMMITTED_AT, System.currentTimeMillis());
		store.commit();
		store.getFileStore().sync();
	}

	/**
	 * Every {@link #WATCH_INTERVAL}: the disk-space floor, and after a failure, whether
	 * writing works again.
	 */
	private void watch() {
		try {
			DiskSpace.Reading space = DiskSpace.read(this.properties);
			if (space.belowFloor()) {
				this.state.refuse(StoreState.Cause.DISK_SPACE_LOW, space.describe(this.properties.dataDir()),
						"Free disk space (or move HACKTRAIL_DATA_DIR to a larger disk); writes resume by themselves");
			}
			else if (space.clearOfFloor()) {
				this.state.clear(StoreState.Cause.DISK_SPACE_LOW);
			}
			boolean failed = this.state.writesRefused()
				.filter((refusal) -> refusal.cause() == StoreState.Cause.WRITE_FAILED)
				.isPresent();
			if (failed && !space.belowFloor() && Files.isWritable(this.properties.file()) && folderTakesWrites()) {
				synchronized (this) {
					H2File current = this.h2;
					if (!this.closed && current != null && current.committer() == null && reopen(current, false)) {
						log.warn("Embedded store: {} takes writes again", this.properties.file());
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Embedded store watchdog: {}", rootMessage(ex));
		}
	}

	/**
	 * Stops answering on the network, as if the store's host went away: the listening
	 * socket and every client connection are closed; the data stays as it is. For fault
	 * drills and tests: the service must fail fast, report not ready, and recover by
	 * itself after {@link #resumeListening()}.
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
				next.bind(this.address, 1, workerThreads());
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

	/**
	 * A backend that forwards to the current one, and whose close() does nothing:
	 * {@link #close()} closes it.
	 */
	private MongoBackend delegating() {
		return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
				new Class<?>[] { MongoBackend.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						return null;
					}
					long deadline = System.nanoTime() + REOPEN_PATIENCE.toNanos();
					while (true) {
						try {
							return method.invoke(this.backend, args);
						}
						catch (InvocationTargetException ex) {
							// The file is being reopened: run the request on the backend
							// in place once it is there.
							if (!(ex.getCause() instanceof RequestConsistentH2Backend.Retired)
									|| System.nanoTime() > deadline) {
								throw ex.getCause();
							}
							Thread.sleep(20);
						}
					}
				});
	}

	@Override
	public void close() {
		H2File file;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			file = this.h2;
		}
		if (this.watchdog != null) {
			this.watchdog.shutdownNow();
		}
		synchronized (this) {
			if (this.listening) {
				this.server.shutdown();
				this.listening = false;
			}
		}
		if (file == null) {
			this.backend.close();
			log.info("Embedded store closed (memory backend: its data is gone)");
			return;
		}
		if (file.committer() != null) {
			file.committer().close();
		}
		String refused = this.state.writesRefused().map(StoreState.Refusal::detail).orElse(null);
		String path = this.properties.file().toAbsolutePath().normalize().toString();
		if (file.store().isClosed()) {
			log.error("Embedded store closed; it could not be read or written since: {}. {} holds every write "
					+ "acknowledged before that", refused, path);
			return;
		}
		if (file.committer() == null) {
			file.backend().close();
			log.warn("Embedded store closed; it was read-only ({}). {} is unchanged", refused, path);
			return;
		}
		file.backend().moves().writeLock().lock();
		file.backend().barrier().writeLock().lock();
		try {
			// A last, bounded round of housekeeping: the file is left within a few times
			// its data even when the service
			// stops right after heavy writes. It rewrites and moves pages without
			// changing the data, so the versions
			// MVStore keeps for a recovery still hold what was last written.
			if (file.committer() != null) {
				file.committer().compactBeforeClose(CLOSE_COMPACTION);
			}
			file.store().close();
			file.backend().close();
			log.info("Embedded store closed: every acknowledged write is in {} ({} KB)", path,
					Files.size(this.properties.file()) / 1024);
		}
		catch (IOException | RuntimeException ex) {
			log.error("Embedded store could not be closed cleanly ({}); every write acknowledged before is in {}, "
					+ "later ones may not be", rootMessage(ex), path);
			file.store().closeImmediately();
		}
		finally {
			file.backend().barrier().writeLock().unlock();
			file.backend().moves().writeLock().unlock();
		}
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return (root == ex) ? message : ex.getMessage() + ": " + message;
	}

}
