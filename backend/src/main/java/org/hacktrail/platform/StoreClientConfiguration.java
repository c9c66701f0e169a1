package org.hacktrail.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hacktrail.platform.store.EmbeddedStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How the service talks to its store when things go wrong: short timeouts, so that a
 * request fails within a few seconds with UNAVAILABLE instead of hanging for the driver's
 * default 30 s, and frequent heartbeats, so that the driver notices both the loss and the
 * return of the store by itself. Also detects, once, what the store can do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreClientConfiguration.Timeouts.class)
class StoreClientConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StoreClientConfiguration.class);

	/**
	 * @param serverSelection how long an operation waits for a usable server before
	 * failing
	 * @param connect how long opening a connection may take
	 * @param heartbeat how often the driver checks each server (and so how soon it sees
	 * it back)
	 */
	@ConfigurationProperties("hacktrail.store.timeouts")
	record Timeouts(@DefaultValue("3s") Duration serverSelection, @DefaultValue("3s") Duration connect,
			@DefaultValue("2s") Duration heartbeat) {
	}

	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(Timeouts timeouts) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(timeouts.serverSelection().toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS))
			.applyToServerSettings(
					(server) -> server.heartbeatFrequency(timeouts.heartbeat().toMillis(), TimeUnit.MILLISECONDS)
						.minHeartbeatFrequency(Math.min(500, timeouts.heartbeat().toMillis()), TimeUnit.MILLISECONDS));
	}

	/**
	 * Every MongoTemplate (the application's, Spring Batch's, the sessions') translates
	 * the embedded store's refusals into {@link StoreUnavailableException}, so that they
	 * answer UNAVAILABLE like an unreachable store.
	 */
	@Bean
	static BeanPostProcessor storeExceptionTranslation() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
					factory.setExceptionTranslator(new StoreFailures.Translator());
				}
				return bean;
			}
		};
	}

	@Bean
	StoreCapabilities storeCapabilities(MongoTemplate mongo, ObjectProvider<EmbeddedStore> embedded) {
		if (embedded.getIfAvailable() != null) {
			return StoreCapabilities.embedded();
		}
		try {
			return StoreCapabilities.fromHello(hello(mongo));
		}
		catch (RuntimeException ex) {
			log.warn("Could not ask the store what it supports ({}); assuming no transactions", ex.getMessage());
			return new StoreCapabilities(StoreCapabilities.Kind.STANDALONE, null, null);
		}
	}

	private static Document hello(MongoTemplate mongo) {
		try {
			return mongo.executeCommand(new Document("hello", 1));
		}
		catch (RuntimeException ex) {
			// Servers before 4.4 (and some compatible ones) only know the legacy name.
			return mongo.executeCommand(new Document("isMaster", 1));
		}
	}

}
