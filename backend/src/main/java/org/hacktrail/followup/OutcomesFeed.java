package org.hacktrail.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.AtomFeed;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.hacktrail.proposal.ProposalFacts;
import org.hacktrail.proposal.ProposalStatus;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The Atom feed of verified outcome milestones ({@code /api/feeds/outcomes.atom}): the
 * newest verifications first (at most {@link AtomFeed#MAX_ENTRIES}), each titled in both
 * languages with the project, the milestone and the agency, linking to the project's
 * public page and the milestone's evidence. Only VERIFIED milestones of projects the
 * public may see (a proposal that is not DRAFT at a hackathon that is not DRAFT) are in
 * it — never a PENDING or REJECTED one — and no ACTIVITY signals, which the activity
 * check records every month. The entry's id comes from the milestone's id (its natural
 * key), its {@code updated} is when it was verified.
 */
@Component
class OutcomesFeed {

	static final Map<MilestoneType, LocalizedText> TYPES = new EnumMap<>(MilestoneType.class);

	static {
		TYPES.put(MilestoneType.FUNDING_APPLIED, new LocalizedText("申請經費", "Applied for funding"));
		TYPES.put(MilestoneType.FUNDED, new LocalizedText("獲得經費", "Funded"));
		TYPES.put(MilestoneType.PILOT, new LocalizedText("試行", "Pilot"));
		TYPES.put(MilestoneType.ADOPTED, new LocalizedText("獲機關採用", "Adopted"));
		TYPES.put(MilestoneType.INTEGRATED_INTO_OPERATIONS,
				new LocalizedText("納入機關日常運作", "Integrated into operations"));
		TYPES.put(MilestoneType.DISCONTINUED, new LocalizedText("停止", "Discontinued"));
		TYPES.put(MilestoneType.ACTIVITY, new LocalizedText("仍有活動", "Activity"));
	}

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final ProposalFacts proposals;

	private final HackathonFacts hackathons;

	OutcomesFeed(MongoTemplate mongo, ProjectService projects, ProposalFacts proposals, HackathonFacts hackathons) {
		this.mongo = mongo;
		this.projects = projects;
		this.proposals = proposals;
		this.hackathons = hackathons;
	}

	String atom(String base) {
		// A few more than shown, since milestones of projects the public cannot see are
		// left out after reading.
		Query newest = new Query(
				Criteria.where("verification").is(VerificationState.VERIFIED).and("type").ne(MilestoneType.ACTIVITY))
			.with(Sort.by(Sort.Direction.DESC, "decidedAt", "_id"))
			.limit(2 * AtomFeed.MAX_ENTRIES);
		newest.fields()
			.include("projectId", "type", "date", "agency", "amount", "currency", "evidenceUrl", "verification",
					"decidedAt", "updatedAt");
		List<OutcomeMilestone> milestones = this.mongo.find(newest, OutcomeMilestone.class, FollowUpStates.MILESTONES);
		Set<String> projectIds = new LinkedHashSet<>();
		milestones.forEach((m) -> projectIds.add(m.projectId()));
		Set<String> visible = publicProjects(projectIds);
		Map<String, Project> names = new HashMap<>();
		this.projects.findAllById(visible).forEach((p) -> names.put(p.id(), p));
		List<AtomFeed.Entry> entries = new ArrayList<>();
		for (OutcomeMilestone milestone : milestones) {
			Project project = names.get(milestone.projectId());
			if (project != null && entries.size() < AtomFeed.MAX_ENTRIES) {
				entries.add(entry(milestone, project, base));
			}
		}
		return AtomFeed.write(AtomFeed.stableId("feed:outcomes"), "Hacktrail 專案後續成果 / Hacktrail project outcomes",
				base + "/api/feeds/outcomes.atom", base + "/statistics", entries);
	}

	/** The projects the public may see among these, in a few batched reads. */
	private Set<String> publicProjects(Set<String> projectIds) {
		if (projectIds.isEmpty()) {
			return Set.of();
		}
		List<ProposalFacts.Summary> pitches = this.proposals.ofProjects(projectIds)
			.stream()
			.filter((p) -> p.status() != ProposalStatus.DRAFT)
			.toList();
		Set<String> hackathonIds = new HashSet<>();
		pitches.forEach((p) -> hackathonIds.add(p.hackathonId()));
		Map<String, HackathonFacts.Edition> editions = this.hackathons.byIds(hackathonIds);
		Set<String> visible = new HashSet<>();
		for (ProposalFacts.Summary pitch : pitches) {
			HackathonFacts.Edition edition = editions.get(pitch.hackathonId());
			if (edition != null && edition.phase() != HackathonPhase.DRAFT && pitch.projectId() != null) {
				visible.add(pitch.projectId());
			}
		}
		return visible;
	}

	private static AtomFeed.Entry entry(OutcomeMilestone milestone, Project project, String base) {
		LocalizedText type = TYPES.get(milestone.type());
		LocalizedText name = project.name();
		String zhName = (name.zhTW() != null) ? name.zhTW() : name.en();
		String enName = (name.en() != null) ? name.en() : name.zhTW();
		String agency = (milestone.agency() != null) ? "（" + milestone.agency() + "）" : "";
		String agencyEn = (milestone.agency() != null) ? " (" + milestone.agency() + ")" : "";
		String title = AtomFeed.bilingual(zhName + "：" + type.zhTW() + agency, enName + ": " + type.en() + agencyEn);
		StringBuilder summary = new StringBuilder("日期 Date: " + milestone.date());
		if (milestone.amount() != null) {
			summary.append("; 金額 Amount: ")
				.append(milestone.amount())
				.append((milestone.currency() != null) ? " " + milestone.currency() : "");
		}
		Instant verified = (milestone.decidedAt() != null) ? milestone.decidedAt() : milestone.updatedAt();
		return new AtomFeed.Entry(AtomFeed.stableId("outcome:" + milestone.id()), title, verified,
				base + "/projects/" + project.id(), milestone.evidenceUrl(), summary.toString());
	}

}
