package org.hacktrail.proposal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing real g0v 松後推坑 pages over REST ({@code text/markdown}) with the CSV import's
 * rules, and the page written back ({@code proposals.md}): counts, titles, proposers,
 * channels, contacts, typed links, idempotence, dry run, a broken page refused with
 * nothing written, and the round trip.
 */
class ProposalPageImportTests extends ProposalApiTestSupport {

	@Autowired
	MongoTemplate mongo;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	HttpResponse<String> importPage(String slug, byte[] page, String query) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.http.base() + "/api/hackathons/" + slug + "/proposals/import"
					+ ((query != null) ? "?" + query : "")))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "text/markdown; charset=UTF-8")
			.header("Authorization", "Bearer " + this.organizer.secret())
			.POST(HttpRequest.BodyPublishers.ofByteArray(page))
			.build();
		return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	JsonNode importOk(String slug, byte[] page, String query) {
		HttpResponse<String> response = importPage(slug, page, query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.parse(response.body());
	}

	HttpResponse<byte[]> exportPage(String slug) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.http.base() + "/api/hackathons/" + slug + "/proposals.md"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.organizer.secret())
			.GET()
			.build();
		return send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.client.send(request, handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	List<Proposal> stored(String slug) {
		Query query = new Query(Criteria.where("hackathonId").is(this.api.hackathonId(slug)))
			.with(org.springframework.data.domain.Sort.by("createdAt", "_id"));
		return this.mongo.find(query, Proposal.class);
	}

	Map<String, Proposal> byTitle(String slug) {
		return stored(slug).stream()
			.collect(Collectors.toMap((p) -> p.title().primary(), Function.identity(), (a, b) -> a));
	}

	static String result(int created, int updated, int unchanged) {
		return "{\"created\":" + created + ",\"updated\":" + updated + ",\"unchanged\":" + unchanged
				+ ",\"errors\":[]}";
	}

	@ParameterizedTest
	@CsvSource({ "hackath45n.md, 10", "hackath53n.md, 14", "hackath60n.md, 15", "hackath61n.md, 15" })
	void aRealPageImportsEveryProposalAndImportingItAgainChangesNothing(String file, int proposals) {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		byte[] page = ProposalMarkdownTests.page(file);
		assertThat(importOk(slug, page, "dryRun=true").toString()).isEqualTo(result(proposals, 0, 0));
		assertThat(stored(slug)).as("a dry run writes nothing").isEmpty();

		assertThat(importOk(slug, page, null).toString()).isEqualTo(result(proposals, 0, 0));
		List<Proposal> first = stored(slug);
		assertThat(first).hasSize(proposals);
		assertThat(first).allSatisfy((p) -> {
			assertThat(p.status()).isEqualTo(ProposalStatus.SUBMITTED);
			assertThat(p.proposerId()).isNull();
			assertThat(p.history().get(0).reason()).isEqualTo("Imported from the 松後推坑 page (Markdown)");
		});

		assertThat(importOk(slug, page, null).toString()).isEqualTo(result(0, 0, proposals));
		assertThat(stored(slug)).usingRecursiveComparison().isEqualTo(first);
	}

	@Test
	void theImportedProposalsCarryTitlesProposersChannelsContactsAndTypedLinks() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		importOk(slug, ProposalMarkdownTests.page("hackath60n.md"), null);
		Map<String, Proposal> proposals = byTitle(slug);

		Proposal pride = proposals.get("PrideWatch 彩虹選民投票指南");
		assertThat(pride.proposerName()).isEqualTo("嗡嗡");
		assertThat(pride.channel()).isEqualTo("#pridewatch彩虹選民觀選指南");
		assertThat(pride.links()).containsExactly(
				new ProposalLink(LinkType.PITCH_VIDEO, "https://youtu.be/iue8odUAlHc?feature=shared"),
				new ProposalLink(LinkType.SLIDES, "https://bit.ly/48q4G9y"),
				new ProposalLink(LinkType.WEBSITE, "https://pridewatch.tw/"),
				new ProposalLink(LinkType.OTHER, "https://www.youtube.com/watch?v=9qR-SyWal04", "專案相關影片"));
		assertThat(pride.summary().zhTW()).startsWith("PrideWatch 是一個投票指南平台").endsWith("多元性別議題。");

		Proposal resilience = proposals.get("數位韌性松");
		assertThat(resilience.title().en()).isEqualTo("digital resilience hackathon");
		Proposal cofacts = proposals.get("Cofacts 真的假的 - 要被選舉訊息淹沒啦／台灣選務謠言筆記");
		assertThat(cofacts.contacts()).containsExactly("@mrorz", "@bil");
		assertThat(cofacts.channel()).isEqualTo("#cofacts");

		// Over GraphQL: contacts and link labels.
		JsonNode node = this.http
			.graphql("query($id: ID!) { proposal(id: $id) { contacts links { type url label } } }",
					Http.json().put("id", pride.id()), this.organizer.headers())
			.data()
			.path("proposal");
		assertThat(node.path("contacts")).isEmpty();
		assertThat(node.path("links").get(3).path("label").asString()).isEqualTo("專案相關影片");
		assertThat(node.path("links").get(0).path("label").isNull()).isTrue();
		JsonNode cofactsNode = this.http
			.graphql("query($id: ID!) { proposal(id: $id) { contacts } }", Http.json().put("id", cofacts.id()),
					this.organizer.headers())
			.data()
			.path("proposal");
		assertThat(cofactsNode.path("contacts").toString()).isEqualTo("[\"@mrorz\",\"@bil\"]");
	}

	@Test
	void aBrokenPageIsRefusedWithTheSectionAndLineAndNothingIsWrittenUnlessSkipInvalid() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String page = new String(ProposalMarkdownTests.page("hackath61n.md"), StandardCharsets.UTF_8)
			.replace("> [name=發表者 Allen]\n", "")
			.replace("提案投影片：https://bityl.co/PFEi", "提案投影片：javascript:alert(1)")
			.replace("專案官網：https://arm0ry.g0v.tw/", "專案官網：ftp://arm0ry.g0v.tw/");
		byte[] body = page.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> refused = importPage(slug, body, null);
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode answer = Http.parse(refused.body());
		assertThat(answer.path("created").asInt()).isZero();
		JsonNode errors = answer.path("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("website_url");
		assertThat(errors.get(0).path("message").asString()).startsWith("Section \"Arm0ry\" (line ")
			.contains("Only http and https links");
		int line = errors.get(0).path("row").asInt();
		assertThat(page.split("\n", -1)[line - 1]).isEqualTo("專案官網：ftp://arm0ry.g0v.tw/");
		assertThat(errors.get(1).path("column").asString()).isEqualTo("proposer");
		assertThat(errors.get(1).path("message").asString()).contains("\"Wikidata\"", "no proposer line");
		assertThat(page.split("\n", -1)[errors.get(1).path("row").asInt() - 1]).isEqualTo("## Wikidata ");
		assertThat(stored(slug)).as("nothing written").isEmpty();

		// The 找夥伴 section's javascript: link is not a link at all: it stays in the
		// summary, as the page shows it.
		JsonNode skipped = importOk(slug, body, "skipInvalid=true");
		assertThat(skipped.path("created").asInt()).isEqualTo(13);
		assertThat(skipped.path("errors")).hasSize(2);
		assertThat(stored(slug)).hasSize(13);
	}

	@Test
	void aPageInAnotherEncodingOrWithoutProposalsIsRefused() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		HttpResponse<String> empty = importPage(slug, "# 標題\n\n沒有提案。\n".getBytes(StandardCharsets.UTF_8), null);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("no proposals");
		HttpRequest big5 = HttpRequest
			.newBuilder(URI.create(this.http.base() + "/api/hackathons/" + slug + "/proposals/import"))
			.header("Content-Type", "text/markdown; charset=Big5")
			.header("Authorization", "Bearer " + this.organizer.secret())
			.POST(HttpRequest.BodyPublishers.ofString("## x"))
			.build();
		HttpResponse<String> refused = send(big5, HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("UTF-8");
		assertThat(stored(slug)).isEmpty();
	}

	@Test
	void thePublishedPageRecreatesTheProposalsElsewhereAndChangesNothingAtHome() {
		String home = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		importOk(home, ProposalMarkdownTests.page("hackath61n.md"), null);
		importOk(home, ProposalMarkdownTests.page("hackath53n.md"), null);
		Proposal armory = byTitle(home).get("Arm0ry");
		// The team of one proposal has open positions: one a skill the proposal already
		// wants, one only the team's.
		JsonNode needs = this.http.graphql(
				"mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { needs } } }",
				Http.json()
					.set("input", Http.json().put("id", armory.id()).set("needs", Http.json().arrayNode().add("前端"))),
				this.organizer.headers())
			.data();
		assertThat(needs.path("updateProposal").path("proposal").path("needs").toString()).isEqualTo("[\"前端\"]");
		for (String skill : List.of("前端", "智慧合約")) {
			Http.GraphQlResult opened = this.http.graphql(
					"mutation($input: OpenTeamPositionInput!) { openTeamPosition(input: $input) { position { id } } }",
					Http.json()
						.set("input", Http.json().put("proposalId", armory.id()).put("skill", skill).put("count", 2)),
					this.organizer.headers());
			assertThat(opened.hasErrors()).as(opened.body().toString()).isFalse();
		}
		Map<String, Proposal> before = byTitle(home);

		HttpResponse<byte[]> exported = exportPage(home);
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
		String page = new String(exported.body(), StandardCharsets.UTF_8);
		assertThat(page).contains("## Arm0ry\n> [name=發表者 Stamford]\n")
			.contains("徵求：前端（2 位）\n徵求：智慧合約（2 位）\n")
			.contains(":hole: 現在就入坑 @Stamford, @Zoey Tseng\n")
			.contains("公共政策網路參與平台：https://join.gov.tw/");

		// Into the same hackathon: nothing changes (the team's own position stays the
		// team's).
		assertThat(importOk(home, exported.body(), null).toString()).isEqualTo(result(0, 0, 29));
		assertThat(byTitle(home)).usingRecursiveComparison().isEqualTo(before);

		// Into an empty hackathon: the same proposals; the open positions become skills
		// wanted, since that hackathon has no team yet.
		String elsewhere = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		assertThat(importOk(elsewhere, exported.body(), null).toString()).isEqualTo(result(29, 0, 0));
		Map<String, Proposal> after = byTitle(elsewhere);
		assertThat(after.keySet()).isEqualTo(before.keySet());
		after.forEach((title, copy) -> {
			Proposal original = before.get(title);
			assertThat(copy.title()).as(title).isEqualTo(original.title());
			assertThat(copy.proposerName()).as(title).isEqualTo(original.proposerName());
			assertThat(copy.summary()).as(title).isEqualTo(original.summary());
			assertThat(copy.channel()).as(title).isEqualTo(original.channel());
			assertThat(copy.contacts()).as(title).isEqualTo(original.contacts());
			assertThat(copy.links()).as(title).isEqualTo(original.links());
			if (!title.equals("Arm0ry")) {
				assertThat(copy.needs()).as(title).isEqualTo(original.needs());
			}
		});
		assertThat(after.get("Arm0ry").needs()).containsExactly("前端", "智慧合約");
		// And the copy's own page imports into it without a change.
		assertThat(importOk(elsewhere, exportPage(elsewhere).body(), null).toString()).isEqualTo(result(0, 0, 29));
	}

}
