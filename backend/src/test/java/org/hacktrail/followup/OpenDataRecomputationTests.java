package org.hacktrail.followup;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.CsvFiles;
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
 * The public statistics can be recomputed from the open-data package alone: the funnel's
 * counts, the funding totals per currency and the median months to adoption of
 * {@code outcomeStatistics} (PUBLIC) are computed here again from {@code hackathons.csv},
 * {@code proposals.csv} and {@code milestones.csv}, with the attribution rule written
 * anew (not {@link RollupCalculator}), and the awards per track from {@code awards.csv},
 * and compared. The dataset sits in 2003–2004, away from the other tests' hackathons
 * ({@link StatisticsAwardTracksTests} recomputes the awards of a published round with a
 * second track).
 */
@ServiceTest
class OpenDataRecomputationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	OpenDataPackage dataPackage;

	@Test
	void thePublicFiguresFollowFromThePackagesFiles() throws Exception {
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Hackathon first = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.FOLLOW_UP,
				LocalDate.of(2003, 8, 1), LocalDate.of(2003, 8, 2));
		Hackathon second = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.ARCHIVED,
				LocalDate.of(2004, 8, 1), LocalDate.of(2004, 8, 2));
		Project a = fixtures.project("Recompute A", null);
		Project b = fixtures.project("Recompute B", null);
		fixtures.proposal(first, "a1", null, a, 4, List.of("health"), ProposalStatus.SUBMITTED,
				ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
				ProposalStatus.OUTSTANDING);
		fixtures.proposal(second, "a2", null, a, 2, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(first, "b1", null, b, 3, List.of(), ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW,
				ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST, ProposalStatus.NOT_SELECTED);
		fixtures.proposal(second, "c1", null, null, 1, List.of(), ProposalStatus.SUBMITTED,
				ProposalStatus.TEAM_FORMING);
		fixtures.proposal(second, "draft", null, null, 1, List.of());
		fixtures.milestone(a, MilestoneType.FUNDED, LocalDate.of(2003, 12, 1), VerificationState.VERIFIED, "MODA",
				"100", "TWD");
		fixtures.milestone(a, MilestoneType.FUNDED, LocalDate.of(2004, 9, 1), VerificationState.VERIFIED, "NDC", "50.5",
				"TWD");
		fixtures.milestone(a, MilestoneType.FUNDED, LocalDate.of(2003, 1, 1), VerificationState.VERIFIED, "Early", "7",
				"USD");
		fixtures.milestone(a, MilestoneType.FUNDED, LocalDate.of(2003, 10, 1), VerificationState.PENDING, "Pending",
				"999", "TWD");
		fixtures.milestone(a, MilestoneType.ADOPTED, LocalDate.of(2005, 2, 1), VerificationState.VERIFIED, "Taipei",
				null, null);
		fixtures.milestone(b, MilestoneType.INTEGRATED_INTO_OPERATIONS, LocalDate.of(2005, 3, 1),
				VerificationState.VERIFIED, "MOHW", null, null);

		Http http = Http.localhost(this.port);
		TestAccounts.Account organizer = new TestAccounts(this.users, this.tokens).organizer();
		JsonNode run = JobRuns.run(http, organizer, "statisticsRollup", Map.of());
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		var variables = Http.json();
		variables.putObject("filter").put("kind", "PRESIDENTIAL").put("fromYear", 2003).put("toYear", 2004);
		Http.GraphQlResult result = http.graphql("""
				query($filter: OutcomeStatisticsFilter) {
				  outcomeStatistics(filter: $filter) {
				    view
				    total { proposals teams shortlisted outstanding notSelected funded adopted integrated
				      fundingTotals { currency amount } medianMonthsToAdoption
				      awards awardsByTrack { trackId awards } }
				  }
				}""", variables);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		JsonNode statistics = result.data().path("outcomeStatistics");
		assertThat(statistics.path("view").asString()).isEqualTo("PUBLIC");
		JsonNode total = statistics.path("total");

		this.dataPackage.refresh();
		Recomputed recomputed = recompute(csv(http, "hackathons"), csv(http, "proposals"), csv(http, "milestones"),
				csv(http, "awards"), "PRESIDENTIAL", 2003, 2004);

		assertThat(recomputed.counts()).containsExactly(total.path("proposals").asInt(), total.path("teams").asInt(),
				total.path("shortlisted").asInt(), total.path("outstanding").asInt(), total.path("notSelected").asInt(),
				total.path("funded").asInt(), total.path("adopted").asInt(), total.path("integrated").asInt());
		// The figures themselves, so that both sides cannot agree on nothing.
		assertThat(recomputed.counts()).containsExactly(4, 4, 2, 1, 1, 2, 2, 1);
		Map<String, String> totals = new TreeMap<>();
		total.path("fundingTotals")
			.forEach((t) -> totals.put(t.path("currency").asString(), t.path("amount").asString()));
		assertThat(recomputed.funding()).isEqualTo(totals).isEqualTo(Map.of("TWD", "150.5"));
		assertThat(recomputed.medianMonths()).isEqualTo(total.path("medianMonthsToAdoption").asDouble())
			.isEqualTo(11.5);
		// a1 is OUTSTANDING without a published round: the outstanding track of its
		// hackathon, as awards.csv lists it.
		assertThat(recomputed.awardsByTrack()).isEqualTo(awardsByTrack(total))
			.isEqualTo(Map.of(first.id() + ".outstanding", 1));
		assertThat(total.path("awards").asInt()).isEqualTo(1);
	}

	/** The funnel's {@code awardsByTrack} as track id → awards. */
	static Map<String, Integer> awardsByTrack(JsonNode funnel) {
		Map<String, Integer> awards = new TreeMap<>();
		funnel.path("awardsByTrack").forEach((t) -> awards.put(t.path("trackId").asString(), t.path("awards").asInt()));
		return awards;
	}

	static List<CSVRecord> csv(Http http, String table) {
		HttpResponse<String> response = http.get("/api/opendata/data/" + table + ".csv");
		assertThat(response.statusCode()).isEqualTo(200);
		return CsvFiles.records(response.body());
	}

	record Recomputed(List<Integer> counts, Map<String, String> funding, Double medianMonths,
			Map<String, Integer> awardsByTrack) {
	}

	/**
	 * The public funnel of the hackathons of a kind and years, from the files: a
	 * milestone counts for the project's latest published proposal whose hackathon
	 * started on or before the milestone's date. Awards per track: the rows of
	 * {@code awards.csv} of those hackathons, counted by {@code track_id}.
	 */
	static Recomputed recompute(List<CSVRecord> hackathons, List<CSVRecord> proposals, List<CSVRecord> milestones,
			List<CSVRecord> awards, String kind, int fromYear, int toYear) {
		Map<String, CSVRecord> hackathonById = hackathons.stream()
			.collect(Collectors.toMap((h) -> h.get("hackathon_id"), (h) -> h));
		Map<String, List<CSVRecord>> pitchesByProject = new HashMap<>();
		for (CSVRecord proposal : proposals) {
			if (!proposal.get("project_id").isEmpty()) {
				pitchesByProject.computeIfAbsent(proposal.get("project_id"), (id) -> new ArrayList<>()).add(proposal);
			}
		}
		Comparator<CSVRecord> byStart = Comparator
			.comparing((CSVRecord p) -> hackathonById.get(p.get("hackathon_id")).get("starts_on"))
			.thenComparing((p) -> p.get("proposal_id"));
		pitchesByProject.values().forEach((pitches) -> pitches.sort(byStart));
		// Each milestone's proposal.
		Map<String, List<CSVRecord>> attributed = new HashMap<>();
		for (CSVRecord milestone : milestones) {
			CSVRecord owner = null;
			for (CSVRecord pitch : pitchesByProject.getOrDefault(milestone.get("project_id"), List.of())) {
				if (hackathonById.get(pitch.get("hackathon_id"))
					.get("starts_on")
					.compareTo(milestone.get("date")) <= 0) {
					owner = pitch;
				}
			}
			if (owner != null) {
				attributed.computeIfAbsent(owner.get("proposal_id"), (id) -> new ArrayList<>()).add(milestone);
			}
		}
		int[] counts = new int[8];
		Map<String, BigDecimal> funding = new TreeMap<>();
		List<Long> months = new ArrayList<>();
		for (CSVRecord proposal : proposals) {
			CSVRecord hackathon = hackathonById.get(proposal.get("hackathon_id"));
			int year = Integer.parseInt(hackathon.get("year"));
			if (!hackathon.get("kind").equals(kind) || year < fromYear || year > toYear) {
				continue;
			}
			List<CSVRecord> own = attributed.getOrDefault(proposal.get("proposal_id"), List.of());
			Set<String> types = own.stream().map((m) -> m.get("type")).collect(Collectors.toSet());
			boolean adopted = types.contains("ADOPTED") || types.contains("INTEGRATED_INTO_OPERATIONS");
			counts[0]++;
			counts[1] += Boolean.parseBoolean(proposal.get("team_formed")) ? 1 : 0;
			counts[2] += Boolean.parseBoolean(proposal.get("shortlisted")) ? 1 : 0;
			counts[3] += proposal.get("status").equals("OUTSTANDING") ? 1 : 0;
			counts[4] += proposal.get("status").equals("NOT_SELECTED") ? 1 : 0;
			counts[5] += types.contains("FUNDED") ? 1 : 0;
			counts[6] += adopted ? 1 : 0;
			counts[7] += types.contains("INTEGRATED_INTO_OPERATIONS") ? 1 : 0;
			for (CSVRecord m : own) {
				if (m.get("type").equals("FUNDED") && !m.get("amount").isEmpty()) {
					funding.merge(m.get("currency"), new BigDecimal(m.get("amount")), BigDecimal::add);
				}
			}
			own.stream()
				.filter((m) -> Set.of("ADOPTED", "INTEGRATED_INTO_OPERATIONS").contains(m.get("type")))
				.map((m) -> LocalDate.parse(m.get("date")))
				.min(Comparator.naturalOrder())
				.ifPresent((date) -> months
					.add(Math.max(0, ChronoUnit.MONTHS.between(LocalDate.parse(hackathon.get("ends_on")), date))));
		}
		Map<String, String> totals = new TreeMap<>();
		funding.forEach((currency, amount) -> totals.put(currency, amount.stripTrailingZeros().toPlainString()));
		months.sort(Comparator.naturalOrder());
		Double median = months.isEmpty() ? null
				: (months.get((months.size() - 1) / 2) + months.get(months.size() / 2)) / 2.0;
		Map<String, Integer> byTrack = new TreeMap<>();
		for (CSVRecord award : awards) {
			CSVRecord hackathon = hackathonById.get(award.get("hackathon_id"));
			int year = Integer.parseInt(hackathon.get("year"));
			if (hackathon.get("kind").equals(kind) && year >= fromYear && year <= toYear) {
				byTrack.merge(award.get("track_id"), 1, Integer::sum);
			}
		}
		return new Recomputed(
				List.of(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]), totals,
				median, byTrack);
	}

}
