package org.hacktrail.team;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every end-to-end team test needs: the running service on a random port, an
 * organizer, fresh users (a new user per name and test, so inboxes and one-team locks
 * never leak between tests) and the team API. All team and notification tests share this
 * configuration, hence one application context.
 */
@ServiceTest
abstract class TeamTestBase {

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokenRepository;

	Http http;

	TeamApi api;

	TestAccounts accounts;

	TestAccounts.Account organizer;

	@BeforeEach
	void setUpAccounts() {
		this.http = Http.localhost(this.port);
		this.accounts = new TestAccounts(this.users, this.tokenRepository);
		this.organizer = this.accounts.organizer();
		this.api = new TeamApi(this.http, this.organizer);
	}

	/** A new user without roles, named {@code name} plus a random suffix. */
	TestAccounts.Account user(String name) {
		return this.accounts.user(name + "-" + UUID.randomUUID().toString().substring(0, 8));
	}

	/** The types of a user's notifications, newest first. */
	List<String> notificationTypes(TestAccounts.Account as) {
		List<String> types = new ArrayList<>();
		notifications(as).forEach((n) -> types.add(n.path("type").asString()));
		return types;
	}

	List<JsonNode> notifications(TestAccounts.Account as) {
		JsonNode edges = TeamApi.ok(this.api.call("query { notifications(first: 50) { edges { node { id type read link "
				+ "parameters { name value } } } } }", Http.json(), as))
			.path("notifications")
			.path("edges");
		List<JsonNode> nodes = new ArrayList<>();
		edges.forEach((edge) -> nodes.add(edge.path("node")));
		return nodes;
	}

	/** The value of a notification's parameter. */
	static String parameter(JsonNode notification, String name) {
		for (JsonNode parameter : notification.path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter.path("value").asString();
			}
		}
		return null;
	}

}
