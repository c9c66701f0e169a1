package org.hacktrail.platform.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded store's H2 file, or says in plain words why it cannot, before
 * anything else starts.
 *
 * <p>
 * Every start reads the whole file ({@link StoreVerifier}): a damaged page is found now,
 * not by the request that happens to read it. A file that cannot be opened or read at its
 * newest version is recovered at the newest consistent older version
 * ({@link StoreRecovery}) into {@code hacktrail.recovered.mv.db}, which is served
 * read-only until an operator accepts it ({@code HACKTRAIL_STORE_ACCEPT_RECOVERED=true});
 * the damaged file is kept.
 */
final class StoreFile {

	private static final Logger log = LoggerFactory.getLogger(StoreFile.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * An open file.
	 *
	 * @param store the MVStore
	 * @param readOnly opened read-only (by choice, or after a recovery)
	 * @param recovery what a recovery kept and lost, when the file had to be recovered
	 */
	record Opened(MVStore store, boolean readOnly, @Nullable String recovery) {
	}

	/**
	 * Opens the file channel layer under the MVStore. The service uses H2's own;
	 * fault-injection tests put one that fails on demand, to show what the store does
	 * when the disk does.
	 */
	@FunctionalInterface
	interface FileLayer {

		FileLayer H2 = (file, readOnly) -> null;

		/** An opened file layer, or {@code null} for H2's default. */
		org.h2.mvstore.@Nullable FileStore<?> open(Path file, boolean readOnly);

	}

	private StoreFile() {
	}

	static Opened open(EmbeddedStoreProperties properties, Clock clock) {
		return open(properties, clock, FileLayer.H2, true);
	}

	/**
	 * Opens the file; with {@code verify}, reads all of it first and recovers it at an
	 * older version when damaged.
	 */
	static Opened open(EmbeddedStoreProperties properties, Clock clock, FileLayer layer, boolean verify) {
		Path file = properties.file();
		prepareFolder(properties);
		if (properties.acceptRecovered()) {
			acceptRecovered(properties, clock);
		}
		boolean readOnly = properties.readOnly();
		MVStore store;
		try {
			store = build(file, readOnly, properties.effectiveCacheSizeMb(Runtime.getRuntime().maxMemory()), layer);
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new StoreStartException(StoreStartException.Kind.IN_USE, file,
						"The embedded store " + file.toAbsolutePath().normalize()
								+ " is in use by another process (is Hacktrail already running on this data folder?).",
						"Stop the other process, or give this one its own folder with HACKTRAIL_DATA_DIR.", ex);
			}
			if (ex.getErrorCode() == DataUtils.ERROR_READING_FAILED && ex.getCause() instanceof AccessDeniedException) {
				throw permissions(file, "cannot be read", ex);
			}
			return recover(properties, clock, layer, "it cannot be opened: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A header damaged in ways MVStore does not expect surfaces as other
			// exceptions (odd hexadecimal, ...).
			return recover(properties, clock, layer, "it cannot be opened: " + ex);
		}
		if (!readOnly && store.getFileStore().isReadOnly()) {
			store.closeImmediately();
			throw new StoreStartException(StoreStartException.Kind.PERMISSIONS, file,
					"The embedded store's file " + file.toAbsolutePath().normalize()
							+ " cannot be written (a read-only file, folder or file system, or an immutable file).",
					"Make it writable for the service's user (chmod u+w, chattr -i, or remount the file system), "
							+ "or start read-only with HACKTRAIL_STORE_READ_ONLY=true to serve reads only.",
					null);
		}
		StoreVerifier.Report report = verify ? StoreVerifier.verify(store) : null;
		if (report != null && !report.ok()) {
			store.closeImmediately();
			return recover(properties, clock, layer,
					"part of it cannot be read: " + String.join("; ", report.failures()));
		}
		return new Opened(store, readOnly, null);
	}

	private static void prepareFolder(EmbeddedStoreProperties properties) {
		Path dir = properties.dataDir();
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new StoreStartException(StoreStartException.Kind.PERMISSIONS, properties.file(),
					"The data folder " + dir.toAbsolutePath().normalize() + " cannot be created (" + reason(ex) + ").",
					"Create it and let the service's user write to it, or point HACKTRAIL_DATA_DIR at a folder it may use.",
					ex);
		}
		Path file = properties.file();
		if (Files.exists(file) && !Files.isReadable(file)) {
			throw permissions(file, "cannot be read", null);
		}
		if (!Files.exists(file) && !properties.readOnly() && !Files.isWritable(dir)) {
			throw new StoreStartException(StoreStartException.Kind.PERMISSIONS, file,
					"The data folder " + dir.toAbsolutePath().normalize()
							+ " is read-only, so the embedded store's file cannot be created in it.",
					"Let the service's user write to the folder, or point HACKTRAIL_DATA_DIR at one it may use.", null);
		}
		if (!Files.exists(file) && properties.readOnly()) {
			throw new StoreStartException(StoreStartException.Kind.CONFIGURATION, file,
					"HACKTRAIL_STORE_READ_ONLY is set but there is no store at " + file.toAbsolutePath().normalize()
							+ ".",
					"Point HACKTRAIL_DATA_DIR at the service's data folder, or unset HACKTRAIL_STORE_READ_ONLY.", null);
		}
	}

