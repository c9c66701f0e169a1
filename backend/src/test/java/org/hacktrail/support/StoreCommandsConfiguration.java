package org.hacktrail.support;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link StoreCommands} with Boot's MongoDB client.
 * {@code @Import(StoreCommandsConfiguration.class)} in a test, then
 * {@code @Autowired StoreCommands commands}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StoreCommandsConfiguration {

	@Bean
	StoreCommands storeCommands() {
		return new StoreCommands();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer storeCommandsListener(StoreCommands commands) {
		return (settings) -> settings.addCommandListener(commands);
	}

}
