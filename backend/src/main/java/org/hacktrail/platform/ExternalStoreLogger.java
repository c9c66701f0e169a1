package org.hacktrail.platform;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Says, in one line, which store a run uses when it is a real MongoDB (the embedded store
 * logs its own line). Credentials in the URI are never logged.
 */
@Component
class ExternalStoreLogger {

	private static final Logger log = LoggerFactory.getLogger(ExternalStoreLogger.class);

	private final Environment environment;

	ExternalStoreLogger(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationStartedEvent.class)
	void logStore() {
		String uri = this.environment.getProperty("spring.mongodb.uri");
		if (StringUtils.hasText(uri)) {
			ConnectionString connectionString = new ConnectionString(uri);
			log.info("Store: MongoDB at {} (database {}, replica set {})", connectionString.getHosts(),
					this.environment.getProperty("spring.mongodb.database",
							String.valueOf(connectionString.getDatabase())),
					(connectionString.getRequiredReplicaSetName() != null)
							? connectionString.getRequiredReplicaSetName() : "none given");
		}
	}

}
