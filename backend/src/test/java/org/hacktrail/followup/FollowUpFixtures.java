package org.hacktrail.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.PhaseChange;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLink;
import org.hacktrail.proposal.ProposalSeeds;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Builds hackathons, projects and proposals straight into the store for follow-up tests
 * (each with fresh ids and slugs, so that tests sharing one application context never see
 * each other's data).
 */
final class FollowUpFixtures {

	static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	private final MongoTemplate mongo;

	FollowUpFixtures(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	Hackathon hackathon(HackathonKind kind, HackathonPhase phase, LocalDate firstDay, LocalDate lastDay) {
		Instant now = Instant.now();
		String slug = unique(kind.name().toLowerCase());
		List<PhaseChange> history = new ArrayList<>();
		history.add(new PhaseChange(null, HackathonPhase.DRAFT, now, null, "test"));
		for (HackathonPhase p = HackathonPhase.DRAFT; p != phase; p = p.next()) {
			history.add(new PhaseChange(p, p.next(), now, null, null));
		}
		return this.mongo.insert(new Hackathon(UUID.randomUUID().toString(), slug, new LocalizedText(null, slug), kind,
				1, firstDay.atTime(9, 0).atZone(TAIPEI).toInstant(), lastDay.atTime(18, 0).atZone(TAIPEI).toInstant(),
				"Asia/Taipei", null, phase, history, List.of(), (kind == HackathonKind.PRESIDENTIAL) ? 5 : 0, false,
				true, now, null, now, null));
	}

	/**
	 * A project led by {@code leadId}: its proposal (health) was OUTSTANDING at a
	 * presidential hackathon that ended two months ago and is now in follow-up.
	 */
	Project outstandingProject(String name, String leadId) {
		Hackathon hackathon = hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.FOLLOW_UP,
				LocalDate.now().minusMonths(2), LocalDate.now().minusMonths(2).plusDays(1));
		Project project = project(unique(name), null, "health");
		proposal(hackathon, name + " map " + project.id(), leadId, project, 3, List.of("health"),
				ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
				ProposalStatus.OUTSTANDING);
		return project;
	}

	Project project(String name, @Nullable String repositoryUrl, String... areas) {
		return this.mongo.insert(ProposalSeeds.project(UUID.randomUUID().toString(), new LocalizedText(null, name),
				repositoryUrl, null, Arrays.asList(areas), Instant.now()));
	}

	Proposal proposal(Hackathon hackathon, String title, @Nullable String proposerId, @Nullable Project project,
			int teamSize, List<String> tags, ProposalStatus... path) {
		return this.mongo.insert(ProposalSeeds.proposal(UUID.randomUUID().toString(), hackathon.id(),
				(project != null) ? project.id() : null, new LocalizedText(null, title), LocalizedText.EMPTY,
				proposerName(title, proposerId), proposerId, tags, List.<ProposalLink>of(), teamSize,
				hackathon.startsAt(), Arrays.asList(path)));
	}

	/**
	 * The shown name of a proposer: distinct per user (never their id), so that titles
	 * may repeat.
	 */
	static String proposerName(String title, @Nullable String proposerId) {
		return "Proposer of " + title
				+ ((proposerId != null) ? " #" + Math.floorMod(proposerId.hashCode(), 100_000) : "");
	}

	/**
	 * A milestone stored as given (bypassing the service's rules and rights), e.g. an
	 * already verified one.
	 */
	OutcomeMilestone milestone(Project project, MilestoneType type, LocalDate date, VerificationState verification,
			@Nullable String agency, @Nullable String amount, @Nullable String currency) {
		MilestoneDraft draft = new MilestoneDraft(type, date, agency, null, null,
				(amount != null) ? new java.math.BigDecimal(amount) : null, currency,
				type.requiresEvidence() ? "https://example.org/evidence/" + UUID.randomUUID() : null, null);
		MilestoneEvent event = new MilestoneEvent(Instant.now(), null, MilestoneEvent.Action.RECORDED, verification,
				null);
		return this.mongo.insert(
				OutcomeMilestone.create(project.id(), draft, MilestoneSource.ORGANIZER, verification, event, null),
				FollowUpStates.MILESTONES);
	}

}
