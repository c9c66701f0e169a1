package org.hacktrail.architecture;

import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.security.Operations;
import org.hacktrail.security.World;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module reads and writes only the collections it owns; another module's data is
 * reached through an interface the owner implements. A collection's owner is the module
 * of the {@code @Document} class stored in it (or, for the few collections named by
 * string, the module named in {@link #NAMED}).
 *
 * <p>
 * The check runs on what the application really sends: every command of building the
 * hostile-input corpus's world (every feature's objects, made through the API), of
 * sending each of its operations, and of running every batch job, is attributed to the
 * main-code class that sent it (the first Hacktrail frame on the sending thread's stack
 * that is not platform plumbing), and compared with the collection's owner. The
 * platform's own collections (sessions, the audit log, the batch job repository) are
 * written by framework code on behalf of every module and are not checked.
 */
@DemoServiceTest
class CollectionOwnershipTests {

	/**
	 * Collections named by string rather than by a {@code @Document} class, and their
	 * module.
	 */
	static final Map<String, String> NAMED = Map.of("sessions", "platform", "audit_events", "platform");

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Recorder recorder;

	@Test
	void everyModuleTouchesOnlyTheCollectionsItOwns() {
		Http http = Http.localhost(this.port);
		this.recorder.recording = true;
		World world = World.build(http, new TestAccounts(this.users, this.tokens), this.mongo);
		for (Operations.TextOperation operation : Operations.text()) {
			http.graphql(operation.document(), operation.variables().apply(world), operation.actor().headers(world));
		}
		for (Operations.ForgedOperation operation : Operations.forged()) {
			http.graphql(operation.document(), operation.variables().apply(world), operation.actor().headers(world));
		}
		for (String job : List.of("followUpDue", "activityCheck", "statisticsRollup")) {
			String run = world
				.call(world.organizer, "mutation($n: String!) { startJob(input: {name: $n}) { run { id } } }",
						Http.json().put("n", job))
				.path("startJob")
				.path("run")
				.path("id")
				.asString();
			world.awaitRun(run);
		}
		this.recorder.recording = false;

		Map<String, String> owners = owners();
		assertThat(this.recorder.touches).as("the flow touches proposals, score sheets, teams and milestones")
			.anyMatch((touch) -> touch.endsWith(" proposals"))
			.anyMatch((touch) -> touch.endsWith(" score_sheets"))
			.anyMatch((touch) -> touch.endsWith(" teams"))
			.anyMatch((touch) -> touch.endsWith(" outcome_milestones"));
		Map<String, String> foreign = new TreeMap<>();
		Set<String> unowned = new TreeSet<>();
		for (String touch : this.recorder.touches) {
			String[] parts = touch.split(" ");
			String caller = parts[0];
			String collection = parts[1];
			String owner = owners.get(collection);
			if (owner == null) {
				if (!collection.startsWith("BATCH_") && !collection.startsWith("system.")) {
					unowned.add(collection + " (sent by " + caller + ")");
				}
				continue;
			}
			if (owner.equals("platform")) {
				continue;
			}
			String module = module(caller);
			if (!module.equals(owner)) {
				foreign.merge(collection + " (owned by " + owner + ")", caller, (a, b) -> a + ", " + b);
			}
		}
		assertThat(unowned).as("collections no @Document class and no NAMED entry declares an owner of").isEmpty();
		assertThat(foreign).as("collections touched by a class of another module than their owner").isEmpty();
	}

	/**
	 * Collection → owning module, from every {@code @Document} class of the main code,
	 * and {@link #NAMED}.
	 */
	static Map<String, String> owners() {
		Map<String, String> owners = new TreeMap<>(NAMED);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
		for (var candidate : scanner.findCandidateComponents("org.hacktrail")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			Document document = type.getAnnotation(Document.class);
			String collection = document.collection().isEmpty() ? document.value() : document.collection();
			if (collection.isEmpty()) {
				collection = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
			}
			owners.put(collection, module(type.getName()));
		}
		return owners;
	}

	static String module(String className) {
		String rest = className.substring("org.hacktrail.".length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? "" : rest.substring(0, dot);
	}

	/** The commands sent while recording, as "caller collection". */
	static final class Recorder implements CommandListener {

		volatile boolean recording;

		final Set<String> touches = ConcurrentHashMap.newKeySet();

		@Override
		public void commandStarted(CommandStartedEvent event) {
			if (!this.recording) {
				return;
			}
			BsonValue target = event.getCommand().get(event.getCommandName());
			if (target == null || !target.isString()) {
				return;
			}
			String caller = caller();
			if (caller != null) {
				this.touches.add(caller + " " + target.asString().getValue());
			}
		}

		/**
		 * The main-code class that sent the command: the first Hacktrail frame, platform
		 * plumbing (batch readers, the store's helpers) skipped unless nothing else is on
		 * the stack. Test code (building the world) is ignored.
		 */
		static String caller() {
			String platform = null;
			for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
				String name = frame.getClassName();
				if (!name.startsWith("org.hacktrail.") || !isMainCode(name)) {
					continue;
				}
				if (module(name).equals("platform")) {
					platform = (platform != null) ? platform : name;
					continue;
				}
				return name;
			}
			return platform;
		}

		private static final Map<String, Boolean> MAIN = new ConcurrentHashMap<>();

		private static boolean isMainCode(String className) {
			return MAIN.computeIfAbsent(className, (name) -> {
				try {
					CodeSource source = Class
						.forName(name.replaceAll("\\$\\$.*", ""), false,
								CollectionOwnershipTests.class.getClassLoader())
						.getProtectionDomain()
						.getCodeSource();
					URL location = (source != null) ? source.getLocation() : null;
					return location != null && !location.getPath().contains("test-classes");
				}
				catch (ClassNotFoundException | LinkageError ex) {
					return false;
				}
			});
		}

	}

}
