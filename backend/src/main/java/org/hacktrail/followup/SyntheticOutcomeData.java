package org.hacktrail.followup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.PhaseChange;
import org.hacktrail.identity.DemoPersonas;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.batch.JobRunner;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLink;
import org.hacktrail.proposal.ProposalSeeds;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.proposal.ProposalTags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A SYNTHETIC dataset for the demo profile, shaped like the published
 * presidential-hackathon figures: six yearly PRESIDENTIAL editions 2018–2023 with over a
 * thousand proposals, five outstanding teams a year, about half of them integrated into
 * government operations; plus eight COMMUNITY editions, every two months up to four
 * months ago, whose projects recur across editions — all with outcome trails, so that
 * every statistic has something to show. Everything is labelled: hackathon, project and
 * proposal names say SYNTHETIC (模擬), summaries and milestone notes say it is demo data,
 * evidence and repository links point to example.org.
 *
 * <p>
 * Loaded once (a marker document records it), with fixed ids and a fixed random seed, so
 * that a reload after an interrupted first load replaces its partial data and gives the
 * same dataset. Documents are inserted in batches; the roll-up and follow-up jobs are
 * then launched so that states, statistics and follow-up requests are there.
 */
@Profile("demo")
@Component
class SyntheticOutcomeData {

	private static final Logger log = LoggerFactory.getLogger(SyntheticOutcomeData.class);

	static final String MARKER = "synthetic-outcomes-v1";

	static final String MARKERS = "demo_datasets";

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	private static final int[] PRESIDENTIAL_PROPOSALS = { 170, 175, 180, 185, 190, 195 };

	private static final String[][] THEMES = { { "長照資源地圖", "Long-term care map" },
			{ "災害通報平台", "Disaster reporting platform" }, { "空氣品質感測網", "Air quality sensor network" },
			{ "公共預算視覺化", "Public budget visualiser" }, { "偏鄉遠距醫療", "Rural telemedicine" },
			{ "校園午餐溯源", "School lunch traceability" }, { "淨零碳足跡計算", "Net-zero footprint calculator" },
			{ "無障礙路線規劃", "Accessible route planner" }, { "公車到站預測", "Bus arrival prediction" },
			{ "農產價格預警", "Crop price early warning" }, { "詐騙訊息查核", "Scam message checker" },
			{ "社福資格試算", "Welfare eligibility calculator" }, { "河川水位監測", "River level monitor" },
			{ "開放議事紀錄", "Open council minutes" }, { "勞動權益助手", "Labour rights assistant" },
			{ "文化資產導覽", "Cultural heritage guide" }, { "性別平等統計", "Gender equality statistics" },
			{ "資安演練平台", "Cyber drill platform" }, { "公民參與投票", "Civic participation voting" },
			{ "媒體識讀遊戲", "Media literacy game" } };

	private static final String[][] AGENCIES = { { "數位發展部", "CENTRAL" }, { "國家發展委員會", "CENTRAL" },
			{ "衛生福利部", "CENTRAL" }, { "環境部", "CENTRAL" }, { "交通部", "CENTRAL" }, { "農業部", "CENTRAL" },
			{ "臺北市政府", "LOCAL" }, { "臺中市政府", "LOCAL" }, { "高雄市政府", "LOCAL" }, { "新竹縣政府", "LOCAL" } };

	private final MongoTemplate mongo;

	private final UserDirectory users;

	private final DemoPersonas personas;

	private final ProposalTags tags;

	private final MilestoneStore milestones;

	private final JobRunner runner;

	private final Clock clock;

	SyntheticOutcomeData(MongoTemplate mongo, UserDirectory users, DemoPersonas personas, ProposalTags tags,
			MilestoneStore milestones, JobRunner runner, Clock clock) {
		this.mongo = mongo;
		this.users = users;
		this.personas = personas;
		this.tags = tags;
		this.milestones = milestones;
		this.runner = runner;
		this.clock = clock;
	}

	/** What the generator produced, before it is stored. */
	record Dataset(List<Hackathon> hackathons, List<Project> projects, List<Proposal> proposals,
			List<OutcomeMilestone> milestones) {
	}

