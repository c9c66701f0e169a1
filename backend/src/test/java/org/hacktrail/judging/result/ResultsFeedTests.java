package org.hacktrail.judging.result;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.platform.AtomFeed;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom feed of published results, read back by Rome: a published round is an entry
 * (newest publication first, a stable id, a title in both languages, the selected
 * proposals, the public results page); a round that is closed and selected but not
 * published is not in it until it is published.
 */
class ResultsFeedTests extends JudgingApiTestSupport {

	@Test
	void publishedRoundsNewestFirstAndNothingBeforePublication() throws Exception {
		JudgingApi.Hackathon first = api.hackathon("OTHER", "JUDGING", "FINAL");
		String firstRound = first.roundIds().get(0);
		List<String> firstProposals = selectBest(first, "開放國會 Open parliament");
		JudgingApi.ok(api.publish(firstRound, organizer), "publishRound");
		JudgingApi.Hackathon second = api.hackathon("OTHER", "JUDGING", "FINAL");
		String secondRound = second.roundIds().get(0);
		selectBest(second, "Air quality map");

		HttpResponse<String> before = http.get("/api/feeds/results.atom");
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		assertThat(before.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300");
		SyndFeed feed = parse(before.body());
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(ids(feed)).contains(AtomFeed.stableId("results:" + firstRound))
			.as("closed and selected, not published")
			.doesNotContain(AtomFeed.stableId("results:" + secondRound));
		assertThat(before.body()).doesNotContain(second.slug(), "Air quality map");
		SyndEntry entry = byId(feed, AtomFeed.stableId("results:" + firstRound));
		assertThat(entry.getTitle()).isEqualTo("評審測試・final 評審結果 / Judging test · final: results");
		assertThat(entry.getLink()).isEqualTo(http.base() + "/hackathons/" + first.slug() + "/results");
		assertThat(entry.getDescription().getValue()).contains("入選 Selected (1)", "開放國會 Open parliament 0");
		assertThat(entry.getUpdatedDate()).isNotNull();
		assertThat(firstProposals).hasSize(3);

		JudgingApi.ok(api.publish(secondRound, organizer), "publishRound");
		HttpResponse<String> after = http.get("/api/feeds/results.atom");
		SyndFeed updated = parse(after.body());
		List<String> order = ids(updated);
		assertThat(order.get(0)).as("the newest publication first")
			.isEqualTo(AtomFeed.stableId("results:" + secondRound));
		assertThat(order.indexOf(AtomFeed.stableId("results:" + firstRound))).isGreaterThan(0);
		assertThat(updated.getPublishedDate()).as("the feed's updated is its newest entry's")
			.isEqualTo(updated.getEntries().get(0).getUpdatedDate());
		assertThat(updated.getEntries()).hasSizeLessThanOrEqualTo(AtomFeed.MAX_ENTRIES);

		HttpResponse<String> again = http.get("/api/feeds/results.atom");
		assertThat(again.body()).isEqualTo(after.body());
		String etag = again.headers().firstValue("ETag").orElseThrow();
		assertThat(http.get("/api/feeds/results.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);
	}

	/**
	 * Three submitted proposals judged by two judges in the hackathon's round, the round
	 * closed and the best one selected (not published).
	 */
	private List<String> selectBest(JudgingApi.Hackathon hackathon, String title) {
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = List.of(api.proposal(hackathon, title + " 0", null),
				api.proposal(hackathon, title + " 1", null), api.proposal(hackathon, title + " 2", null));
		api.shortlist(proposals);
		TestAccounts.Account publicJudge = accounts.user("feed-pub-" + hackathon.slug());
		TestAccounts.Account privateJudge = accounts.user("feed-priv-" + hackathon.slug());
		api.judge(hackathon, publicJudge, "PUBLIC");
		api.judge(hackathon, privateJudge, "PRIVATE");
		api.configureOk(JudgingApi.roundInput(roundId, 2).put("cutSize", 1));
		api.assignOk(roundId, "8");
		api.statusOk(roundId, "OPEN", null);
		double[] impact = { 5, 3, 1 };
		for (TestAccounts.Account judge : List.of(publicJudge, privateJudge)) {
			for (int i = 0; i < proposals.size(); i++) {
				api.score(roundId, proposals.get(i), impact[i], 3, judge);
			}
		}
		api.statusOk(roundId, "CLOSED", null);
		JudgingApi.ok(api.select(roundId, List.of(proposals.get(0)), null, null, organizer), "selectProposals");
		return proposals;
	}

	private static SyndFeed parse(String xml) throws Exception {
		return new SyndFeedInput().build(new StringReader(xml));
	}

	private static List<String> ids(SyndFeed feed) {
		return feed.getEntries().stream().map(SyndEntry::getUri).toList();
	}

	private static SyndEntry byId(SyndFeed feed, String id) {
		return feed.getEntries().stream().filter((e) -> id.equals(e.getUri())).findFirst().orElseThrow();
	}

}
