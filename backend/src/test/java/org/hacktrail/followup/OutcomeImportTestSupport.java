package org.hacktrail.followup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the outcome import tests share (each class, or
 * {@link OutcomeImportFaultTestSupport}, says its own {@code @SpringBootTest}
 * properties): the running service, an HTTP client, a signed-in organizer ready before
 * each test, and files of valid rows.
 */
abstract class OutcomeImportTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	OutcomeSettings settings;

	Http http;

	TestAccounts.Account organizer;

	@BeforeEach
	void connectAsOrganizer() {
		this.http = Http.localhost(this.port);
		this.organizer = new TestAccounts(this.users, this.tokens).organizer();
	}

	/**
	 * A CSV file of valid PILOT rows, numbered {@code first} on: row {@code n} belongs to
	 * project {@code n % projects.size()}, is dated n days after 2020-01-01, and has the
	 * note "row n".
	 */
	static String pilotRows(List<Project> projects, int first, int rows) {
		StringBuilder csv = new StringBuilder(OutcomeImportTests.HEADER);
		for (int row = first; row < first + rows; row++) {
			csv.append(projects.get(row % projects.size()).id())
				.append(",,,PILOT,")
				.append(LocalDate.of(2020, 1, 1).plusDays(row))
				.append(",Agency ")
				.append(row)
				.append(",,,,,,row ")
				.append(row)
				.append('\n');
		}
		return csv.toString();
	}

	/**
	 * Writes a file into the import folder and returns its name (what the {@code file}
	 * parameter takes).
	 */
	String importFile(String content) throws IOException {
		Files.createDirectories(this.settings.importDir());
		Path file = this.settings.importDir().resolve("test-" + UUID.randomUUID() + ".csv");
		Files.writeString(file, content);
		return file.getFileName().toString();
	}

	List<OutcomeMilestone> milestonesOf(List<Project> projects) {
		return this.mongo.find(new Query(Criteria.where("projectId").in(projects.stream().map(Project::id).toList())),
				OutcomeMilestone.class, FollowUpStates.MILESTONES);
	}

}
