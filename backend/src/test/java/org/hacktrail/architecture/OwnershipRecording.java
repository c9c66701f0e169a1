package org.hacktrail.architecture;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link CollectionOwnershipTests}'s recorder with Boot's MongoDB client. It
 * records nothing until that test switches it on; part of
 * {@link org.hacktrail.support.TestServices}, so that the test shares the demo context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OwnershipRecording {

	@Bean
	CollectionOwnershipTests.Recorder ownershipRecorder() {
		return new CollectionOwnershipTests.Recorder();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer ownershipRecording(CollectionOwnershipTests.Recorder recorder) {
		return (settings) -> settings.addCommandListener(recorder);
	}

}
