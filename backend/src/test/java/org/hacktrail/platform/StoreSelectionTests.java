package org.hacktrail.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.hacktrail.HacktrailApplication;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which store a run uses: the embedded H2 file when no URI is given (and the data
 * survives a restart), never the embedded store when a URI is given, and never demo login
 * beside a real MongoDB.
 */
@EmbeddedStoreOnly
class StoreSelectionTests {

	@TempDir
	Path dataDir;

	/**
	 * Starts the application with the properties as command-line arguments, which win
	 * over every file.
	 */
	private ConfigurableApplicationContext start(String... properties) {
		String[] args = java.util.Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new);
		return new SpringApplicationBuilder(HacktrailApplication.class).web(WebApplicationType.NONE).run(args);
	}

	@Test
	void dataSurvivesARestartOnTheH2Backend() {
		String[] properties = { "hacktrail.store.embedded.backend=h2",
				"hacktrail.store.embedded.data-dir=" + this.dataDir, "spring.mongodb.uri=" };
		String id;
		try (ConfigurableApplicationContext first = start(properties)) {
			assertThat(first.getBean(EmbeddedStore.class).describe()).contains("H2 file");
			User user = first.getBean(UserDirectory.class)
				.signIn("test", "persistent", "Persistent Pat 持久", "pat@example.org", false);
			id = user.id();
		}
		assertThat(Files.exists(this.dataDir.resolve("hacktrail.mv.db"))).isTrue();

		try (ConfigurableApplicationContext second = start(properties)) {
			User reloaded = second.getBean(UserDirectory.class).findById(id).orElseThrow();
			assertThat(reloaded.displayName()).isEqualTo("Persistent Pat 持久");
			assertThat(reloaded.email()).isEqualTo("pat@example.org");
		}
	}

	@Test
	void theEmbeddedStoreNeverStartsWhenAUriIsGiven() {
		MongoServer external = new MongoServer(new MemoryBackend());
		String uri = external.bindAndGetConnectionString() + "/external";
		try (ConfigurableApplicationContext context = start("spring.mongodb.uri=" + uri,
				"spring.mongodb.database=external")) {
			assertThat(context.getBeansOfType(EmbeddedStore.class)).isEmpty();
			context.getBean(UserDirectory.class).signIn("test", "external", "Ext", null, false);
			try (MongoClient client = MongoClients.create(uri)) {
				assertThat(client.getDatabase("external").getCollection("users").countDocuments()).isEqualTo(1);
			}
		}
		finally {
			external.shutdown();
		}
	}

	@Test
	void demoLoginRefusesToStartBesideARealMongoDb() {
		MongoServer external = new MongoServer(new MemoryBackend());
		String uri = external.bindAndGetConnectionString() + "/external";
		try {
			Throwable failure = catchThrowable(
					() -> start("spring.profiles.active=demo", "spring.mongodb.uri=" + uri).close());
			assertThat(failure).rootCause().hasMessageContaining("Demo login is on");
		}
		finally {
			external.shutdown();
		}
	}

}
