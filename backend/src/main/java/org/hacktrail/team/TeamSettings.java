package org.hacktrail.team;

import java.time.Clock;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * What a team's managers set about it as a whole: its government partner agency (copied
 * to the proposal, where a PRESIDENTIAL hackathon may require one before FINALIST), and
 * whether organizers allow late members.
 */
@Service
class TeamSettings {

	static final int MAX_AGENCY = 200;

	private final TeamChanges changes;

	private final TeamPolicy policy;

	private final Clock clock;

	TeamSettings(TeamChanges changes, TeamPolicy policy, Clock clock) {
		this.changes = changes;
		this.policy = policy;
		this.clock = clock;
	}

	record PartnerAgencyInput(String name, @Nullable String department) {
	}

	/** Sets (or, with null, clears) the government partner agency (leads, organizers). */
	Team setPartnerAgency(String proposalId, @Nullable PartnerAgencyInput input) {
		TeamChanges.Target target = this.changes.target(proposalId);
		PartnerAgency agency = null;
		if (input != null) {
			String name = TeamRules.text(input.name(), "partnerAgency.name", MAX_AGENCY, FreeText.Kind.LINE);
			if (name == null) {
				throw DomainException.badInput("partnerAgency.name", Refusal.REQUIRED);
			}
			agency = new PartnerAgency(name,
					TeamRules.text(input.department(), "partnerAgency.department", MAX_AGENCY, FreeText.Kind.LINE));
		}
		PartnerAgency chosen = agency;
		return this.changes.change(target, (team) -> {
			this.policy.requireManager(team, "set the partner agency");
			Team.Edit edit = team.edit();
			edit.partnerAgency = chosen;
			return edit.build(this.clock.instant());
		});
	}

	/**
	 * Allows (or stops allowing) new members after WITHDRAWN or past JUDGING (organizers
	 * only, with a reason, which is kept on the team).
	 */
	Team allowLateMembers(String proposalId, boolean allowed, @Nullable String reason) {
		TeamChanges.Target target = this.changes.target(proposalId);
		this.policy.requireOrganizer("Only organizers can allow new members after the deadline.");
		String why = TeamRules.text(reason, "reason", TeamRules.MAX_NOTE, FreeText.Kind.TEXT);
		if (allowed && why == null) {
			throw DomainException.badInput("reason", Refusal.REASON_REQUIRED);
		}
		return this.changes.change(target, (team) -> {
			Team.Edit edit = team.edit();
			edit.lateMembersAllowed = allowed;
			edit.lateMembersReason = why;
			return edit.build(this.clock.instant());
		});
	}

}
