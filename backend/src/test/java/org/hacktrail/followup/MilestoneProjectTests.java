package org.hacktrail.followup;

import java.time.LocalDate;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizers' queue of milestones to verify names each milestone's project (the web panel
 * lists milestones of many projects there), batch-loaded; a milestone whose project was
 * removed answers null, not an error.
 */
@ServiceTest
class MilestoneProjectTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Test
	void theQueueNamesEachMilestonesProject() {
		TestAccounts.Account organizer = new TestAccounts(this.users, this.tokens).organizer();
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Project care = fixtures.project(FollowUpFixtures.unique("Care map"), null);
		Project bus = fixtures.project(FollowUpFixtures.unique("Bus arrivals"), null);
		Project gone = fixtures.project(FollowUpFixtures.unique("Removed"), null);
		OutcomeMilestone first = fixtures.milestone(care, MilestoneType.PILOT, LocalDate.of(2024, 1, 2),
				VerificationState.PENDING, "Taipei City", null, null);
		OutcomeMilestone second = fixtures.milestone(bus, MilestoneType.ADOPTED, LocalDate.of(2024, 3, 4),
				VerificationState.PENDING, "Ministry of Transport", null, null);
		OutcomeMilestone orphan = fixtures.milestone(gone, MilestoneType.PILOT, LocalDate.of(2024, 5, 6),
				VerificationState.PENDING, "Nowhere", null, null);
		this.mongo.remove(gone);

		Http.GraphQlResult result = Http.localhost(this.port)
			.graphql("{ outcomeMilestonesToVerify(first: 100) { id projectId project { id name { en } } } }",
					organizer.headers());
		assertThat(result.errorCode()).isNull();
		JsonNode queue = result.data().path("outcomeMilestonesToVerify");
		assertThat(entry(queue, first.id()).path("project").path("name").path("en").asString())
			.isEqualTo(care.name().en());
		assertThat(entry(queue, second.id()).path("project").path("id").asString()).isEqualTo(bus.id());
		assertThat(entry(queue, orphan.id()).path("project").isNull()).isTrue();
	}

	private static JsonNode entry(JsonNode queue, String id) {
		for (JsonNode milestone : queue) {
			if (milestone.path("id").asString().equals(id)) {
				return milestone;
			}
		}
		throw new AssertionError("Milestone " + id + " not in the queue: " + queue);
	}

}
