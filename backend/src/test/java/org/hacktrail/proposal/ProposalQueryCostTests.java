package org.hacktrail.proposal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.StoreCommands;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing a page of proposals with their project, hackathon, tags, link count and team
 * size costs a fixed number of store round trips, whatever the page size: counted with a
 * MongoDB driver command listener.
 */
@ServiceTest
class ProposalQueryCostTests {

	/**
	 * The commands of the last recorded request, as {@code name:collection} (connection
	 * handshakes and health pings left out: {@link StoreCommands}).
	 */
	final List<String> sent = new ArrayList<>();

	static final String PAGE = """
			query($slug: String!, $first: Int) {
			  proposals(hackathonSlug: $slug, first: $first, orderBy: TITLE) {
			    edges { node {
			      id title { zhTW en } proposerName status linkCount teamSize needs
			      tags { id zhTW en }
			      project { id name { zhTW en } }
			      hackathon { slug }
			    } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokenRepository;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StoreCommands commands;

	Http http;

	ProposalApi api;

	TestAccounts.Account organizer;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		this.organizer = new TestAccounts(this.users, this.tokenRepository).organizer();
		this.api = new ProposalApi(this.http, this.organizer);
	}

	@Test
	void aPageOfProposalsCostsAtMostFourRoundTripsWhateverItsSize() throws Exception {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		StringBuilder file = new StringBuilder("title,proposer,tags,needs,website_url,other_urls\r\n");
		for (int i = 0; i < 150; i++) {
			file.append("Idea ")
				.append(i)
				.append(",Person ")
				.append(i)
				.append(",education;health,GIS")
				.append(",https://site.example/")
				.append(i)
				.append(",https://a.example https://b.example\r\n");
		}
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(this.http.base() + "/api/hackathons/" + slug + "/proposals/import"))
				.header("Content-Type", "text/csv")
				.header("Authorization", "Bearer " + this.organizer.secret())
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(file.toString(), StandardCharsets.UTF_8))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		// Twenty projects, each proposal linked to one of them.
		String hackathonId = this.api.hackathonId(slug);
		List<Proposal> proposals = this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathonId)),
				Proposal.class);
		for (int p = 0; p < 20; p++) {
			this.mongo
				.insert(new Project("cost-project-" + p + "-" + slug, new LocalizedText("專案 " + p, "Project " + p),
						"project " + p, null, null, null, List.of(), Instant.now(), null, Instant.now(), 0L));
		}
		for (int i = 0; i < proposals.size(); i++) {
			this.mongo.updateFirst(new Query(Criteria.where("_id").is(proposals.get(i).id())),
					new Update().set("projectId", "cost-project-" + (i % 20) + "-" + slug), Proposal.class);
		}

		Map<Integer, Integer> costByPageSize = new ConcurrentHashMap<>();
		for (int pageSize : new int[] { 10, 50, 100 }) {
			Http.GraphQlResult page = recorded(
					() -> this.http.graphql(PAGE, Http.json().put("slug", slug).put("first", pageSize)));
			assertThat(page.hasErrors()).as(page.body().toString()).isFalse();
			JsonNode edges = page.data().path("proposals").path("edges");
			assertThat(edges).hasSize(pageSize);
			assertThat(edges.get(0).path("node").path("project").path("name").path("en").asString())
				.startsWith("Project ");
			assertThat(edges.get(0).path("node").path("linkCount").asInt()).isEqualTo(3);
			assertThat(edges.get(0).path("node").path("tags")).hasSize(2);
			assertThat(edges.get(0).path("node").path("hackathon").path("slug").asString()).isEqualTo(slug);
			costByPageSize.put(pageSize, this.sent.size());
		}
		assertThat(costByPageSize.get(100)).as("commands: %s", this.sent).isLessThanOrEqualTo(4);
		// The hackathon by slug, one page of proposals, one batch of projects, one batch
		// of hackathons.
		assertThat(this.sent).containsExactlyInAnyOrder("find:hackathons", "find:proposals", "find:projects",
				"find:hackathons");
		assertThat(costByPageSize.get(10)).isEqualTo(costByPageSize.get(100));
		assertThat(costByPageSize.get(50)).isEqualTo(costByPageSize.get(100));

		// An organizer's request costs the same, plus the two lookups that authenticate
		// the bearer token.
		Http.GraphQlResult asOrganizer = recorded(() -> this.http.graphql(PAGE,
				Http.json().put("slug", slug).put("first", 100), this.organizer.headers()));
		assertThat(asOrganizer.hasErrors()).isFalse();
		long nonIdentity = this.sent.stream()
			.filter((command) -> !command.endsWith(":users") && !command.endsWith(":api_tokens"))
			.count();
		assertThat(nonIdentity).as("commands: %s", this.sent).isLessThanOrEqualTo(4);
	}

	/** Sends the request, keeping the commands it sent in {@link #sent}. */
	private Http.GraphQlResult recorded(Supplier<Http.GraphQlResult> request) {
		List<Http.GraphQlResult> result = new ArrayList<>(1);
		this.sent.clear();
		this.commands.recording(() -> result.add(request.get()))
			.forEach((command) -> this.sent
				.add(command.name() + ":" + ((command.collection() != null) ? command.collection() : "")));
		return result.get(0);
	}

}
