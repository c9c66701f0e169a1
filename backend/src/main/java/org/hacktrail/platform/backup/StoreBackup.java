package org.hacktrail.platform.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Writes a database as MongoDB Extended JSON (canonical mode, so every BSON type
 * survives: ObjectIds, 32- and 64-bit integers, decimals, dates, binaries) and reads it
 * back.
 *
 * <p>
 * Layout of a backup directory: one {@code <collection>.json} per collection with one
 * document per line, the format {@code mongoimport} reads
 * ({@code mongoimport --db hacktrail --collection users --file users.json}); and
 * {@code metadata.json}, written last, listing the collections with their document counts
 * and index definitions (as {@code listIndexes} returns them). A directory without
 * {@code metadata.json} is an unfinished backup and restore refuses it.
 *
 * <p>
 * The copy is consistent only if nothing writes while it runs: {@link StoreBackupCommand}
 * opens the embedded store itself, which fails while the service holds the file.
 */
public final class StoreBackup {

	public static final String METADATA = "metadata.json";

	static final String FORMAT = "hacktrail-backup";

	static final int FORMAT_VERSION = 1;

	private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
		.outputMode(JsonMode.EXTENDED)
		.build();

	private static final JsonWriterSettings CANONICAL_INDENTED = JsonWriterSettings.builder()
		.outputMode(JsonMode.EXTENDED)
		.indent(true)
		.build();

	private static final int BATCH = 1000;

	private final Clock clock;

	public StoreBackup(Clock clock) {
		this.clock = clock;
	}

	/** What was written or read: collection names with their document counts. */
	public record Summary(List<CollectionSummary> collections) {

		public long documents() {
			return this.collections.stream().mapToLong(CollectionSummary::documents).sum();
		}

		@Override
		public String toString() {
			return this.collections.size() + " collections, " + documents() + " documents " + this.collections;
		}

	}

	public record CollectionSummary(String name, long documents) {

		@Override
		public String toString() {
			return this.name + "=" + this.documents;
		}

	}

	/** Refused without changing anything: the message says what to do. */
	public static class RefusedException extends RuntimeException {

		public RefusedException(String message) {
			super(message);
		}

	}

	/**
	 * Writes every collection of the database (except {@code system.*}) to {@code dir},
	 * which must not exist or be empty.
	 */
	public Summary backup(MongoDatabase database, Path dir) {
		try {
			prepareEmptyDirectory(dir);
			List<String> names = new ArrayList<>();
			database.listCollectionNames().forEach(names::add);
			names.removeIf((name) -> name.startsWith("system."));
			names.sort(null);
			List<CollectionSummary> collections = new ArrayList<>();
			BsonArray described = new BsonArray();
			for (String name : names) {
				checkFileName(name);
				MongoCollection<BsonDocument> collection = database.getCollection(name, BsonDocument.class);
				long count = writeDocuments(collection, dir.resolve(name + ".json"));
				BsonArray indexes = new BsonArray();
				collection.listIndexes(BsonDocument.class).forEach(indexes::add);
				described
					.add(new BsonDocument("name", new BsonString(name)).append("file", new BsonString(name + ".json"))
						.append("documents", new BsonInt64(count))
						.append("indexes", indexes));
				collections.add(new CollectionSummary(name, count));
			}
			BsonDocument metadata = new BsonDocument("format", new BsonString(FORMAT))
				.append("formatVersion", new BsonInt32(FORMAT_VERSION))
				.append("database", new BsonString(database.getName()))
				.append("createdAt", new BsonDateTime(this.clock.millis()))
				.append("collections", described);
			// Last, so that a backup cut short has no metadata and cannot be restored by
			// mistake.
			writeDurably(dir.resolve(METADATA), (out) -> out.write(metadata.toJson(CANONICAL_INDENTED) + "\n"));
			return new Summary(collections);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Backup to " + dir + " failed", ex);
		}
	}

	/**
	 * Reads a backup into the database. Refuses when a collection already holds
	 * documents, unless {@code force}, which first drops every collection of the database
	 * so that the result equals the backup.
	 */
	public Summary restore(MongoDatabase database, Path dir, boolean force) {
		BsonDocument metadata = readMetadata(dir);
		List<String> existing = new ArrayList<>();
		database.listCollectionNames().forEach(existing::add);
		existing.removeIf((name) -> name.startsWith("system."));
		List<String> nonEmpty = existing.stream()
			.filter((name) -> database.getCollection(name).estimatedDocumentCount() > 0)
			.toList();
		if (!nonEmpty.isEmpty() && !force) {
			throw new RefusedException("The store already holds documents in " + nonEmpty
					+ "; restore into an empty store, or pass --force to drop every collection first");
		}
		if (force) {
			existing.forEach((name) -> database.getCollection(name).drop());
		}
		List<CollectionSummary> collections = new ArrayList<>();
		for (BsonValue value : metadata.getArray("collections")) {
			BsonDocument described = value.asDocument();
			String name = described.getString("name").getValue();
			checkFileName(name);
			createIndexes(database, name, described.getArray("indexes"));
			MongoCollection<BsonDocument> collection = database.getCollection(name, BsonDocument.class);
			long read = readDocuments(collection, dir.resolve(described.getString("file").getValue()));
			long expected = described.getNumber("documents").longValue();
			long counted = collection.countDocuments();
			if (read != expected || counted != expected) {
				throw new IllegalStateException("Collection " + name + ": the backup lists " + expected
						+ " documents, its file held " + read + ", the store now counts " + counted);
			}
			collections.add(new CollectionSummary(name, counted));
		}
		return new Summary(collections);
	}

