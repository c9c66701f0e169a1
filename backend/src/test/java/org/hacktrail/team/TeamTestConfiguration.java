package org.hacktrail.team;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.hacktrail.notification.Notification;
import org.hacktrail.notification.NotificationMailer;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the team and notification tests observe, in one configuration so that they share one application context:
 * every command sent to the store ({@code name:collection}, to count round trips) and every notification handed
 * to the mailer.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TeamTestConfiguration {

	public static final List<String> COMMANDS = new CopyOnWriteArrayList<>();

	static final Set<String> HANDSHAKE = Set.of("hello", "ismaster", "isMaster", "saslStart", "saslContinue",
			"endSessions", "ping");

	/** A notification as the mailer received it. */
	public record Mailed(String userId, Notification notification) {
	}

	public static final List<Mailed> MAILED = new CopyOnWriteArrayList<>();

	/** The mailer fails for this user (to show a failing mailer never fails the action). */
	public static final String FAILING_RECIPIENT = "mailer-fails-for-this-user";

	@Bean
	MongoClientSettingsBuilderCustomizer logCommands() {
		CommandListener listener = new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (!HANDSHAKE.contains(event.getCommandName())) {
					// Read inside the callback: the driver releases the command document afterwards.
					String collection = event.getCommand().isString(event.getCommandName())
							? event.getCommand().getString(event.getCommandName()).getValue() : "?";
					COMMANDS.add(event.getCommandName() + ":" + collection);
				}
			}

		};
		return (settings) -> settings.addCommandListener(listener);
	}

	@Bean
	NotificationMailer recordingMailer() {
		return (userId, notification) -> {
			if (FAILING_RECIPIENT.equals(userId)) {
				throw new IllegalStateException("mail server down");
			}
			MAILED.add(new Mailed(userId, notification));
		};
	}

	/** The commands sent while {@code action} ran. */
	public static List<String> commandsOf(Runnable action) {
		COMMANDS.clear();
		action.run();
		return List.copyOf(COMMANDS);
	}

}
