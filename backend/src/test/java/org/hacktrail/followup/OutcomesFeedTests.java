package org.hacktrail.followup;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.AtomFeed;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalSeeds;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom feed of verified outcomes, read back by Rome: VERIFIED milestones of public
 * projects, newest verification first, with stable ids, titles in both languages and
 * links to the project and the evidence; never a PENDING or REJECTED milestone, an
 * ACTIVITY signal or a project the public cannot see.
 */
@ServiceTest
class OutcomesFeedTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void verifiedMilestonesOfPublicProjectsNewestFirst() throws Exception {
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Hackathon published = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.ARCHIVED,
				LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 3));
		Hackathon draftEvent = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.DRAFT,
				LocalDate.of(2026, 9, 5), LocalDate.of(2026, 9, 6));
		Project open = this.mongo.insert(ProposalSeeds.project(UUID.randomUUID().toString(),
				new LocalizedText("開放資料平台", "Open data platform"), null, null, List.of(), Instant.now()));
		fixtures.proposal(published, "Open data platform", null, open, 2, List.of(), ProposalStatus.SUBMITTED);
		Project hidden = fixtures.project("Hidden at a draft event", null);
		fixtures.proposal(draftEvent, "Hidden at a draft event", null, hidden, 1, List.of(), ProposalStatus.SUBMITTED);
		Project draftOnly = fixtures.project("Only a draft proposal", null);
		fixtures.proposal(published, "Only a draft proposal", null, draftOnly, 1, List.of());

		// Verified in the future, so that they are the newest whatever other tests
		// stored.
		Instant soon = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		OutcomeMilestone funded = verifiedAt(fixtures.milestone(open, MilestoneType.FUNDED, LocalDate.of(2024, 6, 1),
				VerificationState.VERIFIED, "數位發展部", "1500000", "TWD"), soon);
		OutcomeMilestone adopted = verifiedAt(fixtures.milestone(open, MilestoneType.ADOPTED, LocalDate.of(2025, 1, 15),
				VerificationState.VERIFIED, "臺北市政府", null, null), soon.plusSeconds(60));
		OutcomeMilestone pending = fixtures.milestone(open, MilestoneType.PILOT, LocalDate.of(2025, 2, 1),
				VerificationState.PENDING, "新北市政府", null, null);
		OutcomeMilestone rejected = fixtures.milestone(open, MilestoneType.INTEGRATED_INTO_OPERATIONS,
				LocalDate.of(2025, 3, 1), VerificationState.REJECTED, "Nowhere", null, null);
		OutcomeMilestone activity = verifiedAt(fixtures.milestone(open, MilestoneType.ACTIVITY,
				LocalDate.of(2025, 4, 1), VerificationState.VERIFIED, null, null, null), soon.plusSeconds(120));
		OutcomeMilestone ofHidden = verifiedAt(fixtures.milestone(hidden, MilestoneType.FUNDED,
				LocalDate.of(2025, 5, 1), VerificationState.VERIFIED, "X", "1", "TWD"), soon.plusSeconds(180));
		OutcomeMilestone ofDraftOnly = verifiedAt(fixtures.milestone(draftOnly, MilestoneType.FUNDED,
				LocalDate.of(2025, 5, 2), VerificationState.VERIFIED, "Y", "1", "TWD"), soon.plusSeconds(240));

		Http http = Http.localhost(this.port);
		HttpResponse<String> response = http.get("/api/feeds/outcomes.atom");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300", "public");
		SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		List<String> ids = feed.getEntries().stream().map(SyndEntry::getUri).toList();
		assertThat(ids.subList(0, 2)).as("the newest verification first").containsExactly(id(adopted), id(funded));
		assertThat(ids).doesNotContain(id(pending), id(rejected), id(activity), id(ofHidden), id(ofDraftOnly));
		assertThat(response.body()).doesNotContain(hidden.id(), draftOnly.id(), "新北市政府");
		assertThat(feed.getEntries()).hasSizeLessThanOrEqualTo(AtomFeed.MAX_ENTRIES);

		SyndEntry first = feed.getEntries().get(0);
		assertThat(first.getTitle()).isEqualTo("開放資料平台：獲機關採用（臺北市政府） / Open data platform: Adopted (臺北市政府)");
		assertThat(first.getUpdatedDate()).isEqualTo(Date.from(soon.plusSeconds(60)));
		assertThat(first.getLink()).isEqualTo(http.base() + "/projects/" + open.id());
		assertThat(first.getLinks()).extracting(SyndLink::getRel).contains("alternate", "related");
		SyndEntry second = feed.getEntries().get(1);
		assertThat(second.getTitle()).contains("獲得經費", "Funded");
		assertThat(second.getDescription().getValue()).contains("2024-06-01", "1500000 TWD");
		assertThat(feed.getPublishedDate()).isEqualTo(Date.from(soon.plusSeconds(60)));

		HttpResponse<String> again = http.get("/api/feeds/outcomes.atom");
		assertThat(again.body()).as("ids and bytes stay the same").isEqualTo(response.body());
		String etag = again.headers().firstValue("ETag").orElseThrow();
		assertThat(http.get("/api/feeds/outcomes.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);

		// Leave the future verifications out of other tests' feeds.
		this.mongo.updateMulti(new Query(Criteria.where("decidedAt").gt(Instant.now().plus(1, ChronoUnit.HOURS))),
				new Update().set("decidedAt", Instant.now()), FollowUpStates.MILESTONES);
	}

	private OutcomeMilestone verifiedAt(OutcomeMilestone milestone, Instant at) {
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(milestone.id())), new Update().set("decidedAt", at),
				FollowUpStates.MILESTONES);
		return milestone;
	}

	private static String id(OutcomeMilestone milestone) {
		return AtomFeed.stableId("outcome:" + milestone.id());
	}

}
