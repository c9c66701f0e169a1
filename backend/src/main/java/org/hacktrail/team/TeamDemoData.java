package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.notification.NotificationService;
import org.hacktrail.proposal.ChangeCode;
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
 * Teams for the demo data ({@code scripts/run --demo}), on top of the proposals' demo
 * data: the demo proposer persona leads the team of "災害應變志工媒合" at g0v-hackath65n, with
 * open positions, a member who joined, a pending join request (and the notification about
 * it); the presidential "長照資源地圖" has a government partner agency, so an organizer can
 * move it to FINALIST. Loaded once: skipped when the proposer's team already has
 * positions.
 */
@Profile("demo")
@Component
class TeamDemoData {

	private static final Logger log = LoggerFactory.getLogger(TeamDemoData.class);

	static final String COMMUNITY_SLUG = "g0v-hackath65n";

	static final String PRESIDENTIAL_SLUG = "presidential-hackathon-2026";

	static final String PROPOSAL_TITLE = "災害應變志工媒合";

	private final TeamStore teams;

	private final HackathonService hackathons;

	private final UserDirectory users;

	private final ProposalService proposals;

	private final NotificationService notifications;

	private final Clock clock;

	TeamDemoData(TeamStore teams, HackathonService hackathons, UserDirectory users, ProposalService proposals,
			NotificationService notifications, Clock clock) {
		this.teams = teams;
		this.hackathons = hackathons;
		this.users = users;
		this.proposals = proposals;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** After the proposals' demo data (order 0). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	void load() {
		Optional<Hackathon> community = this.hackathons.findBySlug(COMMUNITY_SLUG);
		Optional<User> proposer = this.users.findBySignIn(User.DEMO_PROVIDER, "proposer");
		if (community.isEmpty() || proposer.isEmpty()) {
			log.info("No demo proposals to form teams for");
			return;
		}
		Optional<Proposal> disaster = this.proposals.findByTitle(community.get(), PROPOSAL_TITLE);
		if (disaster.isEmpty()) {
			return;
		}
		Team existing = this.teams.find(disaster.get().id()).orElse(null);
		if (existing != null && !existing.positions().isEmpty()) {
			log.info("Demo teams already present; not loading them again");
			return;
		}
		Instant now = this.clock.instant();
		User member = participant("participant-1", "示範參與者 陳小華 Demo Participant");
		User requester = participant("participant-2", "示範參與者 林小美 Demo Participant");

		Team team = (existing != null) ? existing : Team.initial(disaster.get(), now);
		Team.Edit edit = team.edit();
		OpenPosition backend = new OpenPosition(UUID.randomUUID().toString(), "後端", TeamRole.DEVELOPER, 2,
				"媒合 API 與通知 Matching API and notifications", now);
		OpenPosition pm = new OpenPosition(UUID.randomUUID().toString(), "PM", TeamRole.PM, 1,
				"和縣市政府社會局聯繫 Liaise with city social affairs bureaus", now);
		OpenPosition design = new OpenPosition(UUID.randomUUID().toString(), "設計", TeamRole.DESIGNER, 1, null, now);
		edit.positions.addAll(List.of(backend, pm, design));
		edit.members.add(new TeamMember(member.id(), member.displayName(), TeamRole.DEVELOPER, "g0v", backend.id(),
				JoinedVia.REQUEST, now));
		edit.requests.add(new JoinRequest(team.newChildId(), member.id(), member.displayName(), "我會 Go 和 PostgreSQL。",
				backend.id(), null, "g0v", RequestStatus.ACCEPTED, "歡迎！Welcome!", proposer.get().id(), now, now));
		JoinRequest pending = new JoinRequest(team.newChildId(), requester.id(), requester.displayName(),
				"我在區公所做過災害應變，想幫忙聯繫。I coordinated disaster relief at a district office.", pm.id(), null, null,
				RequestStatus.PENDING, null, null, now, null);
		edit.requests.add(pending);
		Team saved = this.teams.save(edit.build(now));

		if (disaster.get().status() == ProposalStatus.SUBMITTED || disaster.get().status() == ProposalStatus.PITCHED) {
			this.proposals.applySystemTransition(disaster.get().id(), ProposalStatus.TEAM_FORMING,
					ChangeCode.TEAM_FORMED, List.of(), member.id());
		}
		this.proposals.recordTeam(saved.id(), saved.size(), null, saved.version());
		this.notifications.send(proposer.get().id(), TeamNotifications.JOIN_REQUEST_RECEIVED,
				Map.of("proposalId", saved.id(), "proposalTitle", PROPOSAL_TITLE, "hackathonSlug", COMMUNITY_SLUG,
						"requestId", pending.id(), "requesterName", requester.displayName(), "positionSkill", "PM"),
				"/proposals/" + saved.id() + "#team");

		this.hackathons.findBySlug(PRESIDENTIAL_SLUG)
			.flatMap((h) -> this.proposals.findByTitle(h, "長照資源地圖"))
			.ifPresent((care) -> {
				Team careTeam = this.teams.find(care.id()).orElseGet(() -> Team.initial(care, now));
				Team.Edit careEdit = careTeam.edit();
				careEdit.partnerAgency = new PartnerAgency("衛生福利部", "長期照顧司");
				Team savedCare = this.teams.save(careEdit.build(now));
				this.proposals.recordTeam(savedCare.id(), savedCare.size(), "衛生福利部", savedCare.version());
			});
		log.info("Demo teams loaded: the demo proposer leads '{}' with open positions and a pending request",
				PROPOSAL_TITLE);
	}

	private User participant(String subject, String name) {
		return this.users.signIn(User.DEMO_PROVIDER, subject, name, subject + "@demo.hacktrail.invalid", false);
	}

}
