package org.hacktrail.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.jspecify.annotations.Nullable;

/**
 * The real MongoDB a deployer points {@code scripts/test --store-only} at
 * ({@code MONGODB_URI}, passed as the system property
 * {@code hacktrail.test.mongodb-uri}). Each application context of the run gets a
 * database of its own, named {@code hacktrail_test_<run>f<jvm>_<n>}, as each gets an
 * embedded store of its own otherwise; every database of the run is dropped when the test
 * JVM exits.
 */
public final class RealMongo {

	public static final String URI_PROPERTY = "hacktrail.test.mongodb-uri";

	/** Set by {@link Instances}: several instances that must share one database. */
	public static final String SHARED_DATABASE_PROPERTY = "hacktrail.test.shared-database";

	/**
	 * The run, and the test JVM within it ({@code hacktrail.test.fork}, set per JVM in
	 * {@code backend/pom.xml}): two JVMs of one run at once neither reuse nor drop each
	 * other's databases.
	 */
	private static final String RUN = System.getProperty("hacktrail.test.run",
			Long.toString(System.currentTimeMillis())) + "f" + System.getProperty("hacktrail.test.fork", "0");

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static final List<String> CREATED = new ArrayList<>();

	private RealMongo() {
	}

	/**
	 * The URI of the real MongoDB this run tests against; {@code null}: the embedded
	 * store as usual.
	 */
	public static @Nullable String uri() {
		String uri = System.getProperty(URI_PROPERTY);
		return (uri == null || uri.isBlank()) ? null : uri;
	}

	/** A database name of its own for one application context. */
	public static synchronized String nextDatabase() {
		if (CREATED.isEmpty()) {
			Runtime.getRuntime().addShutdownHook(new Thread(RealMongo::dropAll, "real-mongo-clean-up"));
		}
		String name = "hacktrail_test_" + RUN + "_" + DATABASES.incrementAndGet();
		CREATED.add(name);
		return name;
	}

	private static void dropAll() {
		String uri = uri();
		if (uri == null) {
			return;
		}
		try (MongoClient client = MongoClients.create(uri)) {
			for (String name : client.listDatabaseNames()) {
				if (name.startsWith("hacktrail_test_" + RUN + "_")) {
					client.getDatabase(name).drop();
				}
			}
		}
		catch (RuntimeException ex) {
			System.err.println("Could not drop the test databases hacktrail_test_" + RUN + "_*: " + ex);
		}
	}

}
