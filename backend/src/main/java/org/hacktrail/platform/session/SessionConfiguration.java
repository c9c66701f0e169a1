package org.hacktrail.platform.session;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * Servlet sessions in the store ({@link StoreSessionRepository}). Boot's session
 * auto-configuration supplies the cookie (name, SameSite, Secure, HttpOnly from
 * {@code server.servlet.session.cookie.*}) and registers Spring Session's filter ahead of
 * Spring Security; the idle timeout is {@code server.servlet.session.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

	@Bean
	StoreSessionRepository sessionRepository(MongoTemplate mongo, Clock clock,
			@Value("${server.servlet.session.timeout:12h}") Duration timeout) {
		StoreSessionRepository repository = new StoreSessionRepository(mongo, clock, timeout);
		try {
			repository.createIndexes();
		}
		catch (DataAccessException ex) {
			// Not fatal: the indexes are an optimisation; the next start declares them.
			log.warn("Could not declare the session indexes: {}", ex.getMessage());
		}
		return repository;
	}

	@Bean
	SessionSweeper sessionSweeper(StoreSessionRepository repository) {
		return new SessionSweeper(repository);
	}

	/** Deletes expired sessions every minute: the embedded store has no TTL expiry. */
	static class SessionSweeper {

		private final StoreSessionRepository repository;

		SessionSweeper(StoreSessionRepository repository) {
			this.repository = repository;
		}

		@Scheduled(initialDelayString = "${hacktrail.sessions.sweep-interval:PT1M}",
				fixedDelayString = "${hacktrail.sessions.sweep-interval:PT1M}")
		void sweep() {
			try {
				long deleted = this.repository.deleteExpired();
				if (deleted > 0) {
					log.debug("Deleted {} expired sessions", deleted);
				}
			}
			catch (DataAccessException ex) {
				log.debug("Session sweep skipped: {}", ex.getMessage());
			}
		}

	}

}