	private static StoreStartException permissions(Path file, String what, @Nullable Throwable cause) {
		return new StoreStartException(StoreStartException.Kind.PERMISSIONS, file,
				"The embedded store's file " + file.toAbsolutePath().normalize() + " " + what + " (permissions).",
				"Give the service's user read and write access to it (and to its folder).", cause);
	}

	private static MVStore build(Path file, boolean readOnly, int cacheSizeMb, FileLayer layer) {
		MVStore.Builder builder = new MVStore.Builder().cacheSize(cacheSizeMb)
			.autoCommitDisabled()
			.autoCommitBufferSize(0);
		org.h2.mvstore.FileStore<?> custom = layer.open(file, readOnly);
		if (custom != null) {
			builder.adoptFileStore(custom);
		}
		else {
			builder.fileName(file.toString());
			if (readOnly) {
				builder.readOnly();
			}
		}
		return builder.open();
	}

	/**
	 * The file is damaged: serve its newest consistent version read-only, or refuse to
	 * start.
	 */
	private static Opened recover(EmbeddedStoreProperties properties, Clock clock, FileLayer layer, String problem) {
		Path file = properties.file();
		log.error("Embedded store {} is damaged: {}. Looking for its newest consistent version...",
				file.toAbsolutePath().normalize(), problem);
		StoreRecovery.Result result = StoreRecovery.recover(file, properties.recoveredFile());
		if (result == null) {
			throw new StoreStartException(StoreStartException.Kind.DAMAGED, file,
					"The embedded store's file " + file.toAbsolutePath().normalize() + " is damaged (" + problem
							+ ") and no consistent older version is left in it.",
					"Restore the latest backup: move the damaged file aside, then scripts/restore <backup folder>. "
							+ "scripts/backup --verify checks a file or a backup without starting the service.",
					null);
		}
		Path reportFile = properties.dataDir().resolve("RECOVERY.txt");
		try {
			Files.writeString(reportFile, "Embedded store recovered on " + clock.instant() + "\nDamaged file: "
					+ file.toAbsolutePath().normalize() + " (" + problem + ")\n" + result.describe() + "\n");
		}
		catch (IOException ex) {
			log.warn("Could not write {}: {}", reportFile, ex.toString());
		}
		log.error("Embedded store recovered, READ-ONLY until you accept it. {}", result.describe());
		String summary = result.summary() + "; the report is in " + reportFile.toAbsolutePath().normalize();
		MVStore store = build(result.file(), true, properties.effectiveCacheSizeMb(Runtime.getRuntime().maxMemory()),
				layer);
		return new Opened(store, true, summary);
	}

	/**
	 * Makes the recovered copy the store; the damaged file is kept beside it with the
	 * time it was replaced.
	 */
	private static void acceptRecovered(EmbeddedStoreProperties properties, Clock clock) {
		Path recovered = properties.recoveredFile();
		Path file = properties.file();
		if (!Files.exists(recovered)) {
			log.warn("HACKTRAIL_STORE_ACCEPT_RECOVERED is set but there is no recovered store in {}; starting as usual",
					properties.dataDir().toAbsolutePath().normalize());
			return;
		}
		Path kept = file.resolveSibling("hacktrail.damaged-" + STAMP.format(clock.instant()) + ".mv.db");
		try {
			if (Files.exists(file)) {
				Files.move(file, kept);
			}
			Files.move(recovered, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new StoreStartException(StoreStartException.Kind.PERMISSIONS, file,
					"The recovered store could not be put in place of the damaged one (" + reason(ex) + ").",
					"Move " + recovered + " to " + file + " yourself (keep the damaged file), then start again.", ex);
		}
		log.warn("Embedded store: the recovered copy is now the store; the damaged file is kept as {}",
				kept.toAbsolutePath().normalize());
	}

	private static String reason(IOException ex) {
		if (ex instanceof FileSystemException fs && fs.getReason() != null) {
			return fs.getReason();
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
