package org.hacktrail.platform.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * A process that {@link EmbeddedStoreCrashTests} kills with SIGKILL: opens the embedded
 * store on a directory and writes from several threads until killed, printing
 * {@code ack <seq> <epoch millis>} after each acknowledged write (an insert with
 * {@code _id = seq} and a unique key, then a {@code $max} of the head document).
 *
 * <p>
 * Arguments: data directory, durability ({@code SYNC} or {@code INTERVAL}), commit
 * interval in milliseconds, number of writer threads.
 */
public final class StoreCrashWriter {

	private StoreCrashWriter() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(Level.WARN);
		Path dataDir = Path.of(args[0]);
		EmbeddedStoreProperties.Durability durability = EmbeddedStoreProperties.Durability.valueOf(args[1]);
		Duration commitInterval = Duration.ofMillis(Long.parseLong(args[2]));
		int threads = Integer.parseInt(args[3]);
		PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
				StandardCharsets.UTF_8);

		EmbeddedStore store = EmbeddedStore
			.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2, dataDir, commitInterval, 64)
				.withDurability(durability));
		MongoClient client = MongoClients.create(store.connectionString("crash"));
		MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");
		MongoCollection<Document> head = client.getDatabase("crash").getCollection("head");
		writes.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
		Document last = writes.find().sort(Sorts.descending("_id")).limit(1).first();
		AtomicLong seq = new AtomicLong((last != null) ? last.getLong("_id") : 0);
		synchronized (out) {
			out.println("ready " + seq.get());
			out.flush();
		}
		String payload = "crash test payload, ünïcödé and 漢字 ".repeat(8);
		for (int t = 0; t < threads; t++) {
			Thread writer = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					long n = seq.incrementAndGet();
					writes.insertOne(new Document("_id", n).append("key", "k" + n)
						.append("at", new Date())
						.append("payload", payload));
					head.updateOne(Filters.eq("_id", "head"), Updates.max("last", n), new UpdateOptions().upsert(true));
					long acknowledged = System.currentTimeMillis();
					synchronized (out) {
						out.println("ack " + n + " " + acknowledged);
						out.flush();
					}
				}
			}, "crash-writer-" + t);
			writer.setUncaughtExceptionHandler((thread, ex) -> {
				synchronized (out) {
					out.println("error " + thread.getName() + " " + ex);
					out.flush();
				}
			});
			writer.start();
		}
		Thread.currentThread().join();
	}

}
