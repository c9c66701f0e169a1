package org.hacktrail.proposal;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile loads hackathons, proposals and a project once, visible through the
 * public API.
 */
@DemoServiceTest
class DemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoData demoData;

	@Autowired
	MongoTemplate mongo;

	@Test
	void demoDataIsLoadedOnceAndShowsThroughTheApi() {
		Http http = Http.localhost(this.port);
		JsonNode hackathons = http.graphql("{ hackathons { edges { node { slug kind phase } } } }")
			.data()
			.path("hackathons")
			.path("edges");
		assertThat(hackathons.findValuesAsString("slug")).contains("g0v-hackath64n", DemoData.MARKER_SLUG,
				"presidential-hackathon-2026");

		JsonNode proposals = http
			.graphql("{ proposals(hackathonSlug: \"g0v-hackath65n\") { edges { node { title { zhTW en } status "
					+ "project { proposals { id } } } } } }")
			.data()
			.path("proposals")
			.path("edges");
		assertThat(proposals).as("the demo proposer's DRAFT is hidden from anonymous callers").hasSize(3);
		assertThat(proposals.toString()).contains("Cofacts 真的假的").doesNotContain("Budget visualiser");
		assertThat(proposals.findValues("project")
			.stream()
			.filter((p) -> !p.isNull())
			.findFirst()
			.orElseThrow()
			.path("proposals")).hasSize(2);

		long hackathonCount = this.mongo.count(new Query(), Hackathon.class);
		long proposalCount = this.mongo.count(new Query(), Proposal.class);
		this.demoData.load();
		assertThat(this.mongo.count(new Query(), Hackathon.class)).isEqualTo(hackathonCount);
		assertThat(this.mongo.count(new Query(), Proposal.class)).isEqualTo(proposalCount);
	}

}
