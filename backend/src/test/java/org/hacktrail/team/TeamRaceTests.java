package org.hacktrail.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hacktrail.team.TeamApi.ok;

/**
 * Leads accepting different join requests at the same moment, over GraphQL from parallel
 * threads, many times: the last seat of a position is given exactly once, every other
 * accept for it is a CONFLICT, accepts into a roomy position all succeed (no member is
 * lost to a concurrent write), and the team, its requests, the proposal's team size and
 * (at competitions) the one-team locks all agree afterwards.
 */
class TeamRaceTests extends TeamTestBase {

	private static final Logger log = LoggerFactory.getLogger(TeamRaceTests.class);

	/**
	 * Rounds per run; {@code -Drace.iterations=1000} for a long hunt (1,000 rounds took
	 * about 2 minutes here).
	 */
	static final int ITERATIONS = Integer.getInteger("race.iterations", 50);

	@Autowired
	MongoTemplate mongo;

	@Test
	void concurrentAcceptsNeverOverFillAPositionNorLoseAMember() throws Exception {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account coLead = user("co-lead");
		List<TestAccounts.Account> people = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			people.add(user("racer" + i));
		}
		TeamApi.Hackathon community = this.api.hackathon("COMMUNITY");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		int attempted = 0;
		int accepted = 0;
		int refused = 0;
		int competitions = 0;
		try {
			for (int iteration = 0; iteration < ITERATIONS; iteration++) {
				int threads = 2 + iteration % 7;
				// Every fifth round at a competition (one team per person): a fresh
				// hackathon, since the racers join.
				boolean competition = iteration % 5 == 4;
				TeamApi.Hackathon hackathon = competition ? this.api.hackathon("PRESIDENTIAL") : community;
				competitions += competition ? 1 : 0;
				String id = this.api.proposal(hackathon, "Race " + iteration, alice);
				ok(this.api.addMember(id, coLead.id(), "LEAD", this.organizer));
				// The contested position has 1 or 2 seats, always fewer than the people
				// who want it.
				int seats = 1 + iteration % 2;
				String contested = this.api.openPositionOk(id, "Last seat", "DEVELOPER", seats, alice);
				String roomy = this.api.openPositionOk(id, "Anything", "OTHER", 8, alice);
				Map<String, String> wanted = new HashMap<>();
				List<String> requests = new ArrayList<>();
				int wantContested = 0;
				for (int i = 0; i < threads; i++) {
					// Every third racer asks for the roomy position: those accepts must
					// all succeed.
					String position = (i % 3 == 2) ? roomy : contested;
					wantContested += position.equals(contested) ? 1 : 0;
					String request = this.api.requestOk(id, position, "racer " + i, people.get(i));
					requests.add(request);
					wanted.put(request, position);
				}

				CyclicBarrier start = new CyclicBarrier(threads);
				List<Future<Http.GraphQlResult>> results = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					String request = requests.get(i);
					TestAccounts.Account lead = (i % 2 == 0) ? alice : coLead;
					results.add(pool.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return this.api.accept(request, lead);
					}));
				}
				Set<String> succeeded = new HashSet<>();
				for (int i = 0; i < threads; i++) {
					Http.GraphQlResult result = results.get(i).get(60, TimeUnit.SECONDS);
					attempted++;
					if (!result.hasErrors()) {
						succeeded.add(requests.get(i));
						accepted++;
					}
					else {
						assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("CONFLICT");
						assertThat(result.body().toString()).contains("positionFull");
						assertThat(wanted.get(requests.get(i))).as("only the contested position refuses")
							.isEqualTo(contested);
						refused++;
					}
				}

				String round = "round " + iteration + " (" + threads + " threads, " + seats + " seats"
						+ (competition ? ", competition" : "") + ")";
				long contestedWins = succeeded.stream().filter((r) -> wanted.get(r).equals(contested)).count();
				assertThat(contestedWins).as(round).isEqualTo(Math.min(seats, wantContested));
				assertThat(succeeded.stream().filter((r) -> wanted.get(r).equals(roomy)).count()).as(round)
					.isEqualTo(threads - wantContested);

				Team team = this.mongo.findById(id, Team.class);
				assertThat(team.size()).as(round).isEqualTo(2 + succeeded.size());
				assertThat(team.memberIds()).as(round).doesNotHaveDuplicates();
				for (OpenPosition position : team.positions()) {
					assertThat(team.filled(position)).as(round).isLessThanOrEqualTo(position.count());
				}
				assertThat(team.filled(team.position(contested).orElseThrow())).as(round)
					.isEqualTo((int) contestedWins);
				for (JoinRequest request : team.requests()) {
					boolean won = succeeded.contains(request.id());
					assertThat(request.status()).as(round)
						.isEqualTo(won ? RequestStatus.ACCEPTED : RequestStatus.PENDING);
					assertThat(team.isMember(request.userId())).as(round).isEqualTo(won);
					if (won) {
						assertThat(team.member(request.userId()).orElseThrow().positionId()).as(round)
							.isEqualTo(wanted.get(request.id()));
					}
				}
				tools.jackson.databind.JsonNode proposal = this.api.proposalWithTeam(id, alice);
				assertThat(proposal.path("teamSize").asInt()).as(round).isEqualTo(team.size());
				assertThat(proposal.path("status").asString()).as(round).isEqualTo("TEAM_FORMING");
				if (competition) {
					for (TeamMember member : team.members()) {
						String key = HackathonMembership.key(hackathon.id(), member.userId());
						HackathonMembership lock = this.mongo.findById(key, HackathonMembership.class);
						assertThat(lock).as(round + ": lock of a member").isNotNull();
						assertThat(lock.teamId()).isEqualTo(id);
						assertThat(lock.holds()).as("no hold left behind").isEmpty();
					}
					for (JoinRequest request : team.requests()) {
						if (!succeeded.contains(request.id())) {
							assertThat(this.mongo.findById(HackathonMembership.key(hackathon.id(), request.userId()),
									HackathonMembership.class))
								.as(round + ": a refused join leaves no lock (compensation)")
								.isNull();
						}
					}
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		log.info("Race: {} rounds ({} at competitions), 2 to 8 threads: {} accepts, {} succeeded, {} refused as full",
				ITERATIONS, competitions, attempted, accepted, refused);
		assertThat(refused).as("the race was real: some accepts lost").isPositive();
		assertThat(accepted + refused).isEqualTo(attempted);
	}

}