	// Runs after the proposal feature's demo data (which has no order, so the lowest
	// precedence wins ties last).
	@Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (this.mongo.exists(new Query(Criteria.where("_id").is(MARKER)), MARKERS)) {
			log.info("SYNTHETIC outcome dataset already present; not loading it again");
			return;
		}
		long started = System.nanoTime();
		DemoPersonas.Persona persona = this.personas.all()
			.stream()
			.filter((p) -> p.id().equals("proposer"))
			.findFirst()
			.orElseThrow();
		User proposer = this.users.signIn(User.DEMO_PROVIDER, persona.id(), persona.displayName(), persona.email(),
				false);
		Dataset dataset = generate(proposer.id(), this.tags.ids(), LocalDate.now(this.clock.withZone(TAIPEI)),
				this.clock.instant());
		// A first load cut short leaves documents with these fixed ids: remove them, then
		// insert everything.
		removeExisting(Hackathon.class, dataset.hackathons().stream().map(Hackathon::id).toList());
		removeExisting(Project.class, dataset.projects().stream().map(Project::id).toList());
		removeExisting(Proposal.class, dataset.proposals().stream().map(Proposal::id).toList());
		insertAll(dataset.hackathons(), Hackathon.class);
		insertAll(dataset.projects(), Project.class);
		insertAll(dataset.proposals(), Proposal.class);
		for (int from = 0; from < dataset.milestones().size(); from += 1000) {
			this.milestones.upsert(
					dataset.milestones().subList(from, Math.min(dataset.milestones().size(), from + 1000)),
					VerificationState.VERIFIED, null, this.clock.instant());
		}
		this.mongo.getCollection(MARKERS)
			.insertOne(new Document("_id", MARKER).append("loadedAt", java.util.Date.from(this.clock.instant())));
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("SYNTHETIC outcome dataset loaded in {} ms: {} hackathons, {} projects, {} proposals, {} milestones",
				millis, dataset.hackathons().size(), dataset.projects().size(), dataset.proposals().size(),
				dataset.milestones().size());
		// States, statistics and follow-up requests, computed by the jobs that keep them
		// in production.
		String slot = "demo-load-" + this.clock.instant();
		for (String job : List.of("statisticsRollup", "followUpDue")) {
			this.runner.launch(this.runner.job(job),
					new JobParametersBuilder().addString("hacktrail.slot", slot).toJobParameters());
		}
	}

	private <T> void removeExisting(Class<T> type, List<String> ids) {
		for (int from = 0; from < ids.size(); from += 1000) {
			this.mongo.remove(new Query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + 1000)))),
					type);
		}
	}

	private <T> void insertAll(List<T> documents, Class<T> type) {
		for (int from = 0; from < documents.size(); from += 1000) {
			this.mongo.insert(documents.subList(from, Math.min(documents.size(), from + 1000)), type);
		}
	}

	/** The whole dataset, from a fixed seed: the same every time for the same day. */
	static Dataset generate(String proposerId, List<String> areas, LocalDate today, Instant now) {
		Random random = new Random(20180901L);
		List<Hackathon> hackathons = new ArrayList<>();
		List<Project> projects = new ArrayList<>();
		List<Proposal> proposals = new ArrayList<>();
		List<OutcomeMilestone> trail = new ArrayList<>();
		Generator g = new Generator(random, areas, now, projects, proposals, trail);

		for (int y = 0; y < 6; y++) {
			int year = 2018 + y;
			LocalDate first = LocalDate.of(year, 9, 15);
			Hackathon hackathon = hackathon("synthetic-presidential-" + year, "（模擬資料）" + year + " 總統盃黑客松",
					"[SYNTHETIC] Presidential Hackathon " + year, HackathonKind.PRESIDENTIAL, y + 1, first,
					(year < 2023) ? HackathonPhase.ARCHIVED : HackathonPhase.FOLLOW_UP, now);
			hackathons.add(hackathon);
			int count = PRESIDENTIAL_PROPOSALS[y];
			for (int i = 0; i < count; i++) {
				List<ProposalStatus> path;
				boolean linked = false;
				int rank = i;
				if (rank < 5) {
					path = List.of(ProposalStatus.SUBMITTED, ProposalStatus.TEAM_FORMING, ProposalStatus.HACKING,
							ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
							ProposalStatus.OUTSTANDING);
					linked = true;
				}
				else if (rank < 20) {
					path = List.of(ProposalStatus.SUBMITTED, ProposalStatus.TEAM_FORMING, ProposalStatus.HACKING,
							ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
							ProposalStatus.NOT_SELECTED);
					linked = true;
				}
				else if (rank < 30) {
					path = List.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED);
					linked = true;
				}
				else if (rank < 35) {
					path = List.of(ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN);
				}
				else {
					path = List.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.NOT_SHORTLISTED);
				}
				String key = "presidential-" + year + "-" + i;
				Project project = linked ? g.project(key, first) : null;
				g.proposal(key, hackathon, project, null, path,
						rank < 30 ? 2 + random.nextInt(6) : 1 + random.nextInt(4));
				if (rank < 5) {
					// About half of the outstanding teams end integrated into operations
					// (3, 2, 3, 2, 3, 2 a year).
					boolean integrated = rank < ((y % 2 == 0) ? 3 : 2);
					g.outstandingTrail(project, first, integrated, today);
				}
				else if (linked) {
					g.otherTrail(project, first, rank, today);
				}
			}
		}

		// Community editions every two months, the last one ending four months ago, with
		// recurring projects.
		List<Project> recurring = new ArrayList<>();
		for (int e = 0; e < 8; e++) {
			LocalDate first = today.minusMonths(4 + 2L * (7 - e)).withDayOfMonth(1).plusDays(5);
			int edition = 50 + e;
			Hackathon hackathon = hackathon("synthetic-hackath" + edition + "n", "（模擬資料）零時政府第 " + edition + " 次揪松",
					"[SYNTHETIC] Community Hackath" + edition + "n", HackathonKind.COMMUNITY, edition, first,
					HackathonPhase.FOLLOW_UP, now);
			hackathons.add(hackathon);
			int count = 25 + random.nextInt(10);
			for (int i = 0; i < count; i++) {
				String key = "community-" + edition + "-" + i;
				Project project;
				if (i < 12) {
					// Twelve projects come back edition after edition.
					if (recurring.size() <= i) {
						recurring.add(g.project("community-recurring-" + i, first));
						g.communityTrail(recurring.get(i), first, i, today);
					}
					project = recurring.get(i);
				}
				else {
					project = (i < 20) ? g.project(key, first) : null;
				}
				String proposer = (i == 0) ? proposerId : null;
				g.proposal(key, hackathon, project, proposer, List.of(ProposalStatus.SUBMITTED, ProposalStatus.PITCHED,
						ProposalStatus.TEAM_FORMING, ProposalStatus.HACKING), 1 + random.nextInt(6));
			}
		}
		return new Dataset(hackathons, projects, proposals, trail);
	}

	private static Hackathon hackathon(String slug, String zh, String en, HackathonKind kind, int edition,
			LocalDate first, HackathonPhase phase, Instant now) {
		List<PhaseChange> history = new ArrayList<>();
		history.add(new PhaseChange(null, HackathonPhase.DRAFT, now, null, "SYNTHETIC demo data"));
		for (HackathonPhase p = HackathonPhase.DRAFT; p != phase; p = p.next()) {
			history.add(new PhaseChange(p, p.next(), now, null, null));
		}
		boolean presidential = kind == HackathonKind.PRESIDENTIAL;
		return new Hackathon(id("hackathon", slug), slug, new LocalizedText(zh, en), kind, edition,
				first.atTime(9, 0).atZone(TAIPEI).toInstant(),
				first.plusDays(1).atTime(18, 0).atZone(TAIPEI).toInstant(), "Asia/Taipei", "（模擬資料）SYNTHETIC venue",
				phase, history, List.of(), presidential ? 5 : 0, presidential, !presidential, now, null, now, null);
	}

	static String id(String kind, String key) {
		return UUID.nameUUIDFromBytes(("synthetic:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** Builds the documents, drawing from one seeded random source. */
	private static final class Generator {

		private final Random random;

		private final List<String> areas;

		private final Instant now;

		private final List<Project> projects;

		private final List<Proposal> proposals;

		private final List<OutcomeMilestone> trail;

		Generator(Random random, List<String> areas, Instant now, List<Project> projects, List<Proposal> proposals,
				List<OutcomeMilestone> trail) {
			this.random = random;
			this.areas = areas;
			this.now = now;
			this.projects = projects;
			this.proposals = proposals;
			this.trail = trail;
		}

		String[] theme(String key) {
			return THEMES[Math.floorMod(key.hashCode(), THEMES.length)];
		}

		List<String> areas() {
			String a = this.areas.get(this.random.nextInt(this.areas.size()));
			String b = this.areas.get(this.random.nextInt(this.areas.size()));
			return a.equals(b) ? List.of(a) : List.of(a, b);
		}

		Project project(String key, LocalDate first) {
			String[] theme = theme(key);
			String suffix = " " + key.substring(key.lastIndexOf('-') + 1);
			Project project = ProposalSeeds.project(id("project", key),
					new LocalizedText("（模擬）" + theme[0] + suffix, "[SYNTHETIC] " + theme[1] + suffix),
					"https://example.org/synthetic/repo/" + key, null, areas(), first.atStartOfDay(TAIPEI).toInstant());
			this.projects.add(project);
			return project;
		}

		void proposal(String key, Hackathon hackathon, @Nullable Project project, @Nullable String proposerId,
				List<ProposalStatus> path, int teamSize) {
			String[] theme = theme(key);
			String suffix = " " + key.substring(key.lastIndexOf('-') + 1);
			LocalizedText title = (project != null) ? project.name()
					: new LocalizedText("（模擬）" + theme[0] + suffix, "[SYNTHETIC] " + theme[1] + suffix);
			List<ProposalLink> links = List.of();
			this.proposals.add(
					ProposalSeeds.proposal(id("proposal", key), hackathon.id(), (project != null) ? project.id() : null,
							title, new LocalizedText("模擬資料，並非真實提案。", "SYNTHETIC demo data, not a real proposal."),
							(proposerId != null) ? "Demo Proposer 示範提案人"
									: "（模擬）Team " + Math.floorMod(key.hashCode(), 997),
							proposerId, (project != null) ? project.issueAreas() : areas(), links, teamSize,
							hackathon.startsAt(), path));
		}

		void outstandingTrail(Project project, LocalDate event, boolean integrated, LocalDate today) {
			String[] agency = AGENCIES[this.random.nextInt(AGENCIES.length)];
			milestone(project, MilestoneType.FUNDING_APPLIED, event.plusMonths(2), "國家發展委員會", null, null, today);
			milestone(project, MilestoneType.FUNDED, event.plusMonths(4 + this.random.nextInt(3)), "數位發展部",
					"公民科技推動計畫 Civic tech programme",
					BigDecimal.valueOf(1_000_000L + 250_000L * this.random.nextInt(16)), today);
			milestone(project, MilestoneType.PILOT, event.plusMonths(6 + this.random.nextInt(4)), agency[0], null, null,
					today);
			if (integrated) {
				milestone(project, MilestoneType.ADOPTED, event.plusMonths(9 + this.random.nextInt(6)), agency[0], null,
						null, today);
				milestone(project, MilestoneType.INTEGRATED_INTO_OPERATIONS,
						event.plusMonths(15 + this.random.nextInt(9)), agency[0], null, null, today);
			}
			else if (this.random.nextBoolean()) {
				milestone(project, MilestoneType.DISCONTINUED, event.plusMonths(18 + this.random.nextInt(6)), null,
						null, null, today);
			}
			activity(project, event, today);
		}

		void otherTrail(Project project, LocalDate event, int rank, LocalDate today) {
			if (rank % 3 == 0) {
				milestone(project, MilestoneType.FUNDING_APPLIED, event.plusMonths(3), "國家發展委員會", null, null, today);
				milestone(project, MilestoneType.FUNDED, event.plusMonths(6 + this.random.nextInt(6)), "數位發展部",
						"小型計畫 Small grants", BigDecimal.valueOf(300_000L + 50_000L * this.random.nextInt(10)), today);
			}
			if (rank % 7 == 0) {
				milestone(project, MilestoneType.ADOPTED, event.plusMonths(12 + this.random.nextInt(12)),
						AGENCIES[this.random.nextInt(AGENCIES.length)][0], null, null, today);
			}
			if (rank % 4 == 0) {
				activity(project, event, today);
			}
		}

		void communityTrail(Project project, LocalDate first, int index, LocalDate today) {
			if (index % 3 == 0) {
				milestone(project, MilestoneType.FUNDING_APPLIED, first.plusMonths(1), "g0v 公民科技創新獎助金", null, null,
						today);
				milestone(project, MilestoneType.FUNDED, first.plusMonths(3), "g0v 公民科技創新獎助金", "g0v civic tech grant",
						BigDecimal.valueOf(100_000L + 50_000L * this.random.nextInt(5)), today);
			}
			if (index % 4 == 1) {
				milestone(project, MilestoneType.ADOPTED, first.plusMonths(6), "臺北市政府", null, null, today);
			}
			if (index == 11) {
				milestone(project, MilestoneType.DISCONTINUED, first.plusMonths(2), null, null, null, today);
			}
			if (index % 2 == 0) {
				activity(project, first, today);
			}
		}

		void activity(Project project, LocalDate from, LocalDate today) {
			LocalDate last = from.plusMonths(1 + this.random.nextInt(30));
			milestone(project, MilestoneType.ACTIVITY, last, null, null, null, today);
		}

		void milestone(Project project, MilestoneType type, LocalDate date, @Nullable String agency,
				@Nullable String programme, @Nullable BigDecimal amount, LocalDate today) {
			if (date.isAfter(today)) {
				return;
			}
			AgencyLevel level = null;
			if (agency != null && (type == MilestoneType.ADOPTED || type == MilestoneType.INTEGRATED_INTO_OPERATIONS)) {
				level = agency.endsWith("市政府") || agency.endsWith("縣政府") ? AgencyLevel.LOCAL : AgencyLevel.CENTRAL;
			}
			MilestoneDraft draft = new MilestoneDraft(type, date, agency, level, programme, amount,
					(amount != null) ? "TWD" : null,
					type.requiresEvidence() || type == MilestoneType.ACTIVITY
							? "https://example.org/synthetic/evidence/" + project.id() + "/" + type.name().toLowerCase()
							: null,
					"SYNTHETIC demo data");
			// Mostly verified; the newest ones wait for an organizer, and a few are
			// rejected.
			int draw = this.random.nextInt(100);
			VerificationState verification = date.isAfter(today.minusMonths(3)) || draw < 4 ? VerificationState.PENDING
					: (draw < 6) ? VerificationState.REJECTED : VerificationState.VERIFIED;
			MilestoneSource source = (type == MilestoneType.ACTIVITY) ? MilestoneSource.IMPORTED
					: (draw % 2 == 0) ? MilestoneSource.SELF_REPORTED : MilestoneSource.ORGANIZER;
			MilestoneEvent event = new MilestoneEvent(date.atStartOfDay(TAIPEI).toInstant(), null,
					(source == MilestoneSource.SELF_REPORTED) ? MilestoneEvent.Action.REPORTED
							: MilestoneEvent.Action.RECORDED,
					verification, (verification == VerificationState.REJECTED)
							? "SYNTHETIC: the evidence does not name the project." : null);
			OutcomeMilestone milestone = OutcomeMilestone.create(project.id(), draft, source, verification, event,
					null);
			if (verification == VerificationState.REJECTED) {
				milestone = new OutcomeMilestone(milestone.id(), milestone.projectId(), milestone.type(),
						milestone.date(), milestone.agency(), milestone.level(), milestone.programme(),
						milestone.amount(), milestone.currency(), milestone.evidenceUrl(), milestone.note(),
						milestone.source(), milestone.verification(), event.reason(), null, event.at(), null,
						milestone.recordedAt(), milestone.updatedAt(), milestone.contentHash(), milestone.history(),
						null, null);
			}
			this.trail.add(milestone);
		}

	}

}
