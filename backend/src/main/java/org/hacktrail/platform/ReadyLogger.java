package org.hacktrail.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where the service answers once it is ready to. */
@Component
class ReadyLogger {

	private static final Logger log = LoggerFactory.getLogger(ReadyLogger.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			log.info("Hacktrail is ready at http://localhost:{}/ (GraphQL: POST /graphql)",
					web.getWebServer().getPort());
		}
	}

}
