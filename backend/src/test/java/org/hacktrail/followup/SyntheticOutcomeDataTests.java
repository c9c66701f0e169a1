package org.hacktrail.followup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile's SYNTHETIC follow-up dataset: shaped like the published
 * presidential-hackathon figures, with recurring community projects and outcome trails,
 * labelled synthetic, loaded once, and visible in the public statistics once the roll-up
 * it launches has run.
 */
@DemoServiceTest
class SyntheticOutcomeDataTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SyntheticOutcomeData data;

	@Autowired
	JobRepository jobs;

	@Test
	void aDatasetShapedLikeThePublishedFiguresLabelledSyntheticAndLoadedOnce() throws Exception {
		List<Hackathon> synthetic = this.mongo.find(new Query(Criteria.where("slug").regex("^synthetic-")),
				Hackathon.class);
		assertThat(synthetic).allSatisfy((h) -> {
			assertThat(h.name().en()).contains("SYNTHETIC");
			assertThat(h.name().zhTW()).contains("模擬");
		});
		List<Hackathon> presidential = synthetic.stream()
			.filter((h) -> h.kind() == HackathonKind.PRESIDENTIAL)
			.toList();
		assertThat(presidential).extracting((h) -> h.startsAt().atZone(h.zone()).getYear())
			.containsExactlyInAnyOrder(2018, 2019, 2020, 2021, 2022, 2023);
		List<String> presidentialIds = presidential.stream().map(Hackathon::id).toList();
		List<Proposal> proposals = this.mongo.find(new Query(Criteria.where("hackathonId").in(presidentialIds)),
				Proposal.class);
		assertThat(proposals).hasSizeGreaterThan(1000);
		assertThat(proposals).filteredOn((p) -> p.status() == ProposalStatus.OUTSTANDING).hasSize(30);
		assertThat(proposals).allSatisfy((p) -> assertThat(p.title().en()).contains("SYNTHETIC"));

		List<Hackathon> community = synthetic.stream().filter((h) -> h.kind() == HackathonKind.COMMUNITY).toList();
		assertThat(community).hasSizeGreaterThanOrEqualTo(6);
		Map<String, Long> pitchesPerProject = this.mongo
			.find(new Query(Criteria.where("hackathonId").in(community.stream().map(Hackathon::id).toList())),
					Proposal.class)
			.stream()
			.filter((p) -> p.projectId() != null)
			.collect(Collectors.groupingBy(Proposal::projectId, Collectors.counting()));
		assertThat(pitchesPerProject.values().stream().filter((n) -> n >= 6).count())
			.as("projects recurring across community editions")
			.isGreaterThanOrEqualTo(10);

		long projects = this.mongo.count(new Query(), Project.class);
		long milestones = this.mongo.getCollection(FollowUpStates.MILESTONES).countDocuments();
		assertThat(milestones).isGreaterThan(300);
		this.data.load();
		assertThat(this.mongo.count(new Query(), Project.class)).as("loaded once").isEqualTo(projects);
		assertThat(this.mongo.getCollection(FollowUpStates.MILESTONES).countDocuments()).isEqualTo(milestones);

		// The roll-up launched at start-up gives every statistic something to show.
		JsonNode total = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		Http http = Http.localhost(this.port);
		while (System.nanoTime() < deadline) {
			JsonNode statistics = http
				.graphql("{ outcomeStatistics(filter: {kind: PRESIDENTIAL, fromYear: 2018, toYear: 2023}) { computedAt "
						+ "total { proposals outstanding funded adopted integrated medianMonthsToAdoption "
						+ "fundingTotals { currency amount } outstandingVsNotSelected { outstanding { integrated } } } "
						+ "byYear { year } byIssueArea { issueArea { id } } } }")
				.data()
				.path("outcomeStatistics");
			if (!statistics.path("computedAt").isNull()) {
				total = statistics.path("total");
				assertThat(statistics.path("byYear")).hasSize(6);
				assertThat(statistics.path("byIssueArea")).isNotEmpty();
				break;
			}
			Thread.sleep(500);
		}
		assertThat(total).as("the roll-up ran").isNotNull();
		assertThat(total.path("proposals").asInt()).isGreaterThan(1000);
		assertThat(total.path("outstanding").asInt()).isEqualTo(30);
		int integratedOutstanding = total.path("outstandingVsNotSelected")
			.path("outstanding")
			.path("integrated")
			.asInt();
		assertThat(integratedOutstanding).as("about half of the outstanding teams, publicly verified").isBetween(9, 15);
		assertThat(total.path("funded").asInt()).isPositive();
		assertThat(total.path("medianMonthsToAdoption").isNull()).isFalse();
		assertThat(total.path("fundingTotals").findValuesAsString("currency")).contains("TWD");
	}

}
