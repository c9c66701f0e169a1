package org.hacktrail.proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.PhaseChange;
import org.hacktrail.hackathon.Round;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.identity.DemoPersonas;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.ProposalLifecycle.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Demo data for {@code scripts/run --demo}: two editions of a community hackathon (one
 * project pitched at both) and a presidential hackathon in judging, with bilingual
 * proposals in several statuses, some by the demo proposer persona. Loaded once: skipped
 * when the first demo hackathon already exists.
 */
@Profile("demo")
@Component
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String MARKER_SLUG = "g0v-hackath65n";

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	private final MongoTemplate mongo;

	private final ProposalRepository proposals;

	private final ProjectRepository projects;

	private final UserDirectory users;

	private final DemoPersonas personas;

	private final Clock clock;

	DemoData(MongoTemplate mongo, ProposalRepository proposals, ProjectRepository projects, UserDirectory users,
			DemoPersonas personas, Clock clock) {
		this.mongo = mongo;
		this.proposals = proposals;
		this.projects = projects;
		this.users = users;
		this.personas = personas;
		this.clock = clock;
	}

	/**
	 * Runs first (order 0): other features' demo data (teams, judging) build on these
	 * hackathons and proposals.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void load() {
		if (this.mongo.exists(new Query(Criteria.where("slug").is(MARKER_SLUG)), Hackathon.class)) {
			log.info("Demo data already present; not loading it again");
			return;
		}
		DemoPersonas.Persona persona = this.personas.all()
			.stream()
			.filter((p) -> p.id().equals("proposer"))
			.findFirst()
			.orElseThrow();
		User proposer = this.users.signIn(User.DEMO_PROVIDER, persona.id(), persona.displayName(), persona.email(),
				false);

		Hackathon earlier = hackathon("g0v-hackath64n", "零時政府第陸拾肆次揪松", "g0v Hackath64n", HackathonKind.COMMUNITY, 64,
				at(2026, 7, 12), HackathonPhase.FOLLOW_UP, List.of());
		Hackathon community = hackathon(MARKER_SLUG, "零時政府第陸拾伍次揪松", "g0v Hackath65n", HackathonKind.COMMUNITY, 65,
				at(2026, 9, 20), HackathonPhase.PITCHING, List.of());
		Hackathon presidential = hackathon("presidential-hackathon-2026", "2026 總統盃黑客松", "Presidential Hackathon 2026",
				HackathonKind.PRESIDENTIAL, 9, at(2026, 8, 1), HackathonPhase.JUDGING,
				List.of(new Round(UUID.randomUUID().toString(), new LocalizedText("初審", "Preliminary review"),
						RoundKind.REVIEW),
						new Round(UUID.randomUUID().toString(), new LocalizedText("公民投票", "Public vote"),
								RoundKind.PUBLIC_VOTE),
						new Round(UUID.randomUUID().toString(), new LocalizedText("決選", "Final"), RoundKind.FINAL)));

		Proposal cofactsEarlier = proposal(earlier, "Cofacts 真的假的", "Cofacts", "協作型事實查核聊天機器人，讓網友一起回覆可疑訊息。",
				"A collaborative fact-checking chatbot.", "g0v contributors", null, "#cofacts",
				List.of("media-literacy", "open-government"), List.of("前端", "NLP"),
				List.of(new ProposalLink(LinkType.REPOSITORY, "https://github.com/cofacts/rumors-api"),
						new ProposalLink(LinkType.WEBSITE, "https://cofacts.tw")),
				ProposalStatus.SUBMITTED, ProposalStatus.PITCHED, ProposalStatus.TEAM_FORMING, ProposalStatus.HACKING);
		Proposal cofacts = proposal(community, "Cofacts 真的假的", "Cofacts", "第二年：把查核結果開放給更多聊天平台。",
				"Year two: bring fact checks to more chat apps.", "g0v contributors", null, "#cofacts",
				List.of("media-literacy"), List.of("Backend", "設計"),
				List.of(new ProposalLink(LinkType.REPOSITORY, "https://github.com/cofacts/rumors-api"),
						new ProposalLink(LinkType.SLIDES, "https://hackmd.io/@cofacts/slides")),
				ProposalStatus.SUBMITTED, ProposalStatus.PITCHED, ProposalStatus.TEAM_FORMING);
		proposal(community, "空汙地圖", "Air quality map", "整合感測器資料，即時顯示空氣品質。", "Live air quality from community sensors.",
				"LASS 社群", null, "#airbox", List.of("environment", "open-data"), List.of("GIS", "Data science"),
				List.of(new ProposalLink(LinkType.PITCH_VIDEO, "https://www.youtube.com/watch?v=demo")),
				ProposalStatus.SUBMITTED, ProposalStatus.PITCHED);
		proposal(community, "災害應變志工媒合", null, "災後快速媒合志工與需求。", null, persona.displayName(), proposer.id(), "#disaster",
				List.of("disaster-prevention"), List.of("後端", "PM"), List.of(), ProposalStatus.SUBMITTED);
		proposal(community, null, "Budget visualiser", null, "Make the city budget readable.", persona.displayName(),
				proposer.id(), null, List.of("open-government"), List.of("D3.js"), List.of());
		proposal(presidential, "長照資源地圖", "Long-term care map", "讓家屬一次找到附近的長照資源。",
				"Find long-term care services nearby.", "王小明", null, null, List.of("social-welfare", "health"),
				List.of("UX"), List.of(), ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW,
				ProposalStatus.SHORTLISTED);
		proposal(presidential, "淨零碳足跡計算器", "Net-zero footprint calculator", "中小企業的碳盤查工具。",
				"Carbon accounting for small businesses.", "陳美玲", null, null, List.of("net-zero", "environment"),
				List.of("Data science"), List.of(), ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW);
		proposal(presidential, "數位韌性演練平台", "Digital resilience drills", "模擬資安事件，練習應變。",
				"Practise incident response with simulated events.", "林志豪", null, null, List.of("digital-resilience"),
				List.of("Security"), List.of(), ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW,
				ProposalStatus.NOT_SHORTLISTED);

		Instant now = this.clock.instant();
		Project project = this.projects.save(new Project(UUID.randomUUID().toString(),
				new LocalizedText("Cofacts 真的假的", "Cofacts"), Keys.title("Cofacts 真的假的"),
				"https://github.com/cofacts/rumors-api", Keys.repository("https://github.com/cofacts/rumors-api"),
				"https://cofacts.tw", List.of("media-literacy"), now, null, now, null));
		this.proposals.save(cofactsEarlier.withProject(project.id(), now));
		this.proposals.save(cofacts.withProject(project.id(), now));
		log.info("Demo data loaded: 3 hackathons, 8 proposals, 1 project");
	}

	private static Instant at(int year, int month, int day) {
		return ZonedDateTime.of(year, month, day, 9, 0, 0, 0, TAIPEI).toInstant();
	}

	private Hackathon hackathon(String slug, String zh, String en, HackathonKind kind, int edition, Instant startsAt,
			HackathonPhase phase, List<Round> rounds) {
		Instant now = this.clock.instant();
		List<PhaseChange> history = new ArrayList<>();
		history.add(new PhaseChange(null, HackathonPhase.DRAFT, now, null, "Demo data"));
		for (HackathonPhase p = HackathonPhase.DRAFT; p != phase; p = p.next()) {
			history.add(new PhaseChange(p, p.next(), now, null, null));
		}
		boolean presidential = kind == HackathonKind.PRESIDENTIAL;
		Hackathon hackathon = new Hackathon(UUID.randomUUID().toString(), slug, new LocalizedText(zh, en), kind,
				edition, startsAt, startsAt.plusSeconds(33 * 3600), "Asia/Taipei", "中央研究院人文社會科學館 Academia Sinica",
				phase, history, rounds, presidential ? 5 : 0, presidential, kind == HackathonKind.COMMUNITY, now, null,
				now, null);
		return this.mongo.insert(hackathon);
	}

	private Proposal proposal(Hackathon hackathon, @Nullable String zhTitle, @Nullable String enTitle,
			@Nullable String zhSummary, @Nullable String enSummary, String proposerName, @Nullable String proposerId,
			@Nullable String channel, List<String> tags, List<String> needs, List<ProposalLink> links,
			ProposalStatus... path) {
		Instant now = this.clock.instant();
		ProposalContent content = new ProposalContent(new LocalizedText(zhTitle, enTitle),
				new LocalizedText(zhSummary, enSummary), channel, tags, needs, links);
		Actor creator = (proposerId != null) ? Actor.PROPOSER : Actor.ORGANIZER;
		Proposal proposal = Proposal.create(UUID.randomUUID().toString(), hackathon.id(), content, proposerId,
				proposerName, new StatusChange(null, ProposalStatus.DRAFT, now, proposerId, creator, "Demo data"), now,
				null);
		for (ProposalStatus to : path) {
			Actor actor = (to == ProposalStatus.SUBMITTED && proposerId != null) ? Actor.PROPOSER : Actor.ORGANIZER;
			proposal = proposal.withStatus(new StatusChange(proposal.status(), to, now, proposerId, actor, null), now);
		}
		return this.proposals.save(proposal);
	}

}
