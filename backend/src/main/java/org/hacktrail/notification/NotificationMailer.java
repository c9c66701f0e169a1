package org.hacktrail.notification;

/**
 * Sends a stored notification by email too. Optional: without a bean of this type,
 * {@link NotificationService} uses {@link LoggingNotificationMailer}, which only logs, so
 * no mail server is needed to run or test Hacktrail.
 *
 * <p>
 * An implementation looks the recipient's address up itself (the logging one needs none)
 * and should hand the mail to a queue or another thread: it is called on the request
 * thread after the notification was stored, and its failures are logged, never passed on
 * to the action that caused the notification.
 */
public interface NotificationMailer {

	void send(String userId, Notification notification);

}
