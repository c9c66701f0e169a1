package org.hacktrail.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With {@code HACKTRAIL_BOOTSTRAP_TOKEN} set, makes sure an organizer service account
 * whose token is that value exists, so that automation can set up a fresh installation.
 * Safe to run at every start.
 */
@Component
class BootstrapToken implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapToken.class);

	private final ApiTokenService tokens;

	private final String secret;

	BootstrapToken(ApiTokenService tokens, @Value("${hacktrail.bootstrap-token:}") String secret) {
		this.tokens = tokens;
		this.secret = secret;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.secret)) {
			User account = this.tokens.ensureBootstrapToken(this.secret.strip());
			log.info("Bootstrap token is active for organizer service account {}", account.id());
		}
	}

}
