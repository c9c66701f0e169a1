package org.hacktrail.platform.store;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded store when no MongoDB URI is configured and points Boot's MongoDB
 * client at it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreCondition.class)
public class EmbeddedStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedStore embeddedStore(EmbeddedStoreProperties properties) {
		EmbeddedStore store = EmbeddedStore.start(properties);
		log.info("Store: {}", store.describe());
		return store;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedStore store,
			@Value("${spring.mongodb.database:hacktrail}") String database) {
		ConnectionString connectionString = new ConnectionString(store.connectionString(database));
		return () -> connectionString;
	}

}
