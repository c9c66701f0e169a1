package org.hacktrail.judging.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.Round;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.identity.DemoPersonas;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.sheet.ScoreSheetService;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.proposal.ProposalStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Judging demo data for {@code scripts/run --demo}, on the demo's presidential hackathon
 * (JUDGING): five more proposals in review (one with the judge-public persona's agency as
 * partner, so a conflict is found), a panel of the two judge personas and three more demo
 * judges, a bilingual rubric on the preliminary review round, a seeded assignment, and
 * scores: the three other judges submitted everything, judge-private all but one sheet (a
 * draft), judge-public nothing yet — so a visitor can score as a judge, and as the
 * organizer watch progress and read the ranking.
 *
 * <p>
 * Everything goes through the services, acting as the demo organizer or as each judge, so
 * the demo follows the same rules as real use. Loaded once, after the proposal demo data:
 * skipped when the review round is already set up.
 */
@Profile("demo")
@Component
class DemoJudgingData {

	private static final Logger log = LoggerFactory.getLogger(DemoJudgingData.class);

	static final String HACKATHON = "presidential-hackathon-2026";

	static final String AGENCY = "Ministry of Digital Affairs (demo)";

	private final HackathonService hackathons;

	private final UserDirectory users;

	private final DemoPersonas personas;

	private final ProposalService proposals;

	private final JudgePanelService panel;

	private final RoundService rounds;

	private final AssignmentService assignments;

	private final ScoreSheetService sheets;

