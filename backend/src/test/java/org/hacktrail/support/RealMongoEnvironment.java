package org.hacktrail.support;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code scripts/test --store-only}, points every application context of the test
 * run at the real MongoDB, in a database of its own ({@link RealMongo}); does nothing
 * otherwise. Registered in the test classpath's {@code META-INF/spring.factories}.
 */
class RealMongoEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String uri = RealMongo.uri();
		if (uri == null) {
			return;
		}
		String shared = environment.getProperty(RealMongo.SHARED_DATABASE_PROPERTY);
		String database = (shared != null) ? shared : RealMongo.nextDatabase();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("realMongoForTests",
					Map.of("spring.mongodb.uri", uri, "spring.mongodb.database", database,
							// Tests sign in as demo personas; demo login refuses a real
							// MongoDB unless told.
							"hacktrail.demo.allow-external-store", "true")));
	}

}
