package org.hacktrail.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several Hacktrail instances in one JVM, each a full application context on its own
 * random port, all on one embedded store reached by URI, as several instances behind a
 * load balancer share one MongoDB.
 */
public final class Instances implements AutoCloseable {

	private final @Nullable EmbeddedStore store;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private Instances(@Nullable EmbeddedStore store) {
		this.store = store;
	}

	/**
	 * Starts {@code count} instances (demo profile, so tests can sign in as personas)
	 * with the given extra configuration classes and properties.
	 */
	public static Instances start(int count, List<Class<?>> extraSources, Map<String, String> extraProperties) {
		// With scripts/test --store-only, every instance shares one database of the real
		// MongoDB.
		String realUri = RealMongo.uri();
		EmbeddedStore store = (realUri != null) ? null
				: EmbeddedStore.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.MEMORY,
						Path.of("unused"), Duration.ofSeconds(1), 16));
		String shared = (realUri != null) ? RealMongo.nextDatabase() : null;
		Instances instances = new Instances(store);
		try {
			for (int i = 0; i < count; i++) {
				Map<String, String> properties = new LinkedHashMap<>();
				if (store != null) {
					properties.put("spring.mongodb.uri", store.connectionString("hacktrail"));
				}
				else {
					properties.put(RealMongo.SHARED_DATABASE_PROPERTY, shared);
				}
				properties.put("server.port", "0");
				properties.put("spring.profiles.active", "demo");
				properties.put("hacktrail.demo.allow-external-store", "true");
				properties.put("spring.application.name", "hacktrail-" + (char) ('a' + i));
				properties.putAll(extraProperties);
				List<Class<?>> sources = new ArrayList<>();
				sources.add(HacktrailApplication.class);
				sources.addAll(extraSources);
				// As command-line arguments: they win over application.yml (default
				// properties would not).
				String[] arguments = properties.entrySet()
					.stream()
					.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
					.toArray(String[]::new);
				instances.contexts.add(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(arguments));
			}
		}
		catch (RuntimeException ex) {
			instances.close();
			throw ex;
		}
		return instances;
	}

	public ConfigurableApplicationContext context(int index) {
		return this.contexts.get(index);
	}

	public int port(int index) {
		return ((WebServerApplicationContext) this.contexts.get(index)).getWebServer().getPort();
	}

	public String base(int index) {
		return "http://localhost:" + port(index);
	}

	@Override
	public void close() {
		for (ConfigurableApplicationContext context : this.contexts) {
			context.close();
		}
		if (this.store != null) {
			this.store.close();
		}
	}

}
