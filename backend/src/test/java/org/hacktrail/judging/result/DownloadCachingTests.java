package org.hacktrail.judging.result;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public downloads a harvester polls (results, open data, proposal lists) carry a
 * strong ETag and a short public Cache-Control and answer 304 to a revalidation; what a
 * signed-in caller downloads, and every error, stays {@code no-store}.
 */
class DownloadCachingTests extends JudgingApiTestSupport {

	@Test
	void publicDownloadsAnswer304ToARevalidation() {
		JudgingApi.Hackathon hackathon = publishedHackathon();
		Http anonymous = Http.localhost(this.port);
		for (String path : List.of("/api/hackathons/" + hackathon.slug() + "/results.json",
				"/api/hackathons/" + hackathon.slug() + "/results.csv",
				"/api/hackathons/" + hackathon.slug() + "/results.csv?for=spreadsheet",
				"/api/hackathons/" + hackathon.slug() + "/proposals.csv", "/api/opendata/projects.json",
				"/api/opendata/projects.csv")) {
			HttpResponse<String> first = anonymous.get(path);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			assertThat(first.body()).as(path).isNotEmpty();
			String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + ": no ETag"));
			// Strong: the bytes' own hash. projects.json is tagged without its
			// generatedAt
			// (the moment it was asked for), so its tag is weak: the same data.
			assertThat(etag).as(path).startsWith(path.endsWith("projects.json") ? "W/\"" : "\"").endsWith("\"");
			assertThat(first.headers().allValues("Cache-Control")).as(path).containsExactly("public, max-age=60");
			assertThat(first.headers().firstValue("Pragma")).as(path).isEmpty();
			assertThat(first.headers().firstValue("Vary")).as(path)
				.hasValueSatisfying((vary) -> assertThat(vary).contains("Cookie").contains("Authorization"));

			if (path.endsWith("projects.json")) {
				assertThat(first.body()).containsPattern("\"generatedAt\":\"20\\d\\d-").doesNotContain("@@");
			}
			HttpResponse<String> unchanged = anonymous.get(path, "If-None-Match", etag);
			assertThat(unchanged.statusCode()).as(path).isEqualTo(304);
			assertThat(unchanged.body()).as(path).isEmpty();
			assertThat(unchanged.headers().firstValue("ETag")).as(path).hasValue(etag);

