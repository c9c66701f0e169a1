package org.hacktrail.judging;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the judging tests over the API share: the running service on a random port,
 * accounts made through the stores ({@link TestAccounts}), an HTTP client and the
 * organizer's {@link JudgingApi}, ready before each test (a subclass's own
 * {@code @BeforeEach} runs after this one's).
 */
@ServiceTest
public abstract class JudgingApiTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected UserDirectory users;

	@Autowired
	protected ApiTokenRepository tokens;

	protected Http http;

	protected TestAccounts accounts;

	protected TestAccounts.Account organizer;

	protected JudgingApi api;

	@BeforeEach
	void connectAsOrganizer() {
		this.accounts = new TestAccounts(this.users, this.tokens);
		this.organizer = this.accounts.organizer();
		this.http = Http.localhost(this.port);
		this.api = new JudgingApi(this.http, this.organizer);
	}

}
