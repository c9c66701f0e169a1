package org.hacktrail.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.hacktrail.notification.Notification;
import org.hacktrail.notification.NotificationMailer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the team and notification tests observe, in one configuration so that they share
 * one application context: every command sent to the store ({@code name:collection}, to
 * count round trips) and every notification handed to the mailer; and the service's
 * clock, which a test may move forward (e.g. past an invitation link's expiry).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TeamTestConfiguration {

	public static final List<String> COMMANDS = new CopyOnWriteArrayList<>();

	/**
	 * Commands are recorded only while {@link #commandsOf} runs: the context is shared by
	 * every end-to-end test, whose traffic would otherwise pile up here.
	 */
	private static volatile boolean recording;

	static final Set<String> HANDSHAKE = Set.of("hello", "ismaster", "isMaster", "saslStart", "saslContinue",
			"endSessions", "ping");

	/** A notification as the mailer received it. */
	public record Mailed(String userId, Notification notification) {
	}

	public static final List<Mailed> MAILED = new CopyOnWriteArrayList<>();

	/**
	 * The mailer fails for this user (to show a failing mailer never fails the action).
	 */
	public static final String FAILING_RECIPIENT = "mailer-fails-for-this-user";

	/**
	 * The service's clock: the system's, moved forward by {@link #advance} or stopped by
	 * {@link #freeze} until {@link #reset}.
	 */
	public static final class TestClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		private volatile @Nullable Instant frozen;

		public void advance(Duration by) {
			this.offset = this.offset.plus(by);
		}

		/**
		 * Stops the clock at the current instant (with its offset) until {@link #reset}.
		 */
		public void freeze() {
			this.frozen = instant();
		}

		public void reset() {
			this.offset = Duration.ZERO;
			this.frozen = null;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.offset(Clock.system(zone), this.offset);
		}

		@Override
		public Instant instant() {
			Instant stopped = this.frozen;
			return (stopped != null) ? stopped : Instant.now().plus(this.offset);
		}

	}

	public static final TestClock CLOCK = new TestClock();

	/**
	 * Replaces the platform's system clock in this context; it reads the same until a
	 * test advances it.
	 */
	@Bean
	@Primary
	Clock testClock() {
		return CLOCK;
	}

	@Bean
	MongoClientSettingsBuilderCustomizer logCommands() {
		CommandListener listener = new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (recording && !HANDSHAKE.contains(event.getCommandName())) {
					// Read inside the callback: the driver releases the command document
					// afterwards.
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
		recording = true;
		try {
			action.run();
		}
		finally {
			recording = false;
		}
		return List.copyOf(COMMANDS);
	}

}