			HttpResponse<String> other = anonymous.get(path, "If-None-Match", "\"something-else\"");
			assertThat(other.statusCode()).as(path).isEqualTo(200);
			assertThat(withoutGeneratedAt(other.body())).as(path).isEqualTo(withoutGeneratedAt(first.body()));
		}
		// Another file has another tag: the tag is the content's.
		assertThat(anonymous.get("/api/hackathons/" + hackathon.slug() + "/results.csv").headers().firstValue("ETag"))
			.isNotEqualTo(anonymous.get("/api/hackathons/" + hackathon.slug() + "/results.json")
				.headers()
				.firstValue("ETag"));
	}

	@Test
	void aChangedFileGetsANewTag() {
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "FINAL");
		api.proposal(hackathon, "Before the change", null);
		String path = "/api/hackathons/" + hackathon.slug() + "/proposals.csv";
		Http anonymous = Http.localhost(this.port);
		String before = anonymous.get(path).headers().firstValue("ETag").orElseThrow();
		api.proposal(hackathon, "A new proposal", null);
		HttpResponse<String> after = anonymous.get(path, "If-None-Match", before);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.body()).contains("A new proposal");
		assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(before));
	}

	@Test
	void whatASignedInCallerDownloadsIsNeverStoredOrShared() {
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "FINAL");
		api.proposal(hackathon, "Private download", null);
		String path = "/api/hackathons/" + hackathon.slug() + "/proposals.csv";
		String publicTag = Http.localhost(this.port).get(path).headers().firstValue("ETag").orElseThrow();
		for (TestAccounts.Account caller : List.of(this.organizer, this.accounts.user("download-reader"))) {
			HttpResponse<String> mine = this.http.get(path, caller.headers());
			assertThat(mine.statusCode()).isEqualTo(200);
			assertThat(String.join(", ", mine.headers().allValues("Cache-Control"))).contains("no-store")
				.doesNotContain("public")
				.doesNotContain("max-age=60");
			assertThat(mine.headers().firstValue("ETag")).isEmpty();
			// The public copy's tag does not stand for the signed-in caller's file.
			HttpResponse<String> revalidated = this.http.get(path, with(caller.headers(), "If-None-Match", publicTag));
			assertThat(revalidated.statusCode()).isEqualTo(200);
			assertThat(revalidated.body()).contains("Private download");
		}
		// A bad token is refused, not served from a public copy.
		HttpResponse<String> refused = this.http.get(path, "Authorization", "Bearer not-a-token", "If-None-Match",
				publicTag);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(String.join(", ", refused.headers().allValues("Cache-Control"))).contains("no-store");
	}

	@Test
	void errorsAreNotCached() {
		Http anonymous = Http.localhost(this.port);
		HttpResponse<String> missing = anonymous.get("/api/hackathons/no-such-edition/results.json");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("ETag")).isEmpty();
		assertThat(String.join(", ", missing.headers().allValues("Cache-Control"))).contains("no-store")
			.doesNotContain("public");
		HttpResponse<String> badFlavour = anonymous.get("/api/opendata/projects.csv?for=xlsx");
		assertThat(badFlavour.statusCode()).isEqualTo(400);
		assertThat(String.join(", ", badFlavour.headers().allValues("Cache-Control"))).doesNotContain("public");
		// Nothing published yet: 404, not a cached empty file.
		JudgingApi.Hackathon unpublished = api.hackathon("OTHER", "JUDGING", "FINAL");
		HttpResponse<String> notYet = anonymous.get("/api/hackathons/" + unpublished.slug() + "/results.json");
		assertThat(notYet.statusCode()).isEqualTo(404);
		assertThat(String.join(", ", notYet.headers().allValues("Cache-Control"))).doesNotContain("public");
	}

	private static String withoutGeneratedAt(String body) {
		return body.replaceFirst("\"generatedAt\":\"[^\"]+\"", "");
	}

	private static String[] with(String[] headers, String... more) {
		String[] all = new String[headers.length + more.length];
		System.arraycopy(headers, 0, all, 0, headers.length);
		System.arraycopy(more, 0, all, headers.length, more.length);
		return all;
	}

	private JudgingApi.Hackathon publishedHackathon() {
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "FINAL");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = new ArrayList<>();
		for (String title : List.of("Cached one", "Cached two")) {
			String id = api.proposal(hackathon, title, null);
			proposals.add(id);
			for (String to : List.of("IN_REVIEW", "SHORTLISTED")) {
				ObjectNode move = Http.json();
				move.putObject("input").put("proposalId", id).put("to", to);
				JudgingApi.ok(
						http.graphql("mutation($input: TransitionProposalInput!) { transitionProposal("
								+ "input: $input) { proposal { status } } }", move, organizer.headers()),
						"transitionProposal");
			}
		}
		TestAccounts.Account publicJudge = accounts.user("cache-pub-" + hackathon.slug());
		TestAccounts.Account privateJudge = accounts.user("cache-priv-" + hackathon.slug());
		api.judge(hackathon, publicJudge, "PUBLIC");
		api.judge(hackathon, privateJudge, "PRIVATE");
		api.configureOk(JudgingApi.roundInput(roundId, 2).put("cutSize", 1).put("normalise", false));
		api.assignOk(roundId, "8");
		api.statusOk(roundId, "OPEN", null);
		for (TestAccounts.Account judge : List.of(publicJudge, privateJudge)) {
			api.score(roundId, proposals.get(0), 5, 4, judge);
			api.score(roundId, proposals.get(1), 2, 3, judge);
		}
		api.statusOk(roundId, "CLOSED", null);
		JudgingApi.ok(api.select(roundId, List.of(proposals.get(0)), null, null, organizer), "selectProposals");
		JudgingApi.ok(api.publish(roundId, organizer), "publishRound");
		return hackathon;
	}

}
