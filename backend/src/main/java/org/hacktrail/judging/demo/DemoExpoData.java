package org.hacktrail.judging.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.identity.DemoPersonas;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.expo.ExpoService;
import org.hacktrail.judging.expo.ExpoSkipReason;
import org.hacktrail.judging.expo.ExpoWinner;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.result.PublicationService;
import org.hacktrail.judging.round.ExpoTables;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
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
 * Expo judging demo data for {@code scripts/run --demo}: a community demo day,
 * {@value #HACKATHON}, whose expo round (PAIRWISE, method hacktrail-pairwise-1) is
 * PUBLISHED — eight teams at tables in a row, four demo judges of four sectors who walked
 * every table and said at each whether it was better than the previous one (a judge
 * answers by the teams' hidden quality nine times in ten, so the ranking has real
 * uncertainty), one team absent at one judge's first table; the organizer selected the
 * ranking's top three and published. Its {@code results.json} recomputes with
 * {@code scripts/recompute-ranking}.
 *
 * <p>
 * Everything goes through the services, acting as the demo organizer or as each judge
 * (the judges ask for their next table and answer it, as on a phone), so the demo follows
 * the same rules as real use. Loaded once: skipped when the hackathon exists. About 40
 * visits on eight candidates: a fraction of a second.
 */
@Profile("demo")
@Component
class DemoExpoData {

	private static final Logger log = LoggerFactory.getLogger(DemoExpoData.class);

	static final String HACKATHON = "g0v-demo-day-2026";

	static final int CUT = 3;

	private static final String[][] TEAMS = { { "公車動態開放資料", "Open bus arrival data" },
			{ "里長公告數位化", "Neighbourhood notices online" }, { "河川水位即時通報", "Live river level alerts" },
			{ "議會質詢搜尋", "Council questions search" }, { "藥局口罩地圖重製", "Pharmacy map, rebuilt" },
			{ "公共自行車維修回報", "Public bike repair reports" }, { "學校午餐食材溯源", "School lunch sourcing" },
			{ "社區長照據點地圖", "Community care centre map" } };

	/** Each team's hidden quality (higher is better), by table. */
	private static final int[] QUALITY = { 7, 2, 8, 4, 6, 1, 5, 3 };

	private final HackathonService hackathons;

	private final UserDirectory users;

	private final DemoPersonas personas;

	private final ProposalService proposals;

	private final JudgePanelService panel;

	private final RoundService rounds;

	private final ExpoTables tables;

	private final ExpoService expo;

	private final PublicationService publication;

	DemoExpoData(HackathonService hackathons, UserDirectory users, DemoPersonas personas, ProposalService proposals,
			JudgePanelService panel, RoundService rounds, ExpoTables tables, ExpoService expo,
			PublicationService publication) {
		this.hackathons = hackathons;
		this.users = users;
		this.personas = personas;
		this.proposals = proposals;
		this.panel = panel;
		this.rounds = rounds;
		this.tables = tables;
		this.expo = expo;
		this.publication = publication;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(110)
	void load() {
		if (this.hackathons.findBySlug(HACKATHON).isPresent()) {
			log.info("Expo demo data already present; not loading it again");
			return;
		}
		long started = System.nanoTime();
		User organizer = persona("organizer");
		Hackathon hackathon = as(organizer, true, () -> {
			OffsetDateTime start = OffsetDateTime.of(2026, 10, 24, 13, 0, 0, 0, ZoneOffset.ofHours(8));
			Hackathon created = this.hackathons.create(new HackathonService.CreateHackathonInput(HACKATHON,
					new LocalizedText("g0v 成果發表日 2026", "g0v Demo Day 2026"), HackathonKind.COMMUNITY, null, start,
					start.plusHours(5), "Asia/Taipei", "華山文創園區 Huashan 1914 Creative Park",
					List.of(new HackathonService.RoundInput(null, new LocalizedText("成果展評審", "Expo judging"),
							RoundKind.REVIEW)),
					null, null, null));
			while (created.phase() != HackathonPhase.JUDGING) {
				created = this.hackathons.changePhase(created.id(), created.phase().next(), null, null);
			}
			return created;
		});
		String roundId = hackathon.rounds().get(0).id();
		List<String> teams = as(organizer, true, () -> {
			List<String> ids = new ArrayList<>();
			for (String[] team : TEAMS) {
				Proposal proposal = this.proposals.create(new ProposalService.CreateProposalInput(HACKATHON,
						new LocalizedText(team[0], team[1]), new LocalizedText("成果發表日的示範專案。", "A demo day project."),
						null, List.of("open-data"), List.of(), List.of(), "g0v 示範團隊", null, null));
				this.proposals.transition(proposal.id(), ProposalStatus.SUBMITTED, null, null);
				this.proposals.transition(proposal.id(), ProposalStatus.IN_REVIEW, null, null);
				ids.add(proposal.id());
			}
			return ids;
		});
		List<User> judges = new ArrayList<>();
		Sector[] sectors = { Sector.PUBLIC, Sector.PRIVATE, Sector.CIVIL_SOCIETY, Sector.ACADEMIC };
		String[][] names = { { "judge-expo-agency", "Demo Expo Judge (Agency) 展覽評審（機關）" },
				{ "judge-expo-company", "Demo Expo Judge (Company) 展覽評審（企業）" },
				{ "judge-expo-ngo", "Demo Expo Judge (NGO) 展覽評審（公民團體）" },
				{ "judge-expo-university", "Demo Expo Judge (University) 展覽評審（學界）" } };
		for (int i = 0; i < sectors.length; i++) {
			User judge = this.users.signIn(User.DEMO_PROVIDER, names[i][0], names[i][1],
					names[i][0] + "@demo.hacktrail.invalid", false);
			Sector sector = sectors[i];
			String token = as(organizer, true, () -> this.panel
				.invite(new JudgePanelService.InviteJudgeInput(hackathon.id(), judge.email(), sector, null, null, null))
				.token());
			as(judge, false, () -> this.panel.accept(token, null));
			judges.add(judge);
		}
		as(organizer, true, () -> {
			this.rounds.configure(new RoundService.ConfigureRoundInput(roundId, null, null, null, null, null, null,
					null, null, CUT, null, null, 1000, "2026", null, null, RoundMethod.PAIRWISE, null));
			List<ExpoTables.ExpoTableInput> row = new ArrayList<>();
			for (int i = 0; i < teams.size(); i++) {
				row.add(new ExpoTables.ExpoTableInput(teams.get(i), "第 " + (i + 1) + " 桌 · Table " + (i + 1), i + 1,
						null, null));
			}
			this.tables.configure(new ExpoTables.ConfigureExpoTablesInput(roundId, row, null));
			this.rounds.changeStatus(roundId, RoundStatus.OPEN, null, null, null);
			return null;
		});
		int visits = walk(roundId, teams, judges);
		as(organizer, true, () -> {
			this.rounds.changeStatus(roundId, RoundStatus.CLOSED, null, null, null);
			List<RankedProposal> lines = this.publication.ranking(roundId).result().ranking();
			List<String> topN = lines.stream().filter(RankedProposal::inTopN).map(RankedProposal::proposalId).toList();
			if (topN.size() == CUT) {
				this.publication
					.select(new PublicationService.SelectProposalsInput(roundId, topN, null, null, null, null));
			}
			else {
				// A tie or thin evidence at the cut: the first three by rank, with the
				// reasons the selection then needs.
				List<String> first = lines.stream().limit(CUT).map(RankedProposal::proposalId).toList();
				this.publication.select(new PublicationService.SelectProposalsInput(roundId, first,
						"示範：依名次選出前三名。Demo: the first three by rank.", "示範：依名次選出前三名。Demo: the first three by rank.",
						null, null));
			}
			this.publication.publish(roundId, true);
			return null;
		});
		log.info("Expo demo data loaded: {} with a published expo round ({} teams, {} judges, {} visits) in {} ms",
				HACKATHON, teams.size(), judges.size(), visits, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Each judge in turn asks for the next table and answers it, until every judge has
	 * seen every table. Returns the number of visits.
	 */
	private int walk(String roundId, List<String> teams, List<User> judges) {
		Random random = new Random(2026);
		Map<String, String> previous = new HashMap<>();
		Set<String> done = new HashSet<>();
		int visits = 0;
		for (int step = 0; step < 4 * teams.size() && done.size() < judges.size(); step++) {
			for (int j = 0; j < judges.size(); j++) {
				User judge = judges.get(j);
				if (done.contains(judge.id())) {
					continue;
				}
				ExpoService.NextVisit next = as(judge, false, () -> this.expo.next(roundId));
				if (next.visit() == null) {
					if (next.done()) {
						done.add(judge.id());
					}
					continue;
				}
				String current = next.visit().proposalId();
				String clientId = "demo-" + j + "-" + next.visit().number();
				visits++;
				if (j == 1 && next.visit().number() == 1) {
					as(judge, false, () -> this.expo
						.skip(new ExpoService.SkipExpoVisitInput(roundId, clientId, current, ExpoSkipReason.ABSENT)));
					continue;
				}
				String before = previous.get(judge.id());
				ExpoWinner winner = null;
				if (before != null) {
					boolean better = QUALITY[teams.indexOf(current)] > QUALITY[teams.indexOf(before)];
					boolean right = random.nextInt(10) < 9;
					winner = (better == right) ? ExpoWinner.CURRENT : ExpoWinner.PREVIOUS;
				}
				ExpoWinner answer = winner;
				as(judge, false, () -> this.expo
					.compare(new ExpoService.RecordExpoComparisonInput(roundId, clientId, current, before, answer)));
				previous.put(judge.id(), current);
			}
		}
		return visits;
	}

	private User persona(String id) {
		return DemoActing.persona(this.personas, this.users, id);
	}

	private static <T> T as(User user, boolean organizer, Supplier<T> step) {
		return DemoActing.as(user, organizer, step);
	}

}
