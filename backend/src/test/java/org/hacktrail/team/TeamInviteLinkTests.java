package org.hacktrail.team;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.hacktrail.platform.SecretTokens;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hacktrail.team.TeamApi.fails;
import static org.hacktrail.team.TeamApi.ok;

/**
 * Invitation links to teams, end to end: a lead makes a one-use link, the first signed-in
 * person who opens it joins (once), the leads are told; only leads and organizers make,
 * list and withdraw links; every refusal (garbled, withdrawn, used, expired, already a
 * member, team or position full, one team per hackathon) is specific and changes nothing
 * in the store; two people opening one link at once end with exactly one member; the
 * token is never stored.
 */
class TeamInviteLinkTests extends TeamTestBase {

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void resetClock() {
		TeamTestConfiguration.CLOCK.reset();
	}

	/** The ids of a list of links (not of their nested proposal and position). */
	private static List<String> ids(JsonNode links) {
		List<String> ids = new ArrayList<>();
		links.forEach((link) -> ids.add(link.path("id").asString()));
		return ids;
	}

	/**
	 * What a refused use of a link must leave as it was: the team, the link and the
	 * leads' inboxes.
	 */
	private List<Object> state(String proposalId, String linkId) {
		List<Object> state = new ArrayList<>();
		state.add(this.mongo.findById(proposalId, Document.class, "teams"));
		state.add(this.mongo.findById(linkId, Document.class, "team_invite_links"));
		state.add(this.mongo.count(new Query(), "hackathon_memberships"));
		state.add(this.mongo.findAll(Document.class, "notification_inboxes").toString());
		return state;
	}

	@Test
	void aLeadMakesALinkAndTheFirstPersonWhoOpensItJoinsOnce() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account carol = user("carol");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Links", alice);
		String designer = this.api.openPositionOk(id, "Maps", "DESIGNER", 2, alice);

