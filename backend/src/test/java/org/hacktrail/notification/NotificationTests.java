package org.hacktrail.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.hacktrail.team.TeamTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Notifications: any feature sends them; each user reads, pages and marks only their own;
 * an inbox keeps the newest {@value NotificationService#MAX_KEPT}; a failing mailer never
 * loses one; concurrent deliveries and marking never lose one either.
 */
@ServiceTest
class NotificationTests {

	static final String LIST = """
			query($first: Int, $after: String, $unreadOnly: Boolean) {
			  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
			    edges { node { id type read readAt link createdAt parameters { name value } } }
			    pageInfo { hasNextPage endCursor }
			  }
			  unreadNotificationCount
			}""";

	static final String MARK = """
			mutation($input: MarkNotificationsReadInput!) {
			  markNotificationsRead(input: $input) { notifications { id read } unreadCount }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokenRepository;

	@Autowired
	NotificationService notifications;

	Http http;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		this.accounts = new TestAccounts(this.users, this.tokenRepository);
	}

	TestAccounts.Account user(String name) {
		return this.accounts.user(name + "-" + UUID.randomUUID().toString().substring(0, 8));
	}

	JsonNode list(TestAccounts.Account as, Integer first, String after, Boolean unreadOnly) {
		ObjectNode variables = Http.json();
		if (first != null) {
			variables.put("first", first);
		}
		if (after != null) {
			variables.put("after", after);
		}
		if (unreadOnly != null) {
			variables.put("unreadOnly", unreadOnly);
		}
		Http.GraphQlResult result = this.http.graphql(LIST, variables, as.headers());
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data();
	}

	static List<String> values(JsonNode data, String parameter) {
		List<String> values = new ArrayList<>();
		data.path("notifications").path("edges").forEach((edge) -> edge.path("node").path("parameters").forEach((p) -> {
			if (p.path("name").asString().equals(parameter)) {
				values.add(p.path("value").asString());
			}
		}));
		return values;
	}

	Http.GraphQlResult mark(TestAccounts.Account as, List<String> ids, Boolean all) {
		ObjectNode input = Http.json();
		if (ids != null) {
			input.set("ids", Http.json().arrayNode().addAll(ids.stream().map(Http.json()::textNode).toList()));
		}
		if (all != null) {
			input.put("all", all);
		}
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql(MARK, variables, (as != null) ? as.headers() : new String[0]);
	}

	/**
	 * The store keeps times to the millisecond, and notifications sent one after another
	 * often share one: their ids (time-ordered, {@code TimeOrderedIds}) keep them in the
	 * order they were sent. With random ids, two sent in the same millisecond came out in
	 * either order (this class's first test failed so once in a clean-clone run); here
	 * the clock is stopped so that all forty share one.
	 */
	@Test
	void notificationsSentWithinOneMillisecondStayNewestFirst() {
		TestAccounts.Account carol = user("carol");
		TeamTestConfiguration.CLOCK.freeze(); // every one sent in the same millisecond
		try {
			for (int i = 1; i <= 40; i++) {
				this.notifications.send(carol.id(), "TEST_EVENT", Map.of("n", Integer.toString(i)), null);
			}
		}
		finally {
			TeamTestConfiguration.CLOCK.reset();
		}
		List<String> newestFirst = new ArrayList<>();
		for (int i = 40; i >= 1; i--) {
			newestFirst.add(Integer.toString(i));
		}
		assertThat(values(list(carol, 40, null, null), "n")).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void eachUserReadsOnlyTheirOwnNewestFirstPageByPage() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		for (int i = 1; i <= 5; i++) {
			this.notifications.send(alice.id(), "TEST_EVENT", Map.of("n", Integer.toString(i), "title", "專案 " + i),
					"/proposals/p" + i);
		}
		JsonNode firstPage = list(alice, 2, null, null);
		assertThat(values(firstPage, "n")).containsExactly("5", "4");
		assertThat(firstPage.path("unreadNotificationCount").asInt()).isEqualTo(5);
		JsonNode node = firstPage.path("notifications").path("edges").get(0).path("node");
		assertThat(node.path("type").asString()).isEqualTo("TEST_EVENT");
		assertThat(node.path("link").asString()).isEqualTo("/proposals/p5");
		assertThat(node.path("read").asBoolean()).isFalse();
		assertThat(node.path("parameters").findValuesAsString("name")).containsExactly("n", "title");
		String after = firstPage.path("notifications").path("pageInfo").path("endCursor").asString();
		JsonNode secondPage = list(alice, 2, after, null);
		assertThat(values(secondPage, "n")).containsExactly("3", "2");
		JsonNode lastPage = list(alice, 2,
				secondPage.path("notifications").path("pageInfo").path("endCursor").asString(), null);
		assertThat(values(lastPage, "n")).containsExactly("1");
		assertThat(lastPage.path("notifications").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

		JsonNode bobs = list(bob, null, null, null);
		assertThat(bobs.path("notifications").path("edges")).isEmpty();
		assertThat(bobs.path("unreadNotificationCount").asInt()).isZero();
		Http.GraphQlResult anonymous = this.http.graphql(LIST, Http.json());
		assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(mark(null, null, true).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.http.graphql(LIST, Http.json().put("first", 0), alice.headers()).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(this.http.graphql(LIST, Http.json().put("after", "bm90LWEtY3Vyc29y"), alice.headers()).errorCode())
			.isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void markingReadIsPerUserAndIgnoresOtherPeoplesNotifications() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		String alices = this.notifications.send(alice.id(), "TEST_EVENT", Map.of(), null).orElseThrow().id();
		String second = this.notifications.send(alice.id(), "TEST_EVENT", Map.of(), null).orElseThrow().id();
		String bobs = this.notifications.send(bob.id(), "TEST_EVENT", Map.of(), null).orElseThrow().id();

		assertThat(mark(alice, null, null).errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode marked = mark(alice, List.of(alices, bobs), null).data().path("markNotificationsRead");
		assertThat(marked.path("notifications").findValuesAsString("id")).containsExactly(alices);
		assertThat(marked.path("unreadCount").asInt()).isEqualTo(1);
		assertThat(list(bob, null, null, null).path("unreadNotificationCount").asInt()).as("bob's untouched")
			.isEqualTo(1);
		JsonNode unread = list(alice, null, null, true);
		assertThat(unread.path("notifications").path("edges").findValuesAsString("id")).containsExactly(second);
		Instant firstRead = this.notifications.inbox(alice.id()).items().get(0).readAt();
		assertThat(firstRead).isNotNull();
		NotificationInbox alicesBefore = this.notifications.inbox(alice.id());
		NotificationInbox bobsBefore = this.notifications.inbox(bob.id());
		JsonNode again = mark(alice, List.of(alices, bobs), null).data().path("markNotificationsRead");
		assertThat(again.path("unreadCount").asInt()).isEqualTo(1);
		assertThat(this.notifications.inbox(alice.id())).as("marking again writes nothing").isEqualTo(alicesBefore);
		assertThat(this.notifications.inbox(bob.id())).isEqualTo(bobsBefore);
		assertThat(mark(alice, null, true).data().path("markNotificationsRead").path("unreadCount").asInt()).isZero();
		assertThat(list(alice, null, null, true).path("notifications").path("edges")).isEmpty();
		assertThat(this.notifications.inbox(alice.id()).items().get(0).readAt()).as("read time kept")
			.isEqualTo(firstRead);
		assertThat(list(alice, null, null, false).path("notifications")
			.path("edges")
			.get(0)
			.path("node")
			.path("readAt")
			.isNull()).isFalse();
	}

	@Test
	void anInboxKeepsTheNewestAndAFailingMailerLosesNothing() {
		TestAccounts.Account alice = user("alice");
		for (int i = 1; i <= NotificationService.MAX_KEPT + 5; i++) {
			this.notifications.send(alice.id(), "TEST_EVENT", Map.of("n", Integer.toString(i)), null);
		}
		NotificationInbox inbox = this.notifications.inbox(alice.id());
		assertThat(inbox.items()).hasSize(NotificationService.MAX_KEPT);
		assertThat(inbox.items().get(0).parameters().get("n")).as("the oldest five dropped").isEqualTo("6");
		assertThat(inbox.items().get(NotificationService.MAX_KEPT - 1).parameters().get("n")).isEqualTo("205");

		assertThat(this.notifications.send(TeamTestConfiguration.FAILING_RECIPIENT, "TEST_EVENT", Map.of(), null))
			.isPresent();
		assertThat(this.notifications.inbox(TeamTestConfiguration.FAILING_RECIPIENT).items()).isNotEmpty();
		this.notifications.send(List.of(alice.id(), alice.id()), "TEST_TWICE", Map.of(), null);
		assertThat(this.notifications.inbox(alice.id()).items().stream().filter((n) -> n.type().equals("TEST_TWICE")))
			.as("a user listed twice is notified once")
			.hasSize(1);
		assertThat(TeamTestConfiguration.MAILED.stream()
			.filter((m) -> m.userId().equals(alice.id()) && m.notification().type().equals("TEST_TWICE"))).hasSize(1);
	}

	@Test
	void malformedNotificationsAreProgrammingErrors() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.notifications.send("u", "lower", Map.of(), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.notifications.send("u", "TEST_EVENT", Map.of("a.b", "x"), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.notifications.send("u", "TEST_EVENT", Map.of("$where", "x"), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.notifications.send("u", "TEST_EVENT", Map.of(), "https://evil.example"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.notifications.send("u", "TEST_EVENT", Map.of(), "//evil.example"));
		assertThat(this.notifications.send("u", "TEST_EVENT", Map.of("long", "x".repeat(900)), null)
			.orElseThrow()
			.parameters()
			.get("long")).hasSize(NotificationService.MAX_VALUE);
	}

	@Test
	void concurrentDeliveriesAndMarkingReadLoseNothing() throws Exception {
		TestAccounts.Account alice = user("alice");
		ExecutorService pool = Executors.newFixedThreadPool(5);
		AtomicBoolean sending = new AtomicBoolean(true);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> senders = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				senders.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < 25; i++) {
						this.notifications.send(alice.id(), "TEST_EVENT", Map.of("k", thread + "-" + i), null);
					}
					return null;
				}));
			}
			Future<Integer> marker = pool.submit(() -> {
				start.await();
				int marks = 0;
				while (sending.get()) {
					Http.GraphQlResult marked = mark(alice, null, true);
					assertThat(marked.hasErrors()).as(marked.body().toString()).isFalse();
					marks++;
				}
				return marks;
			});
			start.countDown();
			for (Future<?> sender : senders) {
				sender.get(60, TimeUnit.SECONDS);
			}
			sending.set(false);
			assertThat(marker.get(60, TimeUnit.SECONDS)).isPositive();
		}
		finally {
			pool.shutdownNow();
		}
		List<Notification> items = this.notifications.inbox(alice.id()).items();
		Set<String> keys = new HashSet<>();
		items.forEach((n) -> keys.add(n.parameters().get("k")));
		assertThat(items).hasSize(100);
		assertThat(keys).hasSize(100);
	}

}
