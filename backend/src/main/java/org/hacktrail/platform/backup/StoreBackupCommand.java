package org.hacktrail.platform.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.platform.store.StoreStartException;
import org.hacktrail.platform.store.StoreVerifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/backup} and {@code scripts/restore}: runs {@link StoreBackup} against
 * the embedded store's file, opened by this process, without Spring.
 *
 * <p>
 * Why offline: the embedded store has neither snapshots nor multi-document transactions,
 * so a consistent copy needs every write stopped for the whole export. Opening the file
 * ourselves gets exactly that: MVStore locks the file, so the command fails at once while
 * the service runs, and the service cannot start while the command runs. An endpoint
 * inside the service would have to stop writes just the same, with more code and a larger
 * attack surface.
 *
 * <pre>
 * backup DIR  [--data-dir D] [--database NAME]
 * restore DIR [--force] [--data-dir D] [--database NAME] [--uri MONGODB_URI]
 * verify [PATH] [--data-dir D]
 * </pre>
 *
 * {@code restore --uri} loads a backup into a real MongoDB instead: the way to move from
 * the embedded store to a replica set. {@code verify} checks without starting the service
 * either a backup folder (every line a document, no {@code _id} twice, counts as listed)
 * or the embedded store's file (every page read, {@link StoreVerifier}); PATH defaults to
 * the data folder. Exit status: 0 done (or verified), 1 failed (or damaged), 2 refused or
 * wrong usage, 3 the store is in use.
 */
public final class StoreBackupCommand {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int REFUSED = 2;

	static final int IN_USE = 3;

	private StoreBackupCommand() {
	}

