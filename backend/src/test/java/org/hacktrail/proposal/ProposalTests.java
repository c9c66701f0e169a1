package org.hacktrail.proposal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hacktrail.platform.MessageArg;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proposals over GraphQL, end to end: creation and validation, visibility, who may edit
 * and move them, the recorded history, optimistic locking, filters, sorting and cursor
 * pagination.
 */
class ProposalTests extends ProposalApiTestSupport {

	@Autowired
	ProposalService proposalService;

	// ---- creation

	@Test
	void aSignedInUserProposesADraftWithTheirNameAndAFirstHistoryEntry() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		ObjectNode input = ProposalApi.proposalInput(slug, "真的假的 Cofacts", null);
		input.putObject("summary").put("zhTW", "協作查核\n第二行 🙂").put("en", "Collaborative fact checking");
		input.put("channel", "#cofacts");
		input.set("tags", ProposalApi.array("open-government", "媒體識讀"));
		input.set("needs", ProposalApi.array("React", "react ", "Data science"));
		input.putArray("links")
			.addObject()
			.put("type", "REPOSITORY")
			.put("url", "https://github.com/cofacts/rumors-api");
		JsonNode proposal = this.api.createOk(input, this.alice);
		assertThat(proposal.path("status").asString()).isEqualTo("DRAFT");
		assertThat(proposal.path("proposerId").asString()).isEqualTo(this.alice.id());
		assertThat(proposal.path("proposerName").asString()).isEqualTo("alice");
		assertThat(proposal.path("summary").path("zhTW").asString()).isEqualTo("協作查核\n第二行 🙂");
		assertThat(proposal.path("tags").findValuesAsString("id")).containsExactly("open-government", "media-literacy");
		assertThat(proposal.path("needs").toString()).isEqualTo("[\"React\",\"Data science\"]");
		assertThat(proposal.path("linkCount").asInt()).isEqualTo(1);
		assertThat(proposal.path("teamSize").asInt()).as("the proposer is the team's first member").isEqualTo(1);
		JsonNode history = proposal.path("history");
		assertThat(history).hasSize(1);
		assertThat(history.get(0).path("from").isNull()).isTrue();
		assertThat(history.get(0).path("to").asString()).isEqualTo("DRAFT");
		assertThat(history.get(0).path("by").asString()).isEqualTo(this.alice.id());
		assertThat(history.get(0).path("actor").asString()).isEqualTo("PROPOSER");
	}

	@Test
	void anonymousCallersCannotPropose() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		assertThat(this.api.create(ProposalApi.proposalInput(slug, null, "Anonymous idea"), null).errorCode())
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void proposersProposeOnlyWhileTheHackathonTakesProposals() {
		String draft = this.api.hackathon("COMMUNITY", "DRAFT");
		assertThat(this.api.create(ProposalApi.proposalInput(draft, null, "Too early"), this.alice).errorCode())
			.isEqualTo("NOT_FOUND");
		String hacking = this.api.hackathon("COMMUNITY", "HACKING");
		Http.GraphQlResult late = this.api.create(ProposalApi.proposalInput(hacking, null, "Too late"), this.alice);
		assertThat(late.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(late.errorMessage()).contains("HACKING");
		// Organizers enter proposals in any phase but ARCHIVED, also on someone's behalf.
		ObjectNode onBehalf = ProposalApi.proposalInput(hacking, null, "Entered by an organizer");
		onBehalf.put("proposerName", "Audrey");
		JsonNode entered = this.api.createOk(onBehalf, this.organizer);
		assertThat(entered.path("proposerName").asString()).isEqualTo("Audrey");
		assertThat(entered.path("proposerId").isNull()).isTrue();
		ObjectNode notAllowed = ProposalApi.proposalInput(this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS"), null,
				"On behalf");
		notAllowed.put("proposerName", "Someone else");
		assertThat(this.api.create(notAllowed, this.alice).errorCode()).isEqualTo("FORBIDDEN");
		String archived = this.api.hackathon("COMMUNITY", "ARCHIVED");
		assertThat(this.api.create(ProposalApi.proposalInput(archived, null, "Archived"), this.organizer).errorCode())
			.isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void invalidContentIsBadUserInputNamingTheField() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		assertField(ProposalApi.proposalInput(slug, " ", ""), "title");
		assertField(ProposalApi.proposalInput(slug, null, "!!!"), "title");
		assertField(ProposalApi.proposalInput(slug, null, "x".repeat(201)), "title.en");
		ObjectNode longSummary = ProposalApi.proposalInput(slug, null, "Long summary");
		longSummary.putObject("summary").put("en", "x".repeat(10_001));
		assertField(longSummary, "summary.en");
		ObjectNode badTag = ProposalApi.proposalInput(slug, null, "Bad tag");
		badTag.set("tags", ProposalApi.array("astrology"));
		Http.GraphQlResult tag = assertField(badTag, "tags");
		assertThat(tag.errorMessage()).contains("astrology").contains("open-government");
		ObjectNode script = ProposalApi.proposalInput(slug, null, "Script link");
		script.putArray("links").addObject().put("type", "WEBSITE").put("url", "javascript:alert(1)");
		assertField(script, "website_url");
		ObjectNode ftp = ProposalApi.proposalInput(slug, null, "FTP link");
		ftp.putArray("links").addObject().put("type", "OTHER").put("url", "ftp://example.org/file");
		assertField(ftp, "other_urls");
		ObjectNode twice = ProposalApi.proposalInput(slug, null, "Two slides");
		twice.putArray("links").addObject().put("type", "SLIDES").put("url", "https://a.example/1");
		((tools.jackson.databind.node.ArrayNode) twice.get("links")).addObject()
			.put("type", "SLIDES")
			.put("url", "https://a.example/2");
		assertField(twice, "slides_url");
		ObjectNode semicolon = ProposalApi.proposalInput(slug, null, "Semicolon skill");
		semicolon.set("needs", ProposalApi.array("design; UX"));
		assertField(semicolon, "needs");
	}

	private Http.GraphQlResult assertField(ObjectNode input, String field) {
		Http.GraphQlResult result = this.api.create(input, this.alice);
		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.body().path("errors").get(0).path("extensions").path("field").asString()).isEqualTo(field);
		return result;
	}

	@Test
	void theSameTitleByTheSameProposerAtOneHackathonIsAConflict() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		this.api.createOk(ProposalApi.proposalInput(slug, null, "Air quality map"), this.alice);
		// Normalised: case, full-width letters, spaces and punctuation are ignored.
		Http.GraphQlResult again = this.api.create(ProposalApi.proposalInput(slug, null, "ＡＩＲ quality   map!"),
				this.alice);
		assertThat(again.errorCode()).isEqualTo("CONFLICT");
		// Another proposer may use the same title.
		this.api.createOk(ProposalApi.proposalInput(slug, null, "Air quality map"), this.bob);
	}

	// ---- visibility

	@Test
	void aDraftProposalIsVisibleToItsProposerAndOrganizersOnly() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Secret draft"), this.alice)
			.path("id")
			.asString();
		assertThat(this.api.get(id, null).isNull()).isTrue();
		assertThat(this.api.get(id, this.bob).isNull()).isTrue();
		assertThat(this.api.get(id, this.alice).path("id").asString()).isEqualTo(id);
		assertThat(this.api.get(id, this.organizer).path("id").asString()).isEqualTo(id);
		assertThat(this.api.list(slug, null, null, null, null, null).data().toString()).doesNotContain(id);
		assertThat(this.api.list(slug, null, null, null, null, this.bob).data().toString()).doesNotContain(id);
		assertThat(this.api.list(slug, null, null, null, null, this.alice).data().toString()).contains(id);
		assertThat(this.api.list(slug, null, null, null, null, this.organizer).data().toString()).contains(id);

		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		JsonNode anonymous = this.api.get(id, null);
		assertThat(anonymous.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(anonymous.path("history").isNull()).as("history is for the proposer and organizers").isTrue();
		assertThat(this.api.get(id, this.bob).path("history").isNull()).isTrue();
		assertThat(this.api.get(id, this.alice).path("history")).hasSize(2);
		assertThat(this.api.get(id, this.organizer).path("history")).hasSize(2);
		assertThat(this.api.list(slug, null, null, null, null, null).data().toString()).contains(id);
	}

	@Test
	void proposalsOfADraftHackathonAreHiddenFromEveryoneButOrganizers() {
		String slug = this.api.hackathon("PRESIDENTIAL", "DRAFT");
		ObjectNode input = ProposalApi.proposalInput(slug, "預先匯入", null);
		input.put("proposerName", "Someone");
		String id = this.api.createOk(input, this.organizer).path("id").asString();
		this.api.transitionOk(id, "SUBMITTED", null, this.organizer);
		assertThat(this.api.get(id, null).isNull()).isTrue();
		assertThat(this.api.get(id, this.bob).isNull()).isTrue();
		assertThat(this.api.list(slug, null, null, null, null, null).errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.api.list(slug, null, null, null, null, this.bob).errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.api.list(slug, null, null, null, null, this.organizer).data().toString()).contains(id);
	}

	// ---- editing

	@Test
	void onlyTheProposerAndOrganizersEdit() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		JsonNode created = this.api.createOk(ProposalApi.proposalInput(slug, null, "Editable"), this.alice);
		String id = created.path("id").asString();
		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		// bob is a proposer too, of his own proposal, but not of this one.
		this.api.createOk(ProposalApi.proposalInput(slug, null, "Bob's own"), this.bob);
		ObjectNode change = Http.json().put("id", id).put("channel", "#edited");
		assertThat(this.api.update(change, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.update(change, this.bob).errorCode()).isEqualTo("FORBIDDEN");
		JsonNode byAlice = this.api.update(change, this.alice).data().path("updateProposal").path("proposal");
		assertThat(byAlice.path("channel").asString()).isEqualTo("#edited");
		JsonNode byOrganizer = this.api.update(Http.json().put("id", id).put("channel", ""), this.organizer)
			.data()
			.path("updateProposal")
			.path("proposal");
		assertThat(byOrganizer.path("channel").isNull()).isTrue();
		assertThat(byOrganizer.path("title").path("en").asString()).as("fields left out stay").isEqualTo("Editable");
	}

	@Test
	void theProposerCannotEditOnceJudgesReadTheProposal() {
		String slug = this.api.hackathon("PRESIDENTIAL", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Under review"), this.alice)
			.path("id")
			.asString();
		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		this.api.transitionOk(id, "IN_REVIEW", null, this.organizer);
		Http.GraphQlResult locked = this.api.update(Http.json().put("id", id).put("channel", "#late"), this.alice);
		assertThat(locked.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(locked.errorMessage()).contains("IN_REVIEW");
		assertThat(this.api.update(Http.json().put("id", id).put("channel", "#fixed"), this.organizer).hasErrors())
			.isFalse();
	}

	@Test
	void aStaleExpectedVersionIsAConflictAndNothingIsWritten() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		JsonNode created = this.api.createOk(ProposalApi.proposalInput(slug, null, "Versioned"), this.alice);
		String id = created.path("id").asString();
		int version = created.path("version").asInt();
		assertThat(this.api
			.update(Http.json().put("id", id).put("expectedVersion", version).put("channel", "#one"), this.alice)
			.hasErrors()).isFalse();
		Http.GraphQlResult stale = this.api
			.update(Http.json().put("id", id).put("expectedVersion", version).put("channel", "#two"), this.alice);
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");
		assertThat(this.api.get(id, this.alice).path("channel").asString()).isEqualTo("#one");
	}

	// ---- lifecycle

	@Test
	void theProposerSubmitsAndWithdrawsButMakesNoOrganizerMoves() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Lifecycle"), this.alice)
			.path("id")
			.asString();
		assertThat(this.api.transition(id, "SUBMITTED", null, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		assertThat(this.api.transition(id, "PITCHED", null, this.alice).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.transition(id, "WITHDRAWN", null, this.bob).errorCode()).isEqualTo("FORBIDDEN");
		JsonNode withdrawn = this.api.transitionOk(id, "WITHDRAWN", "Merged into another proposal", this.alice);
		assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");
		JsonNode last = withdrawn.path("history").get(2);
		assertThat(last.path("from").asString()).isEqualTo("SUBMITTED");
		assertThat(last.path("to").asString()).isEqualTo("WITHDRAWN");
		assertThat(last.path("by").asString()).isEqualTo(this.alice.id());
		assertThat(last.path("reason").asString()).isEqualTo("Merged into another proposal");
		Http.GraphQlResult again = this.api.transition(id, "SUBMITTED", null, this.organizer);
		assertThat(again.errorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void anIllegalMoveIsBadUserInputNamingFromAndTo() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Illegal move"), this.alice)
			.path("id")
			.asString();
		Http.GraphQlResult result = this.api.transition(id, "FINALIST", null, this.organizer);
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode extensions = result.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("from").asString()).isEqualTo("DRAFT");
		assertThat(extensions.path("to").asString()).isEqualTo("FINALIST");
		assertThat(result.errorMessage()).contains("DRAFT").contains("FINALIST");
		assertThat(this.api.get(id, this.alice).path("history")).hasSize(1);
	}

	@Test
	void aProposerSubmitsOnlyWhileTheHackathonTakesProposals() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		JsonNode created = this.api.createOk(ProposalApi.proposalInput(slug, null, "Late submit"), this.alice);
		String hackathonId = this.api.hackathonId(slug);
		for (String phase : List.of("PITCHING", "HACKING")) {
			ObjectNode move = Http.json();
			move.putObject("input").put("hackathonId", hackathonId).put("to", phase);
			this.http.graphql("mutation($input: ChangeHackathonPhaseInput!) { changeHackathonPhase(input: $input) { "
					+ "hackathon { phase } } }", move, this.organizer.headers());
		}
		Http.GraphQlResult late = this.api.transition(created.path("id").asString(), "SUBMITTED", null, this.alice);
		assertThat(late.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(late.errorMessage()).contains("HACKING");
		this.api.transitionOk(created.path("id").asString(), "SUBMITTED", null, this.organizer);
	}

	@Test
	void aPresidentialFinalistNeedsAPartnerAgencyAndOnlyPublishingSetsOutstanding() {
		String slug = this.api.hackathon("PRESIDENTIAL", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, "總統盃提案", null), this.alice).path("id").asString();
		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		for (String to : List.of("PITCHED", "TEAM_FORMING", "HACKING", "IN_REVIEW", "SHORTLISTED")) {
			this.api.transitionOk(id, to, null, this.organizer);
		}
		Http.GraphQlResult noPartner = this.api.transition(id, "FINALIST", null, this.organizer);
		assertThat(noPartner.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(noPartner.errorMessage()).contains("partner agency");
		assertThat(noPartner.body().path("errors").get(0).path("extensions").path("to").asString())
			.isEqualTo("FINALIST");

		// The team's lead (the proposer) names a partner agency; the lifecycle asks the
		// team for it.
		ObjectNode partner = Http.json();
		partner.putObject("input")
			.put("proposalId", id)
			.putObject("partnerAgency")
			.put("name", "Ministry of Digital Affairs");
		Http.GraphQlResult named = this.http.graphql(
				"mutation($input: SetTeamPartnerAgencyInput!) { "
						+ "setTeamPartnerAgency(input: $input) { team { partnerAgency { name } } } }",
				partner, this.alice.headers());
		assertThat(named.hasErrors()).as(named.body().toString()).isFalse();
		// The teams feature records the team's size and partner agency on the proposal;
		// an older snapshot loses.
		this.proposalService.recordTeam(id, 4, "Ministry of Digital Affairs", 7);
		this.proposalService.recordTeam(id, 2, null, 6);
		JsonNode finalist = this.api.transitionOk(id, "FINALIST", null, this.organizer);
		assertThat(finalist.path("teamSize").asInt()).as("an older team snapshot is ignored").isEqualTo(4);

		assertThat(this.api.transition(id, "OUTSTANDING", "we like it", this.organizer).errorCode())
			.isEqualTo("FORBIDDEN");
		Proposal outstanding = this.proposalService.applySystemTransition(id, ProposalStatus.OUTSTANDING,
				ChangeCode.RESULTS_PUBLISHED, List.of(MessageArg.localized("round", "決選", "決選", "Finals")), null);
		assertThat(outstanding.status()).isEqualTo(ProposalStatus.OUTSTANDING);
		StatusChange last = outstanding.history().get(outstanding.history().size() - 1);
		assertThat(last.actor()).isEqualTo(ProposalLifecycle.Actor.SYSTEM);
		assertThat(last.from()).isEqualTo(ProposalStatus.FINALIST);
		assertThat(this.proposalService
			.applySystemTransition(id, ProposalStatus.OUTSTANDING, ChangeCode.RESULTS_PUBLISHED, List.of(), null)
			.history()).as("idempotent").hasSameSizeAs(outstanding.history());
		JsonNode history = this.api.get(id, this.alice).path("history");
		assertThat(history).hasSize(9);
		// Hacktrail's reason as a code with its values, beside the English sentence.
		JsonNode published = history.get(8);
		assertThat(published.path("reasonCode").asString()).isEqualTo("RESULTS_PUBLISHED");
		assertThat(published.path("reason").asString()).isEqualTo("Results of round '決選' published");
		assertThat(published.path("reasonArgs").get(0).path("name").asString()).isEqualTo("round");
		assertThat(published.path("reasonArgs").get(0).path("en").asString()).isEqualTo("Finals");
		assertThat(published.path("reasonArgs").get(0).path("zhTW").asString()).isEqualTo("決選");
		// A person's reason has no code.
		assertThat(history.get(1).path("reasonCode").isNull()).isTrue();
		assertThat(history.get(1).path("reasonArgs")).isEmpty();
	}

	@Test
	void aCommunityFinalistNeedsNoPartnerAgency() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Community finalist"), this.alice)
			.path("id")
			.asString();
		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		for (String to : List.of("IN_REVIEW", "SHORTLISTED", "FINALIST")) {
			this.api.transitionOk(id, to, null, this.organizer);
		}
	}

	@Test
	void theTeamsFeatureMovesAProposalToTeamForming() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Join the pit"), this.alice)
			.path("id")
			.asString();
		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		Proposal moved = this.proposalService.applySystemTransition(id, ProposalStatus.TEAM_FORMING,
				ChangeCode.TEAM_FORMED, List.of(), this.bob.id());
		StatusChange last = moved.history().get(moved.history().size() - 1);
		assertThat(last.to()).isEqualTo(ProposalStatus.TEAM_FORMING);
		assertThat(last.by()).isEqualTo(this.bob.id());
		assertThat(last.actor()).isEqualTo(ProposalLifecycle.Actor.SYSTEM);
		JsonNode entry = this.api.get(id, this.alice).path("history").get(2);
		assertThat(entry.path("reasonCode").asString()).isEqualTo("TEAM_FORMED");
		assertThat(entry.path("reason").asString()).isEqualTo("The first team member besides the proposer joined.");
	}

	@Test
	void concurrentMovesRecordExactlyOneTransition() throws Exception {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		for (int round = 0; round < 5; round++) {
			String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Race " + round), this.alice)
				.path("id")
				.asString();
			this.api.transitionOk(id, "SUBMITTED", null, this.alice);
			ExecutorService pool = Executors.newFixedThreadPool(8);
			List<Future<Http.GraphQlResult>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> this.api.transition(id, "PITCHED", null, this.organizer)));
			}
			List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
			for (Future<Http.GraphQlResult> result : results) {
				Http.GraphQlResult r = result.get();
				outcomes.add(r.hasErrors() ? r.errorCode() : "OK");
			}
			pool.shutdown();
			assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
			assertThat(outcomes).allMatch((o) -> List.of("OK", "CONFLICT", "BAD_USER_INPUT").contains(o));
			JsonNode history = this.api.get(id, this.organizer).path("history");
			assertThat(history.findValuesAsString("to")).containsExactly("DRAFT", "SUBMITTED", "PITCHED");
		}
	}

	// ---- queries

	@Test
	void proposalsAreFilteredSortedAndPaginated() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ObjectNode input = ProposalApi.proposalInput(slug, null, String.format("Idea %02d", 12 - i));
			input.set("tags", ProposalApi.array((i % 3 == 0) ? "environment" : "education"));
			input.set("needs", ProposalApi.array((i % 2 == 0) ? "Frontend" : "GIS"));
			if (i == 5) {
				input.putObject("summary").put("en", "Uses C++ (beta) and a.*b regex-looking text");
			}
			String id = this.api.createOk(input, this.alice).path("id").asString();
			this.api.transitionOk(id, "SUBMITTED", null, this.alice);
			if (i % 4 == 0) {
				this.api.transitionOk(id, "PITCHED", null, this.organizer);
			}
			ids.add(id);
		}
		// Every proposal exactly once, page after page, in each order.
		List<String> newest = this.api.listAll(slug, null, "NEWEST", 5, null);
		assertThat(newest).hasSize(12).doesNotHaveDuplicates();
		assertThat(newest.get(0)).isEqualTo(ids.get(11));
		List<String> oldest = this.api.listAll(slug, null, "OLDEST", 5, null);
		assertThat(oldest).containsExactlyElementsOf(ids);
		List<String> byTitle = this.api.listAll(slug, null, "TITLE", 5, null);
		assertThat(byTitle).hasSize(12).doesNotHaveDuplicates();
		assertThat(byTitle.get(0)).as("Idea 01").isEqualTo(ids.get(11));
		assertThat(byTitle.get(11)).as("Idea 12").isEqualTo(ids.get(0));

		assertThat(this.api.listAll(slug, filter("status", "PITCHED"), null, 100, null))
			.containsExactlyInAnyOrder(ids.get(0), ids.get(4), ids.get(8));
		assertThat(this.api.listAll(slug, Http.json().put("tag", "environment"), null, 100, null)).hasSize(4);
		assertThat(this.api.listAll(slug, Http.json().put("tag", "環境"), null, 100, null)).hasSize(4);
		assertThat(this.api.list(slug, Http.json().put("tag", "astrology"), null, null, null, null).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(this.api.listAll(slug, Http.json().put("need", "gis"), null, 100, null)).hasSize(6);
		assertThat(this.api.listAll(slug, Http.json().put("need", "GIS").put("tag", "environment"), null, 100, null))
			.hasSize(2);
		// Text is matched literally, ignoring case, in title, summary and proposer name.
		assertThat(this.api.listAll(slug, Http.json().put("text", "c++ (BETA)"), null, 100, null))
			.containsExactly(ids.get(5));
		assertThat(this.api.listAll(slug, Http.json().put("text", "a.*b"), null, 100, null))
			.containsExactly(ids.get(5));
		assertThat(this.api.listAll(slug, Http.json().put("text", "x.*y"), null, 100, null)).isEmpty();
		assertThat(this.api.listAll(slug, Http.json().put("text", ".*"), null, 100, null)).containsExactly(ids.get(5));
		assertThat(this.api.listAll(slug, Http.json().put("text", "idea 0"), null, 100, null)).hasSize(9);
		assertThat(this.api.listAll(slug, Http.json().put("text", "ALICE"), null, 100, null)).hasSize(12);
		assertThat(this.api.list(slug, null, null, 101, null, null).errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.api.list(slug, null, null, 0, null, null).errorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void draftsOfOthersAreLeftOutPageAfterPageWithoutGapsOrRepeats() {
		// Visibility of drafts and a filter on several statuses are applied in Java (the
		// store gets one implicit
		// AND): pages must still be full, in order, and cover every visible proposal
		// exactly once.
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		List<String> aliceDrafts = new ArrayList<>();
		List<String> submitted = new ArrayList<>();
		List<String> bobDrafts = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			bobDrafts.add(this.api.createOk(ProposalApi.proposalInput(slug, null, "Bob idea " + i), this.bob)
				.path("id")
				.asString());
		}
		for (int i = 0; i < 6; i++) {
			String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Alice idea " + i), this.alice)
				.path("id")
				.asString();
			if (i % 2 == 0) {
				aliceDrafts.add(id);
			}
			else {
				this.api.transitionOk(id, "SUBMITTED", null, this.alice);
				submitted.add(id);
			}
		}
		for (String order : List.of("NEWEST", "OLDEST", "TITLE")) {
			List<String> seenByAlice = this.api.listAll(slug, null, order, 2, this.alice);
			assertThat(seenByAlice).as(order)
				.hasSize(6)
				.doesNotHaveDuplicates()
				.containsAll(aliceDrafts)
				.containsAll(submitted);
			assertThat(this.api.listAll(slug, null, order, 2, this.bob)).as(order)
				.hasSize(12)
				.containsAll(bobDrafts)
				.containsAll(submitted);
			assertThat(this.api.listAll(slug, null, order, 2, null)).as(order)
				.containsExactlyInAnyOrderElementsOf(submitted);
			assertThat(this.api.listAll(slug, null, order, 4, this.organizer)).as(order).hasSize(15);
		}
		assertThat(this.api.list(slug, null, "OLDEST", 2, null, this.alice).data().path("proposals").path("edges"))
			.as("a first page is full although Bob's drafts are the oldest")
			.hasSize(2);
		assertThat(this.api.listAll(slug, filter("status", "DRAFT", "SUBMITTED"), "NEWEST", 2, this.alice)).hasSize(6);
		assertThat(this.api.listAll(slug, filter("status", "DRAFT", "WITHDRAWN"), "TITLE", 2, this.alice))
			.containsExactlyInAnyOrderElementsOf(aliceDrafts);
		assertThat(this.api.listAll(slug, filter("status", "DRAFT", "SUBMITTED"), "OLDEST", 2, null))
			.containsExactlyInAnyOrderElementsOf(submitted);
		assertThat(this.api.listAll(slug, filter("status", "DRAFT"), "OLDEST", 2, this.bob))
			.containsExactlyInAnyOrderElementsOf(bobDrafts);
	}

	private static ObjectNode filter(String field, String... values) {
		ObjectNode filter = Http.json();
		filter.set(field, ProposalApi.array(values));
		return filter;
	}

	@Test
	void theTagListIsPublic() {
		JsonNode tags = this.http.graphql("{ proposalTags { id zhTW en } }").data().path("proposalTags");
		assertThat(tags.findValuesAsString("id")).contains("open-government", "environment", "net-zero",
				"disaster-prevention", "social-welfare", "education", "health", "digital-resilience", "culture");
		assertThat(tags.get(0).path("zhTW").asString()).isEqualTo("開放政府");
	}

}
