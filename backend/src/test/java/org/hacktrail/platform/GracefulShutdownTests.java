package org.hacktrail.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.hacktrail.HacktrailApplication;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown on the H2 file: a slow request in flight when the service is told to
 * stop still completes (and writes), and the store is flushed on close, so the write is
 * in the file even though the commit interval is far too long to have committed it.
 */
@EmbeddedStoreOnly
class GracefulShutdownTests {

	static final CountDownLatch STARTED = new CountDownLatch(1);

	@TempDir
	Path dataDir;

	@Test
	void aRequestInFlightCompletesAndItsWriteIsInTheFileAfterShutdown() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HacktrailApplication.class,
				SlowEndpoint.class)
			.run("--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=h2",
					"--hacktrail.store.embedded.data-dir=" + this.dataDir,
					// Only the flush on close can commit the slow request's write.
					"--hacktrail.store.embedded.commit-interval=1h");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient client = HttpClient.newHttpClient();
		CompletableFuture<HttpResponse<String>> inFlight = client
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/slow-write"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(STARTED.await(20, TimeUnit.SECONDS)).isTrue();

		long closing = System.nanoTime();
		context.close();
		long closedAfterMillis = (System.nanoTime() - closing) / 1_000_000;

		HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("written");
		// Shutdown waited for the request (which sleeps 1.5 s) instead of cutting it off.
		assertThat(closedAfterMillis).isGreaterThanOrEqualTo(1000);

		try (EmbeddedStore reopened = EmbeddedStore.start(new EmbeddedStoreProperties(
				EmbeddedStoreProperties.Backend.H2, this.dataDir, Duration.ofSeconds(1), 16));
				MongoClient mongo = MongoClients.create(reopened.connectionString("hacktrail"))) {
			Document written = mongo.getDatabase("hacktrail")
				.getCollection("shutdown_probe")
				.find(new Document("_id", "slow-write"))
				.first();
			assertThat(written).isNotNull();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SlowEndpoint {

		@Bean
		SlowController slowController(MongoTemplate mongo) {
			return new SlowController(mongo);
		}

	}

	@RestController
	static class SlowController {

		private final MongoTemplate mongo;

		SlowController(MongoTemplate mongo) {
			this.mongo = mongo;
		}

		@GetMapping("/test/slow-write")
		String slowWrite() throws InterruptedException {
			STARTED.countDown();
			Thread.sleep(1500);
			this.mongo.insert(new Document("_id", "slow-write").append("at", System.currentTimeMillis()),
					"shutdown_probe");
			return "written";
		}

	}

}