	public static void main(String[] args) {
		// Without Spring, Logback would print every driver and server message at DEBUG.
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.WARN);
		}
		// The embedded server warns about every non-unique index it ignores; the
		// service's log already says so.
		if (LoggerFactory.getLogger("de.bwaldvogel.mongo") instanceof ch.qos.logback.classic.Logger server) {
			server.setLevel(Level.ERROR);
		}
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	record Options(String action, Path dir, Path dataDir, String database, boolean force, @Nullable String uri) {
	}

	static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		Options options;
		try {
			options = parse(args, env);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println("usage: backup DIR [--data-dir D] [--database NAME]");
			err.println("       restore DIR [--force] [--data-dir D] [--database NAME] [--uri MONGODB_URI]");
			err.println("       verify [PATH] [--data-dir D]");
			return REFUSED;
		}
		StoreBackup backups = new StoreBackup(Clock.systemUTC());
		if (options.action().equals("verify")) {
			return verify(options, backups, out, err);
		}
		long started = System.nanoTime();
		try (Target target = open(options)) {
			StoreBackup.Summary summary = options.action().equals("backup")
					? backups.backup(target.client().getDatabase(options.database()), options.dir())
					: backups.restore(target.client().getDatabase(options.database()), options.dir(), options.force());
			out.printf("%s of database %s %s %s: %s in %d ms%n", options.action(), options.database(),
					options.action().equals("backup") ? "to" : "from", options.dir().toAbsolutePath().normalize(),
					summary, Duration.ofNanos(System.nanoTime() - started).toMillis());
			return OK;
		}
		catch (StoreStartException ex) {
			if (ex.kind() == StoreStartException.Kind.IN_USE) {
				err.println(ex.getMessage() + " Stop the service first: a consistent copy needs every write stopped.");
				return IN_USE;
			}
			err.println(ex.getMessage() + " " + ex.action());
			return FAILED;
		}
		catch (StoreBackup.RefusedException ex) {
			err.println("Refused: " + ex.getMessage());
			return REFUSED;
		}
		catch (RuntimeException ex) {
			err.println(options.action() + " failed: " + ex);
			return FAILED;
		}
	}

	static Options parse(String[] args, Map<String, String> env) {
		List<String> positional = new ArrayList<>();
		Path dataDir = Path.of(env.getOrDefault("HACKTRAIL_DATA_DIR", "./data"));
		String database = env.getOrDefault("MONGODB_DATABASE", "hacktrail");
		boolean force = false;
		String uri = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--force" -> force = true;
				case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
				case "--database" -> database = value(args, ++i, "--database");
				case "--uri" -> uri = value(args, ++i, "--uri");
				default -> {
					if (args[i].startsWith("--")) {
						throw new IllegalArgumentException("Unknown option " + args[i]);
					}
					positional.add(args[i]);
				}
			}
		}
		if (!positional.isEmpty() && positional.get(0).equals("verify") && positional.size() <= 2) {
			return new Options("verify", (positional.size() == 2) ? Path.of(positional.get(1)) : dataDir, dataDir,
					database, false, null);
		}
		if (positional.size() != 2 || !List.of("backup", "restore").contains(positional.get(0))) {
			throw new IllegalArgumentException("Expected an action (backup, restore or verify) and a directory");
		}
		String action = positional.get(0);
		if (action.equals("backup") && (force || uri != null)) {
			throw new IllegalArgumentException(
					"--force and --uri are for restore; back up a real MongoDB with mongodump");
		}
		return new Options(action, Path.of(positional.get(1)), dataDir, database, force,
				(uri == null || uri.isBlank()) ? null : uri);
	}

	/**
	 * A backup folder, a store file, or a data folder holding one: checked without
	 * starting anything.
	 */
	static int verify(Options options, StoreBackup backups, PrintStream out, PrintStream err) {
		Path path = options.dir();
		if (Files.isRegularFile(path.resolve(StoreBackup.METADATA))) {
			try {
				out.println("backup " + path.toAbsolutePath().normalize() + " verified: " + backups.verify(path));
				return OK;
			}
			catch (StoreBackup.RefusedException ex) {
				err.println("backup " + path.toAbsolutePath().normalize() + " is damaged: " + ex.getMessage());
				return FAILED;
			}
		}
		Path file = Files.isDirectory(path) ? path.resolve("hacktrail.mv.db") : path;
		if (!Files.isRegularFile(file)) {
			err.println("Nothing to verify at " + path.toAbsolutePath().normalize()
					+ ": give a backup folder, a store file or a data folder holding hacktrail.mv.db");
			return REFUSED;
		}
		StoreVerifier.Report report = StoreVerifier.verify(file);
		if (!report.ok() && report.failures().stream().anyMatch((failure) -> failure.contains("locked"))) {
			err.println(file.toAbsolutePath().normalize() + " is in use by another process; stop the service first.");
			return IN_USE;
		}
		(report.ok() ? out : err).println("store " + file.toAbsolutePath().normalize()
				+ (report.ok() ? " verified: " : " is damaged: ") + report.describe());
		return report.ok() ? OK : FAILED;
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	/**
	 * The store to work on: the embedded store's file opened here, or a MongoDB given by
	 * URI.
	 */
	record Target(MongoClient client, @Nullable EmbeddedStore store) implements AutoCloseable {

		@Override
		public void close() {
			this.client.close();
			if (this.store != null) {
				this.store.close();
			}
		}

	}

	static Target open(Options options) {
		if (options.uri() != null) {
			return new Target(MongoClients.create(options.uri()), null);
		}
		EmbeddedStoreProperties properties = new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2,
				options.dataDir(), Duration.ofSeconds(1), 64);
		if (options.action().equals("backup") && !Files.isRegularFile(properties.file())) {
			// Opening would create an empty store and back up nothing.
			throw new StoreBackup.RefusedException(
					"No embedded store at " + properties.file().toAbsolutePath().normalize()
							+ "; set HACKTRAIL_DATA_DIR or --data-dir to the service's data directory");
		}
		EmbeddedStore store = EmbeddedStore.start(properties);
		try {
			return new Target(MongoClients.create(store.connectionString(options.database())), store);
		}
		catch (RuntimeException ex) {
			store.close();
			throw ex;
		}
	}

}
