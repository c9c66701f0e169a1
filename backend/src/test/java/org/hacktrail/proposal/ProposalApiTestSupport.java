package org.hacktrail.proposal;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the proposal tests over the API share: the running service on a random port, an
 * HTTP client, the organizer's {@link ProposalApi} and two signed-in proposers, Alice and
 * Bob, ready before each test (a subclass's own {@code @BeforeEach} runs after this
 * one's).
 */
@ServiceTest
abstract class ProposalApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokenRepository;

	Http http;

	ProposalApi api;

	TestAccounts.Account organizer;

	TestAccounts.Account alice;

	TestAccounts.Account bob;

	@BeforeEach
	void connectAsOrganizer() {
		this.http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokenRepository);
		this.organizer = accounts.organizer();
		this.alice = accounts.user("alice");
		this.bob = accounts.user("bob");
		this.api = new ProposalApi(this.http, this.organizer);
	}

}