		Instant before = Instant.now();
		JsonNode created = ok(this.api.createLink(id, null, designer, "Come build maps with us", alice))
			.path("createTeamInviteLink");
		String token = created.path("token").asString();
		String linkId = created.path("link").path("id").asString();
		assertThat(token).startsWith("htl_").hasSizeGreaterThan(40);
		assertThat(created.path("path").asString()).isEqualTo("/teams/join/" + token);
		JsonNode link = created.path("link");
		assertThat(link.path("status").asString()).isEqualTo("PENDING");
		assertThat(link.path("role").asString()).as("the position's role").isEqualTo("DESIGNER");
		assertThat(link.path("expired").asBoolean()).isFalse();
		Instant expires = OffsetDateTime.parse(link.path("expiresAt").asString()).toInstant();
		assertThat(expires).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(60),
				Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));

		// The token is in that answer only: not in the store, not in the team's list of
		// open links.
		Document stored = this.mongo.findById(linkId, Document.class, "team_invite_links");
		assertThat(stored.toJson()).doesNotContain(token).doesNotContain(token.substring(4));
		assertThat(stored.getString("tokenHash")).isEqualTo(SecretTokens.hash(token)).hasSize(64);
		JsonNode open = this.api.openLinks(id, alice);
		assertThat(ids(open)).containsExactly(linkId);
		assertThat(open.toString()).doesNotContain(token);

		// Bob opens it: he sees which team invites him, and joins.
		JsonNode seen = ok(this.api.openLink(token, bob)).path("teamInviteLink");
		assertThat(seen.path("proposal").path("id").asString()).isEqualTo(id);
		assertThat(seen.path("message").asString()).isEqualTo("Come build maps with us");
		assertThat(seen.path("position").path("id").asString()).isEqualTo(designer);
		assertThat(seen.path("usedByName").isNull()).isTrue();
		JsonNode joined = ok(this.api.acceptLink(token, "g0v", bob)).path("acceptTeamInviteLink");
		assertThat(joined.path("link").path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(joined.path("member").path("userId").asString()).isEqualTo(bob.id());
		assertThat(joined.path("member").path("role").asString()).isEqualTo("DESIGNER");
		assertThat(joined.path("member").path("affiliation").asString()).isEqualTo("g0v");
		assertThat(joined.path("member").path("joinedVia").asString()).isEqualTo("INVITATION");
		assertThat(joined.path("member").path("position").path("id").asString()).isEqualTo(designer);
		JsonNode proposal = this.api.proposalWithTeam(id, alice);
		assertThat(proposal.path("status").asString()).isEqualTo("TEAM_FORMING");
		assertThat(proposal.path("teamSize").asInt()).isEqualTo(2);
		assertThat(this.api.openLinks(id, alice)).as("a used link is no longer open").isEmpty();

		// The lead is told, as for an accepted invitation.
		JsonNode told = notifications(alice).get(0);
		assertThat(told.path("type").asString()).isEqualTo("TEAM_INVITATION_ACCEPTED");
		assertThat(parameter(told, "inviteeName")).isEqualTo(bob.user().displayName());
		assertThat(parameter(told, "linkId")).isEqualTo(linkId);
		assertThat(told.path("link").asString()).isEqualTo("/proposals/" + id + "#team");

		// Once: neither someone else nor Bob again gets in with it, and nothing changes.
		List<Object> after = state(id, linkId);
		JsonNode reused = fails(this.api.acceptLink(token, null, carol), "CONFLICT");
		assertThat(reused.path("rule").asString()).isEqualTo("inviteLinkUsed");
		assertThat(this.api.acceptLink(token, null, carol).errorMessage()).contains("already been used");
		assertThat(fails(this.api.acceptLink(token, null, bob), "CONFLICT").path("rule").asString())
			.isEqualTo("inviteLinkUsed");
		assertThat(fails(this.api.declineLink(token, null, carol), "CONFLICT").path("rule").asString())
			.isEqualTo("inviteLinkUsed");
		assertThat(state(id, linkId)).isEqualTo(after);
		assertThat(this.api.team(id, alice).path("members").findValuesAsString("userId"))
			.containsExactlyInAnyOrder(alice.id(), bob.id());
		// The person who used it reads who did; someone else holding the token does not.
		assertThat(ok(this.api.openLink(token, bob)).path("teamInviteLink").path("usedByName").asString())
			.isEqualTo(bob.user().displayName());
		assertThat(ok(this.api.openLink(token, carol)).path("teamInviteLink").path("usedByName").isNull()).isTrue();
	}

	@Test
	void onlyTheTeamsLeadsAndOrganizersMakeListAndWithdrawLinks() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account erin = user("erin");
		TestAccounts.Account olga = user("olga");
		TeamApi.Hackathon hackathon = this.api.hackathon("COMMUNITY");
		String id = this.api.proposal(hackathon, "Guarded", alice);
		this.api.proposal(hackathon, "Erin's", erin);
		ok(this.api.accept(this.api.requestOk(id, null, null, bob), alice));
		long links = this.mongo.count(new Query(), "team_invite_links");

		// bob is a member but not a lead; erin leads another team.
		for (TestAccounts.Account wrong : List.of(bob, erin, olga)) {
			assertThat(this.api.createLink(id, null, null, "pwned", wrong).errorCode()).as(wrong.user().displayName())
				.isEqualTo("FORBIDDEN");
		}
		assertThat(this.api.createLink(id, null, null, null, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.mongo.count(new Query(), "team_invite_links")).as("nothing made").isEqualTo(links);

		TeamApi.Link lead = this.api.createLinkOk(id, alice);
		TeamApi.Link organizers = this.api.createLinkOk(id, this.organizer);
		assertThat(ids(this.api.openLinks(id, alice))).containsExactlyInAnyOrder(organizers.id(), lead.id());
		assertThat(ids(this.api.openLinks(id, this.organizer))).hasSize(2);
		for (TestAccounts.Account wrong : List.of(bob, erin, olga)) {
			assertThat(this.api.openLinks(id, wrong)).as(wrong.user().displayName()).isEmpty();
		}
		assertThat(this.api.openLinks(id, null)).isEmpty();

		List<Object> before = state(id, lead.id());
		for (TestAccounts.Account wrong : List.of(bob, erin, olga)) {
			assertThat(this.api.withdrawLink(lead.id(), wrong).errorCode()).as(wrong.user().displayName())
				.isEqualTo("FORBIDDEN");
		}
		assertThat(this.api.withdrawLink(lead.id(), null).errorCode()).isEqualTo("UNAUTHENTICATED");
		fails(this.api.withdrawLink("no-such-link", alice), "NOT_FOUND");
		assertThat(state(id, lead.id())).isEqualTo(before);

		// Withdrawn, a link answers exactly like one that never existed.
		assertThat(ok(this.api.withdrawLink(lead.id(), alice)).path("withdrawTeamInviteLink")
			.path("link")
			.path("status")
			.asString()).isEqualTo("WITHDRAWN");
		assertThat(ok(this.api.withdrawLink(lead.id(), alice)).path("withdrawTeamInviteLink")
			.path("link")
			.path("status")
			.asString()).as("again: nothing to do").isEqualTo("WITHDRAWN");
		assertThat(ids(this.api.openLinks(id, alice))).containsExactly(organizers.id());
		List<Object> withdrawn = state(id, lead.id());
		Http.GraphQlResult accepted = this.api.acceptLink(lead.token(), null, olga);
		Http.GraphQlResult garbled = this.api.acceptLink("htl_" + UUID.randomUUID(), null, olga);
		fails(accepted, "NOT_FOUND");
		fails(garbled, "NOT_FOUND");
		assertThat(accepted.errorMessage()).isEqualTo(garbled.errorMessage());
		Http.GraphQlResult opened = this.api.openLink(lead.token(), olga);
		fails(opened, "NOT_FOUND");
		assertThat(opened.errorMessage()).isEqualTo(this.api.openLink("htl_nothing", olga).errorMessage());
		assertThat(opened.body().path("errors").path(0).path("extensions").path("rule").isMissingNode()).isTrue();
		fails(this.api.declineLink(lead.token(), null, olga), "NOT_FOUND");
		assertThat(state(id, lead.id())).isEqualTo(withdrawn);

		// Withdrawing a used link is too late.
		ok(this.api.acceptLink(organizers.token(), null, olga));
		assertThat(fails(this.api.withdrawLink(organizers.id(), alice), "CONFLICT").path("rule").asString())
			.isEqualTo("inviteLinkUsed");
	}

	@Test
	void garbledExpiredAndOwnLinksAreRefusedWithNothingChanged() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account bob = user("bob");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Refusals", alice);
		TeamApi.Link link = this.api.createLinkOk(id, alice);
		List<Object> before = state(id, link.id());

		for (String garbled : List.of("", " ", "htl_", "htl_garbled", link.token() + "x", link.token().substring(1),
				"x".repeat(5_000))) {
			Http.GraphQlResult result = this.api.acceptLink(garbled, null, bob);
			assertThat(result.errorCode()).as("'%s'", garbled).isEqualTo("NOT_FOUND");
			assertThat(result.errorMessage()).contains("not valid");
		}
		assertThat(this.api.openLink(link.token(), null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.acceptLink(link.token(), null, null).errorCode()).isEqualTo("UNAUTHENTICATED");

		// The lead opening their own link does not use it up.
		assertThat(fails(this.api.acceptLink(link.token(), null, alice), "BAD_USER_INPUT").path("rule").asString())
			.isEqualTo("alreadyMember");
		assertThat(fails(this.api.declineLink(link.token(), null, alice), "BAD_USER_INPUT").path("rule").asString())
			.isEqualTo("alreadyMember");
		assertThat(state(id, link.id())).isEqualTo(before);

		// A week and a day later the link no longer works (and says so), and it was never
		// written.
		TeamTestConfiguration.CLOCK.advance(Duration.ofDays(8));
		JsonNode expired = fails(this.api.acceptLink(link.token(), null, bob), "BAD_USER_INPUT");
		assertThat(expired.path("rule").asString()).isEqualTo("inviteLinkExpired");
		assertThat(this.api.acceptLink(link.token(), null, bob).errorMessage()).contains("expired");
		fails(this.api.declineLink(link.token(), null, bob), "BAD_USER_INPUT");
		JsonNode seen = ok(this.api.openLink(link.token(), bob)).path("teamInviteLink");
		assertThat(seen.path("expired").asBoolean()).isTrue();
		assertThat(seen.path("status").asString()).isEqualTo("PENDING");
		assertThat(this.api.openLinks(id, alice)).as("an expired link is not open").isEmpty();
		assertThat(state(id, link.id())).isEqualTo(before);
		TeamTestConfiguration.CLOCK.reset();

		// What a link may be made with.
		fails(this.api.mutate("createTeamInviteLink", "CreateTeamInviteLinkInput",
				Http.json().put("proposalId", id).put("validDays", 15), "token", alice), "BAD_USER_INPUT");
		fails(this.api.mutate("createTeamInviteLink", "CreateTeamInviteLinkInput",
				Http.json().put("proposalId", id).put("validDays", 0), "token", alice), "BAD_USER_INPUT");
		fails(this.api.createLink(id, "LEAD", null, null, alice), "BAD_USER_INPUT");
		fails(this.api.createLink(id, null, "no-such-position", null, alice), "BAD_USER_INPUT");
		JsonNode oneDay = ok(this.api.mutate("createTeamInviteLink", "CreateTeamInviteLinkInput",
				Http.json().put("proposalId", id).put("validDays", 1), "link { expiresAt }", alice))
			.path("createTeamInviteLink");
		assertThat(OffsetDateTime.parse(oneDay.path("link").path("expiresAt").asString()).toInstant())
			.isBefore(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
	}

	@Test
	void aLinkMeetsTheRulesOfJoiningAndARefusalLeavesItUnused() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account zoe = user("zoe");
		TestAccounts.Account bob = user("bob");
		TestAccounts.Account carol = user("carol");

		// Team full: at most TeamRules.MAX_MEMBERS members.
		String full = this.api.proposal(this.api.hackathon("COMMUNITY"), "Full", alice);
		TeamApi.Link toFull = this.api.createLinkOk(full, alice);
		Team stored = this.mongo.findById(full, Team.class);
		Team.Edit edit = stored.edit();
		Instant now = Instant.now();
		while (edit.members.size() < TeamRules.MAX_MEMBERS) {
			edit.members.add(new TeamMember("filler-" + UUID.randomUUID(), "Filler", TeamRole.OTHER, null, null,
					JoinedVia.ORGANIZER, now));
		}
		this.mongo.save(edit.build(now));
		List<Object> before = state(full, toFull.id());
		assertThat(fails(this.api.acceptLink(toFull.token(), null, bob), "BAD_USER_INPUT").path("rule").asString())
			.isEqualTo("teamFull");
		assertThat(state(full, toFull.id())).isEqualTo(before);

		// Position full: the link offers a seat that was taken meanwhile.
		String seated = this.api.proposal(this.api.hackathon("COMMUNITY"), "Seated", alice);
		String seat = this.api.openPositionOk(seated, "Backend", "DEVELOPER", 1, alice);
		JsonNode made = ok(this.api.createLink(seated, null, seat, null, alice)).path("createTeamInviteLink");
		String token = made.path("token").asString();
		ok(this.api.accept(this.api.requestOk(seated, seat, null, carol), alice));
		before = state(seated, made.path("link").path("id").asString());
		assertThat(fails(this.api.acceptLink(token, null, bob), "CONFLICT").path("rule").asString())
			.isEqualTo("positionFull");
		assertThat(state(seated, made.path("link").path("id").asString())).isEqualTo(before);

		// One team per hackathon at a competition.
		TeamApi.Hackathon competition = this.api.hackathon("PRESIDENTIAL");
		String first = this.api.proposal(competition, "First", alice);
		String second = this.api.proposal(competition, "Second", zoe);
		ok(this.api.acceptLink(this.api.createLinkOk(first, alice).token(), null, bob));
		TeamApi.Link toSecond = this.api.createLinkOk(second, zoe);
		before = state(second, toSecond.id());
		assertThat(fails(this.api.acceptLink(toSecond.token(), null, bob), "CONFLICT").path("rule").asString())
			.isEqualTo("oneTeamPerHackathon");
		assertThat(state(second, toSecond.id())).isEqualTo(before);
		assertThat(this.mongo.findById(HackathonMembership.key(competition.id(), bob.id()), HackathonMembership.class)
			.teamId()).as("the link joined the one-team lock like any join").isEqualTo(first);

		// A withdrawn proposal takes no new members.
		TeamApi.Link toWithdrawn = this.api.createLinkOk(second, zoe);
		this.api.transition(second, "WITHDRAWN", zoe);
		before = state(second, toWithdrawn.id());
		assertThat(
				fails(this.api.acceptLink(toWithdrawn.token(), null, carol), "BAD_USER_INPUT").path("rule").asString())
			.isEqualTo("teamClosed");
		assertThat(state(second, toWithdrawn.id())).isEqualTo(before);

		// The id invitation still works next to the links.
		String third = this.api.proposal(competition, "Third", zoe);
		ok(this.api.acceptInvitation(this.api.inviteOk(third, carol.id(), null, zoe), carol));
	}

	@Test
	void aDeclinedLinkIsUsedUpAndTheLeadsAreTold() {
		TestAccounts.Account alice = user("alice");
		TestAccounts.Account dave = user("dave");
		TestAccounts.Account erin = user("erin");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Declined", alice);
		TeamApi.Link link = this.api.createLinkOk(id, alice);

		JsonNode declined = ok(this.api.declineLink(link.token(), "Already in a team, sorry", dave))
			.path("declineTeamInviteLink")
			.path("link");
		assertThat(declined.path("status").asString()).isEqualTo("DECLINED");
		assertThat(declined.path("decisionNote").asString()).isEqualTo("Already in a team, sorry");
		JsonNode told = notifications(alice).get(0);
		assertThat(told.path("type").asString()).isEqualTo("TEAM_INVITATION_DECLINED");
		assertThat(parameter(told, "inviteeName")).isEqualTo(dave.user().displayName());
		assertThat(parameter(told, "note")).isEqualTo("Already in a team, sorry");
		assertThat(fails(this.api.acceptLink(link.token(), null, erin), "CONFLICT").path("rule").asString())
			.isEqualTo("inviteLinkUsed");
		assertThat(this.api.team(id, alice).path("size").asInt()).isEqualTo(1);
	}

	@Test
	void twoPeopleOpeningOneLinkAtOnceEndWithExactlyOneMember() throws Exception {
		TestAccounts.Account alice = user("alice");
		String id = this.api.proposal(this.api.hackathon("COMMUNITY"), "Race", alice);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				TestAccounts.Account first = user("first");
				TestAccounts.Account second = user("second");
				TeamApi.Link link = this.api.createLinkOk(id, alice);
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Http.GraphQlResult>> answers = new ArrayList<>();
				for (TestAccounts.Account who : List.of(first, second)) {
					answers.add(pool.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return this.api.acceptLink(link.token(), null, who);
					}));
				}
				List<String> codes = new ArrayList<>();
				for (Future<Http.GraphQlResult> answer : answers) {
					Http.GraphQlResult result = answer.get(30, TimeUnit.SECONDS);
					codes.add(result.hasErrors() ? result.errorCode() : "OK");
				}
				assertThat(codes).as("round %d", round).containsExactlyInAnyOrder("OK", "CONFLICT");
				String winner = codes.get(0).equals("OK") ? first.id() : second.id();
				String loser = winner.equals(first.id()) ? second.id() : first.id();
				List<String> members = this.api.team(id, alice).path("members").findValuesAsString("userId");
				assertThat(members).contains(winner).doesNotContain(loser);
				TeamInviteLink used = this.mongo.findById(link.id(), TeamInviteLink.class);
				assertThat(used.status()).isEqualTo(RequestStatus.ACCEPTED);
				assertThat(used.usedBy()).isEqualTo(winner);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.api.team(id, alice).path("size").asInt()).isEqualTo(11);
	}

	@Test
	void theConditionalWritesOfALinkAreAnsweredFromAnIndex() {
		List<IndexInfo> indexes = this.mongo.indexOps(TeamInviteLink.class).getIndexInfo();
		// The claim and the withdrawal filter on {_id, status}; the undoing of a claim on
		// {_id, version}; the
		// embedded store uses an index only when a query names exactly its fields.
		assertThat(indexes).anySatisfy((index) -> {
			assertThat(index.getIndexFields().stream().map((f) -> f.getKey())).containsExactly("_id", "status");
			assertThat(index.isUnique()).isTrue();
		});
		assertThat(indexes).anySatisfy((index) -> {
			assertThat(index.getIndexFields().stream().map((f) -> f.getKey())).containsExactly("_id", "version");
			assertThat(index.isUnique()).isTrue();
		});
		assertThat(indexes).anySatisfy((index) -> {
			assertThat(index.getIndexFields().stream().map((f) -> f.getKey())).containsExactly("tokenHash");
			assertThat(index.isUnique()).isTrue();
		});
		assertThat(this.mongo.count(new Query(Criteria.where("token").exists(true)), "team_invite_links")).isZero();
	}

}