	DemoJudgingData(HackathonService hackathons, UserDirectory users, DemoPersonas personas, ProposalService proposals,
			JudgePanelService panel, RoundService rounds, AssignmentService assignments, ScoreSheetService sheets) {
		this.hackathons = hackathons;
		this.users = users;
		this.personas = personas;
		this.proposals = proposals;
		this.panel = panel;
		this.rounds = rounds;
		this.assignments = assignments;
		this.sheets = sheets;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	void load() {
		Hackathon hackathon = this.hackathons.findBySlug(HACKATHON).orElse(null);
		if (hackathon == null) {
			log.info("No demo hackathon {}; no judging demo data", HACKATHON);
			return;
		}
		Round review = hackathon.rounds().stream().filter((r) -> r.kind() == RoundKind.REVIEW).findFirst().orElse(null);
		if (review == null || this.rounds.findStored(review.id()).isPresent()) {
			log.info("Judging demo data already present; not loading it again");
			return;
		}
		User organizer = persona("organizer");
		User publicJudge = persona("judge-public");
		User privateJudge = persona("judge-private");
		User city = extra("judge-city", "Demo Judge (City Government) 市府評審", "Taipei City Government (demo)");
		User startup = extra("judge-startup", "Demo Judge (Startup) 新創評審", "Civic Startup Ltd. (demo)");
		User academic = extra("judge-academic", "Demo Judge (Academia) 學界評審", "National Taiwan University (demo)");

		as(organizer, true, () -> {
			String[][] ideas = { { "公車即時到站無障礙版", "Accessible bus arrival times" },
					{ "防災避難收容地圖", "Shelter map for disasters" }, { "青銀共居媒合", "Matching young and old flatmates" },
					{ "開放預算視覺化", "Open budget visualisation" }, { "農產品產銷履歷查詢", "Farm produce traceability" } };
			for (int i = 0; i < ideas.length; i++) {
				Proposal proposal = this.proposals.create(new ProposalService.CreateProposalInput(HACKATHON,
						new LocalizedText(ideas[i][0], ideas[i][1]), new LocalizedText("示範提案。", "A demo proposal."),
						null, List.of("open-government"), List.of("UX"), List.of(), "示範提案人 " + (i + 1), null, null));
				this.proposals.transition(proposal.id(), ProposalStatus.SUBMITTED, null, null);
				this.proposals.transition(proposal.id(), ProposalStatus.IN_REVIEW, null, null);
				if (i == 0) {
					this.proposals.recordTeam(proposal.id(), 4, AGENCY, 1);
				}
			}
			return null;
		});
		Map<User, String> sectors = new java.util.LinkedHashMap<>();
		sectors.put(publicJudge, "PUBLIC");
		sectors.put(privateJudge, "PRIVATE");
		sectors.put(city, "PUBLIC");
		sectors.put(startup, "PRIVATE");
		sectors.put(academic, "ACADEMIC");
		sectors.forEach((user, sector) -> {
			String token = as(organizer, true,
					() -> this.panel
						.invite(new JudgePanelService.InviteJudgeInput(hackathon.id(), user.email(),
								Sector.valueOf(sector), null, List.of(), null))
						.token());
			as(user, false, () -> this.panel.accept(token, null));
		});
		as(organizer, true, () -> {
			List<RoundService.CriterionInput> criteria = List
				.of(new RoundService.CriterionInput("impact", new LocalizedText("影響力", "Impact"),
						new LocalizedText("能解決多少人的問題？", "How many people does it help, and how much?"), 3.0, 1.0, 10.0),
						new RoundService.CriterionInput("feasibility", new LocalizedText("可行性", "Feasibility"),
								new LocalizedText("團隊與資源能否做到？", "Can the team and its resources deliver it?"), 2.0, 1.0,
								10.0),
						new RoundService.CriterionInput("collaboration",
								new LocalizedText("公私協力", "Public–private collaboration"),
								new LocalizedText("公部門能否接手？", "Can an agency take it over?"), 2.0, 1.0, 10.0));
			this.rounds.configure(new RoundService.ConfigureRoundInput(review.id(), criteria, 3, null, null, null,
					List.of(new RoundService.SectorWeightInput(Sector.PUBLIC, 0.4),
							new RoundService.SectorWeightInput(Sector.PRIVATE, 0.4),
							new RoundService.SectorWeightInput(Sector.ACADEMIC, 0.2)),
					true, null, 3, null, null, null, "2026", null, null, null, null));
			this.assignments.assign(review.id(), "2026");
			this.rounds.changeStatus(review.id(), RoundStatus.OPEN, null, null, null);
			return null;
		});
		Random random = new Random(2026);
		for (User judge : List.of(city, startup, academic, privateJudge)) {
			as(judge, false, () -> {
				List<String> work = this.sheets.myAssignments(review.id())
					.proposals()
					.stream()
					.map(ScoreSheetService.AssignedProposal::proposalId)
					.toList();
				for (int i = 0; i < work.size(); i++) {
					List<ScoreSheetService.ScoreInput> scores = new ArrayList<>();
					for (String criterion : List.of("impact", "feasibility", "collaboration")) {
						scores.add(new ScoreSheetService.ScoreInput(criterion, (double) (3 + random.nextInt(8))));
					}
					ScoreSheetService.SaveScoreSheetInput input = new ScoreSheetService.SaveScoreSheetInput(review.id(),
							work.get(i), scores, (i == 0) ? "示範評語 Demo comment" : null, null);
					boolean draft = judge == privateJudge && i == work.size() - 1;
					if (draft) {
						this.sheets.save(input);
					}
					else {
						this.sheets.submit(input);
					}
				}
				return null;
			});
		}
		log.info("Judging demo data loaded: 5 judges, a rubric and a seeded assignment on {}'s review round",
				HACKATHON);
	}

	private User persona(String id) {
		User user = DemoActing.persona(this.personas, this.users, id);
		return this.users.updateProfile(user.id(), null, DemoActing.personaOf(this.personas, id).affiliations());
	}

	private User extra(String subject, String name, String affiliation) {
		User user = this.users.signIn(User.DEMO_PROVIDER, subject, name, subject + "@demo.hacktrail.invalid", false);
		return this.users.updateProfile(user.id(), null, List.of(affiliation));
	}

	private static <T> T as(User user, boolean organizer, Supplier<T> step) {
		return DemoActing.as(user, organizer, step);
	}

}