	/**
	 * Checks a backup without a store: its metadata, that every line of every collection
	 * file is a document, that no {@code _id} appears twice, and that the counts agree
	 * with the metadata. Throws {@link RefusedException} naming the first problem (file
	 * and line).
	 */
	public Summary verify(Path dir) {
		BsonDocument metadata = readMetadata(dir);
		List<CollectionSummary> collections = new ArrayList<>();
		for (BsonValue value : metadata.getArray("collections")) {
			BsonDocument described = value.asDocument();
			String name = described.getString("name").getValue();
			checkFileName(name);
			Path file = dir.resolve(described.getString("file").getValue());
			if (!Files.isRegularFile(file)) {
				throw new RefusedException("The backup lists " + file.getFileName() + " but the file is missing");
			}
			long expected = described.getNumber("documents").longValue();
			Set<BsonValue> ids = new HashSet<>();
			long read = 0;
			try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				String line;
				while ((line = lines.readLine()) != null) {
					read++;
					BsonDocument document;
					try {
						document = BsonDocument.parse(line);
					}
					catch (RuntimeException ex) {
						throw new RefusedException(
								file.getFileName() + " line " + read + " is not a document: " + ex.getMessage());
					}
					if (!ids.add(document.get("_id"))) {
						throw new RefusedException(
								file.getFileName() + " line " + read + " repeats _id " + document.get("_id"));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (read != expected) {
				throw new RefusedException(
						file.getFileName() + " holds " + read + " documents; the backup lists " + expected);
			}
			collections.add(new CollectionSummary(name, read));
		}
		return new Summary(collections);
	}

	static BsonDocument readMetadata(Path dir) {
		Path file = dir.resolve(METADATA);
		if (!Files.isRegularFile(file)) {
			throw new RefusedException(dir + " holds no " + METADATA + ": not a backup, or an unfinished one");
		}
		try {
			BsonDocument metadata = BsonDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (!FORMAT.equals(metadata.getString("format", new BsonString("")).getValue())
					|| metadata.getNumber("formatVersion", new BsonInt32(0)).intValue() != FORMAT_VERSION) {
				throw new RefusedException(file + " is not a " + FORMAT + " version " + FORMAT_VERSION + " file");
			}
			return metadata;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createIndexes(MongoDatabase database, String collection, BsonArray indexes) {
		BsonArray specifications = new BsonArray();
		for (BsonValue value : indexes) {
			BsonDocument index = value.asDocument().clone();
			if ("_id_".equals(index.getString("name", new BsonString("")).getValue())) {
				continue;
			}
			// Version and namespace belong to the source server.
			index.remove("v");
			index.remove("ns");
			specifications.add(index);
		}
		if (specifications.isEmpty()) {
			database.createCollection(collection);
		}
		else {
			database.runCommand(
					new BsonDocument("createIndexes", new BsonString(collection)).append("indexes", specifications));
		}
	}

	private static long writeDocuments(MongoCollection<BsonDocument> collection, Path file) throws IOException {
		long[] count = { 0 };
		writeDurably(file, (out) -> {
			try (MongoCursor<BsonDocument> documents = collection.find().batchSize(BATCH).iterator()) {
				while (documents.hasNext()) {
					out.write(documents.next().toJson(CANONICAL));
					out.write('\n');
					count[0]++;
				}
			}
		});
		return count[0];
	}

	private static long readDocuments(MongoCollection<BsonDocument> collection, Path file) {
		if (!Files.isRegularFile(file)) {
			throw new RefusedException("The backup lists " + file.getFileName() + " but the file is missing");
		}
		long read = 0;
		List<BsonDocument> batch = new ArrayList<>(BATCH);
		try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				batch.add(BsonDocument.parse(line));
				read++;
				if (batch.size() == BATCH) {
					collection.insertMany(batch);
					batch.clear();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!batch.isEmpty()) {
			collection.insertMany(batch);
		}
		return read;
	}

	private static void prepareEmptyDirectory(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> entries = Files.list(dir)) {
				if (entries.findAny().isPresent()) {
					throw new RefusedException(dir + " is not empty; choose a new directory for the backup");
				}
			}
		}
		Files.createDirectories(dir);
	}

	/**
	 * One file per collection: refuse names that would escape the directory or collide.
	 */
	private static void checkFileName(String collection) {
		if (collection.isEmpty() || collection.contains("/") || collection.contains("\\") || collection.startsWith(".")
				|| collection.equals(METADATA.substring(0, METADATA.length() - 5))) {
			throw new IllegalStateException("Collection name " + collection + " cannot be backed up to a file");
		}
	}

	interface Content {

		void writeTo(Writer out) throws IOException;

	}

	/** Writes a file and forces it to disk before returning. */
	private static void writeDurably(Path file, Content content) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			OutputStream stream = Channels.newOutputStream(channel);
			Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
			content.writeTo(out);
			out.flush();
			channel.force(true);
		}
	}

}
