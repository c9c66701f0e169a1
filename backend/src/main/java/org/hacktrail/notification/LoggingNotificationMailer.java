package org.hacktrail.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link NotificationMailer}: sends nothing, logs (at debug) what would have
 * been sent.
 */
class LoggingNotificationMailer implements NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotificationMailer.class);

	@Override
	public void send(String userId, Notification notification) {
		log.debug("No mail sender configured; not emailing user {} about {} ({})", userId, notification.type(),
				notification.id());
	}

}
