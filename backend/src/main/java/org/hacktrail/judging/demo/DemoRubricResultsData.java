package org.hacktrail.judging.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.hacktrail.judging.AwardFacts;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.award.AwardTrack;
import org.hacktrail.judging.award.AwardTrackService;
import org.hacktrail.judging.award.RoundAwardsService;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.result.PublicationService;
import org.hacktrail.judging.result.TrackSelections;
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
 * Published rubric results for {@code scripts/run --demo}: a past community hackathon,
 * {@value #HACKATHON}, whose final round (RUBRIC, method hacktrail-rubric-2) is PUBLISHED
 * and the hackathon RESULTS_PUBLISHED — eight finalist projects, a jury of six demo
 * judges (three of the public sector, three of the private) who each score every
 * finalist, as in a final, a bilingual rubric of four criteria, every sheet submitted
 * with scores drawn around each project's hidden quality, each judge's leniency and some
 * noise, the same at every load (seeded by judge and project, not by generated ids). The
 * organizer closed the round, selected the ranking's top {@value #CUT} (with a written
 * reason where the ranking leaves the choice open, as the rules ask) and published. Its
 * {@code results.json} recomputes with {@code scripts/recompute-ranking}. Beside the
 * outstanding teams, the round feeds a sponsor's award track, {@value #TRACK} (最佳開放資料應用 ·
 * Best use of open data, {@link #SPONSOR}): quota 1, eligible by the {@code open-data}
 * tag (three of the projects), its top eligible proposal selected and published with the
 * round, so the results page shows winners per track.
 *
 * <p>
 * Everything goes through the services, acting as the demo organizer or as each judge, so
 * the demo follows the same rules as real use. Loaded once: skipped when the hackathon
 * exists. 48 sheets: about half a second.
 */
@Profile("demo")
@Component
class DemoRubricResultsData {

	private static final Logger log = LoggerFactory.getLogger(DemoRubricResultsData.class);

	static final String HACKATHON = "g0v-hackath66n-demo";

	static final int CUT = 3;

	/** The slug of the sponsor's award track. */
	static final String TRACK = "open-data";

	static final String SPONSOR = "開放資料聯盟 Open Data Alliance (demo)";

	/** The projects (by index) tagged open-data: the track's eligible proposals. */
	private static final List<Integer> OPEN_DATA_PROJECTS = List.of(1, 4, 5);

	/** Everyone on the jury scores every finalist. */
	static final int JUDGES_PER_PROPOSAL = 6;

	/** Title (zh-TW, English), summary (zh-TW, English), team. */
	private static final String[][] PROJECTS = {
			{ "立法院質詢逐字稿搜尋", "Legislative Yuan interpellation search", "把立法院公報的質詢逐字稿變成可搜尋、可引用的資料。",
					"Turns the Legislative Yuan's published interpellation transcripts into searchable, quotable data.",
					"ly.g0v 小組" },
			{ "政治獻金開放資料", "Political donations as open data", "把監察院政治獻金專戶的掃描檔轉成機器可讀的表格。",
					"Turns the Control Yuan's scanned political donation records into machine-readable tables.",
					"政治獻金小組" },
			{ "颱風停班停課即時通知", "Typhoon day-off alerts", "各縣市停班停課公告一出來就推播，附上原始公告連結。",
					"Pushes each county's typhoon day-off announcement as it comes out, with a link to the source.",
					"停課通知小組" },
			{ "公園遊戲場無障礙地圖", "Accessible playground map", "標示共融遊戲場與無障礙設施，家長可以回報現況。",
					"Maps inclusive playgrounds and their accessibility; parents report what they find.", "共融公園小組" },
			{ "空屋與社會住宅媒合", "Vacant homes for social housing", "以開放資料估算各區空屋，協助包租代管媒合。",
					"Estimates vacant homes per district from open data to help the rent-to-tenant programme.",
					"居住正義小組" },
			{ "食品安全稽查結果查詢", "Food safety inspection lookup", "依店名查詢衛生局的稽查結果與改善紀錄。",
					"Look up a restaurant's health inspection results and follow-ups by name.", "食安查詢小組" },
			{ "垃圾車即時位置", "Live garbage truck tracker", "整合各縣市垃圾車 GPS，提醒你車快到了。",
					"Combines counties' garbage truck GPS feeds and reminds you when the truck is near.", "垃圾車小組" },
			{ "里民大會紀錄數位典藏", "Neighbourhood meeting minutes archive", "把里民大會的手寫紀錄數位化並開放全文檢索。",
					"Digitises handwritten neighbourhood meeting minutes with full-text search.", "村里記憶小組" } };

	/** Each project's hidden quality on a 1–10 scale, by project. */
	private static final double[] QUALITY = { 8.6, 6.1, 7.4, 8.0, 5.2, 6.6, 7.1, 4.8 };

	/** Criterion id, zh-TW and English name, zh-TW and English description, weight. */
	private static final String[][] CRITERIA = {
			{ "public-value", "公共價值", "Public value", "解決的問題有多重要、幫到多少人？",
					"How much does the problem matter, and to how many people?", "3" },
			{ "openness", "開放程度", "Openness", "原始碼、資料與過程是否開放、可重用？", "Are the code, data and process open and reusable?",
					"2" },
			{ "feasibility", "可行性與延續性", "Feasibility and continuity", "團隊能否做完並持續維護？",
					"Can the team finish it and keep it running?", "2" },
			{ "community", "社群參與", "Community involvement", "是否邀請使用者與公部門一起參與？",
					"Does it bring in its users and the agencies concerned?", "1" } };

	/** Demo judge sign-in subject, display name, affiliation, sector, leniency. */
	private static final String[][] JUDGES = {
			{ "judge-city", "Demo Judge (City Government) 市府評審", "Taipei City Government (demo)", "PUBLIC", "0.4" },
			{ "judge-expo-agency", "Demo Expo Judge (Agency) 展覽評審（機關）", "National Development Council (demo)", "PUBLIC",
					"-0.6" },
			{ "judge-district", "Demo Judge (District Office) 區公所評審", "Da'an District Office (demo)", "PUBLIC", "0.0" },
			{ "judge-startup", "Demo Judge (Startup) 新創評審", "Civic Startup Ltd. (demo)", "PRIVATE", "0.8" },
			{ "judge-expo-company", "Demo Expo Judge (Company) 展覽評審（企業）", "Open Data Consulting Co. (demo)", "PRIVATE",
					"-0.3" },
			{ "judge-engineer", "Demo Judge (Software Company) 軟體公司評審", "Open Source Software Co. (demo)", "PRIVATE",
					"0.2" } };

	private final HackathonService hackathons;

	private final UserDirectory users;

	private final DemoPersonas personas;

	private final ProposalService proposals;

	private final JudgePanelService panel;

	private final RoundService rounds;

	private final AssignmentService assignments;

	private final ScoreSheetService sheets;

	private final PublicationService publication;

	private final AwardTrackService tracks;

	private final RoundAwardsService roundAwards;

	private final TrackSelections trackSelections;

	DemoRubricResultsData(HackathonService hackathons, UserDirectory users, DemoPersonas personas,
			ProposalService proposals, JudgePanelService panel, RoundService rounds, AssignmentService assignments,
			ScoreSheetService sheets, PublicationService publication, AwardTrackService tracks,
			RoundAwardsService roundAwards, TrackSelections trackSelections) {
		this.tracks = tracks;
		this.roundAwards = roundAwards;
		this.trackSelections = trackSelections;
		this.hackathons = hackathons;
		this.users = users;
		this.personas = personas;
		this.proposals = proposals;
		this.panel = panel;
		this.rounds = rounds;
		this.assignments = assignments;
		this.sheets = sheets;
		this.publication = publication;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(120)
	void load() {
		if (this.hackathons.findBySlug(HACKATHON).isPresent()) {
			log.info("Rubric results demo data already present; not loading it again");
			return;
		}
		long started = System.nanoTime();
		User organizer = persona("organizer");
		Hackathon hackathon = as(organizer, true, () -> {
			OffsetDateTime start = OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.ofHours(8));
			Hackathon created = this.hackathons.create(new HackathonService.CreateHackathonInput(HACKATHON,
					new LocalizedText("零時政府第陸拾陸次揪松（示範）", "g0v Hackath66n (demo)"), HackathonKind.COMMUNITY, 66, start,
					start.plusDays(1).plusHours(9), "Asia/Taipei", "中央研究院人文社會科學館 Academia Sinica, Taipei",
					List.of(new HackathonService.RoundInput(null, new LocalizedText("成果評選", "Final judging"),
							RoundKind.FINAL)),
					CUT, null, null));
			while (created.phase() != HackathonPhase.JUDGING) {
				created = this.hackathons.changePhase(created.id(), created.phase().next(), null, null);
			}
			return created;
		});
		String roundId = hackathon.rounds().get(0).id();
		List<String> projects = as(organizer, true, () -> {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < PROJECTS.length; i++) {
				String[] project = PROJECTS[i];
				List<String> tags = OPEN_DATA_PROJECTS.contains(i) ? List.of("open-government", TRACK)
						: List.of("open-government");
				Proposal proposal = this.proposals.create(new ProposalService.CreateProposalInput(HACKATHON,
						new LocalizedText(project[0], project[1]), new LocalizedText(project[2], project[3]), null,
						tags, List.of(), List.of(), project[4], null, null));
				for (ProposalStatus to : List.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW,
						ProposalStatus.SHORTLISTED)) {
					this.proposals.transition(proposal.id(), to, null, null);
				}
				this.proposals.transition(proposal.id(), ProposalStatus.FINALIST,
						"示範：八組成果發表皆進入決選。Demo: all eight teams that presented are finalists.", null);
				ids.add(proposal.id());
			}
			return ids;
		});
		List<User> judges = new ArrayList<>();
		for (String[] row : JUDGES) {
			User judge = judge(row[0], row[1], row[2]);
			String token = as(organizer, true,
					() -> this.panel
						.invite(new JudgePanelService.InviteJudgeInput(hackathon.id(), judge.email(),
								Sector.valueOf(row[3]), null, List.of(), null))
						.token());
			as(judge, false, () -> this.panel.accept(token, null));
			judges.add(judge);
		}
		as(organizer, true, () -> {
			List<RoundService.CriterionInput> criteria = new ArrayList<>();
			for (String[] c : CRITERIA) {
				criteria.add(new RoundService.CriterionInput(c[0], new LocalizedText(c[1], c[2]),
						new LocalizedText(c[3], c[4]), Double.parseDouble(c[5]), 1.0, 10.0));
			}
			this.rounds.configure(new RoundService.ConfigureRoundInput(roundId, criteria, JUDGES_PER_PROPOSAL,
					List.of(new RoundService.SectorMinimumInput(Sector.PUBLIC, 3),
							new RoundService.SectorMinimumInput(Sector.PRIVATE, 3)),
					null, null,
					List.of(new RoundService.SectorWeightInput(Sector.PUBLIC, 0.5),
							new RoundService.SectorWeightInput(Sector.PRIVATE, 0.5)),
					true, null, CUT, null, null, 1000, "66", null, null, null, null));
			AwardTrack track = this.tracks.create(new AwardTrackService.CreateAwardTrackInput(hackathon.id(), TRACK,
					new LocalizedText("最佳開放資料應用", "Best use of open data"), 1, AwardTrack.Eligibility.BY_TAG,
					List.of(TRACK), null, SPONSOR, AwardTrack.SponsorKind.SPONSOR, null, null));
			this.roundAwards.configure(roundId, List.of(AwardFacts.outstandingTrackId(hackathon.id()), track.id()),
					null);
			this.assignments.assign(roundId, "66");
			this.rounds.changeStatus(roundId, RoundStatus.OPEN, null, null, null);
			return null;
		});
		int submitted = score(roundId, projects, judges);
		String outcome = as(organizer, true, () -> {
			this.rounds.changeStatus(roundId, RoundStatus.CLOSED, null, null, null);
			String kind = select(roundId);
			String trackWinner = selectTrack(roundId, hackathon.id() + "." + TRACK,
					OPEN_DATA_PROJECTS.stream().map(projects::get).toList());
			// The organizer reads the preview's open cases (if any) before confirming
			// them.
			List<String> open = this.publication.preview(roundId)
				.openCases()
				.stream()
				.filter((c) -> !c.resolved())
				.map((c) -> c.kind().name())
				.toList();
			this.publication.publish(roundId, open.isEmpty() ? null : Boolean.TRUE);
			return kind + " selection, " + TRACK + " track won by " + trackWinner + ", open cases confirmed: " + open;
		});
		log.info(
				"Rubric results demo data loaded: {} with a published final round ({} projects, {} judges, {} sheets,"
						+ " {}) in {} ms",
				HACKATHON, projects.size(), judges.size(), submitted, outcome,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Each judge submits every assigned sheet: per criterion, the project's quality plus
	 * the judge's leniency plus noise (seeded by judge and project), rounded to the 1–10
	 * scale; one comment per judge. Returns the number of sheets.
	 */
	private int score(String roundId, List<String> projects, List<User> judges) {
		int submitted = 0;
		for (int j = 0; j < judges.size(); j++) {
			double leniency = Double.parseDouble(JUDGES[j][4]);
			int judge = j;
			submitted += as(judges.get(j), false, () -> {
				List<String> work = this.sheets.myAssignments(roundId)
					.proposals()
					.stream()
					.map(ScoreSheetService.AssignedProposal::proposalId)
					.toList();
				for (String proposalId : work) {
					int project = projects.indexOf(proposalId);
					Random random = new Random(66_000L + 100L * judge + project);
					double quality = QUALITY[project];
					List<ScoreSheetService.ScoreInput> scores = new ArrayList<>();
					for (String[] criterion : CRITERIA) {
						double value = Math.round(quality + leniency + random.nextGaussian() * 0.9);
						scores
							.add(new ScoreSheetService.ScoreInput(criterion[0], Math.max(1.0, Math.min(10.0, value))));
					}
					String comment = (project == judge)
							? "示範評語：資料來源清楚，建議與主管機關討論維運。Demo comment: clear data sources; talk to the agency about upkeep."
							: null;
					this.sheets
						.submit(new ScoreSheetService.SaveScoreSheetInput(roundId, proposalId, scores, comment, null));
				}
				return work.size();
			});
		}
		return submitted;
	}

	/**
	 * Selects as an organizer would: the ranking's proposed top N as it is; otherwise (a
	 * tie across the cut, or thin evidence) the first N by rank, with the written reason
	 * such a selection needs.
	 */
	private String select(String roundId) {
		var result = this.publication.ranking(roundId).result();
		List<RankedProposal> lines = result.ranking();
		List<String> topN = lines.stream().filter(RankedProposal::inTopN).map(RankedProposal::proposalId).toList();
		if (topN.size() == CUT && result.ties().stream().noneMatch(TieGroup::acrossCut)) {
			return this.publication
				.select(new PublicationService.SelectProposalsInput(roundId, topN, null, null, null, null))
				.selection()
				.kind()
				.name();
		}
		List<String> first = lines.stream().limit(CUT).map(RankedProposal::proposalId).toList();
		String reason = "示範：依名次選出前三名。Demo: the first three by rank.";
		return this.publication
			.select(new PublicationService.SelectProposalsInput(roundId, first, reason, reason, null, null))
			.selection()
			.kind()
			.name();
	}

	/**
	 * Selects a track's winner as an organizer would: the track's ranking (the round's,
	 * restricted to its eligible proposals, the projects tagged open-data), its top
	 * proposal as proposed. Returns the winner.
	 */
	private String selectTrack(String roundId, String trackId, List<String> eligible) {
		List<String> topN = this.publication.ranking(roundId)
			.result()
			.ranking()
			.stream()
			.map(RankedProposal::proposalId)
			.filter(eligible::contains)
			.limit(1)
			.toList();
		this.trackSelections
			.select(new TrackSelections.SelectTrackWinnersInput(roundId, trackId, topN, null, null, null, null));
		return String.join(",", topN);
	}

	private User persona(String id) {
		return DemoActing.persona(this.personas, this.users, id);
	}

	/**
	 * A demo judge, the same user as in the other demo data when the subject is shared (a
	 * sign-in keeps an existing name and affiliations).
	 */
	private User judge(String subject, String name, String affiliation) {
		User user = this.users.signIn(User.DEMO_PROVIDER, subject, name, subject + "@demo.hacktrail.invalid", false);
		return user.affiliations().isEmpty() ? this.users.updateProfile(user.id(), null, List.of(affiliation)) : user;
	}

	private static <T> T as(User user, boolean organizer, Supplier<T> step) {
		return DemoActing.as(user, organizer, step);
	}

}
