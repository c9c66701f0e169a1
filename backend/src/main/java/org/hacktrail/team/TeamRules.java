package org.hacktrail.team;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

/**
 * The rules of forming a team that every kind of change shares, checked on the team
 * document as read (so again on each attempt of a change). One pending request per person
 * and team. Accepting fills the wanted position (refused when it has no free seat). A
 * team's last lead cannot leave or step down without handing the lead role over. At a
 * hackathon that does not allow several teams per person, a person joins one team only
 * ({@link HackathonMemberships}). No new members while the proposal is a DRAFT (nobody
 * else can see it), and none once it is WITHDRAWN or the hackathon is past JUDGING unless
 * an organizer allowed late members (or adds the member themself). Nothing changes in an
 * ARCHIVED hackathon ({@link TeamChanges#target}).
 */
final class TeamRules {

	static final int MAX_MEMBERS = 100;

	static final int MAX_MESSAGE = 2000;

	static final int MAX_NOTE = 1000;

	static final int MAX_SKILL = 60;

	static final int MAX_AFFILIATION = 200;

	private TeamRules() {
	}

	/**
	 * New members: not while the proposal is a DRAFT; not after WITHDRAWN or JUDGING
	 * unless allowed.
	 */
	static void requireOpenForMembers(Team team, TeamChanges.Target target, boolean organizerAdding) {
		Proposal proposal = target.proposal();
		if (proposal.status() == ProposalStatus.DRAFT) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, "The proposal is still a DRAFT, which nobody else can "
					+ "see; submit it before people join its team.", Map.of("rule", "proposalDraft"));
		}
		boolean withdrawn = proposal.status() == ProposalStatus.WITHDRAWN;
		boolean late = target.hackathon().phase().isAfter(HackathonPhase.JUDGING);
		if ((withdrawn || late) && !team.lateMembersAllowed() && !organizerAdding) {
			String why = withdrawn ? "the proposal is WITHDRAWN"
					: "the hackathon is " + target.hackathon().phase() + ", past JUDGING";
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"This team takes no new members: " + why + ". An organizer can allow late members.",
					Map.of("rule", "teamClosed"));
		}
	}

	/**
	 * A team takes at most {@link #MAX_MEMBERS} members
	 * ({@code extensions.rule: teamFull}).
	 */
	static void requireRoom(Team team) {
		if (team.size() >= MAX_MEMBERS) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"A team has at most " + MAX_MEMBERS + " members, and this one is full.",
					Map.of("rule", "teamFull"));
		}
	}

	/**
	 * The person joining into {@code positionId} gets a seat of it (CONFLICT,
	 * {@code positionFull}, when none is free).
	 */
	static void requireSeat(Team team, @Nullable String positionId) {
		if (positionId == null) {
			return;
		}
		Optional<OpenPosition> position = team.position(positionId);
		// A position removed meanwhile: the person joins without one (removePosition
		// cleared pending requests).
		if (position.isPresent() && team.openings(position.get()) == 0) {
			throw new DomainException(ErrorCode.CONFLICT,
					"The position '" + position.get().skill() + "' has no free seat left (" + position.get().count()
							+ " of " + position.get().count() + " filled). Raise its count or decline the request.",
					Map.of("rule", "positionFull", "positionId", positionId));
		}
	}

	static OpenPosition requirePosition(Team team, String positionId, String field) {
		return team.position(positionId)
			.orElseThrow(() -> DomainException.badInput(field, Refusal.NO_SUCH_ID, "value", positionId));
	}

	/**
	 * A position offered to someone (in an invitation or a link) has a free seat now;
	 * {@code none} is the refusal's wording when it has not.
	 */
	static void requireFreeSeatToOffer(Team team, @Nullable String positionId) {
		if (positionId != null) {
			OpenPosition position = requirePosition(team, positionId, "positionId");
			if (team.openings(position) == 0) {
				throw DomainException.badInput("positionId", Refusal.POSITION_NO_SEAT, "skill", position.skill());
			}
		}
	}

	static void requireLeadRemains(Team before, Team.Edit after, String message) {
		boolean hadLead = !before.leads().isEmpty();
		boolean hasLead = after.members.stream().anyMatch((m) -> m.role() == TeamRole.LEAD);
		if (hadLead && !hasLead) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, message, Map.of("rule", "lastLead"));
		}
	}

	static void requirePending(RequestStatus status, String what) {
		if (status != RequestStatus.PENDING) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"This " + what + " is " + status + " already; only a PENDING one can change.",
					Map.of("status", status.name()));
		}
	}

	/**
	 * A person who becomes a member: their other pending request or invitation to this
	 * team is closed as accepted.
	 */
	static void closeOthers(Team.Edit edit, String userId, @Nullable String except, String by, Instant now) {
		edit.requests.replaceAll((r) -> (r.isPending() && r.userId().equals(userId) && !r.id().equals(except))
				? r.decided(RequestStatus.ACCEPTED, null, by, now) : r);
		edit.invitations.replaceAll((i) -> (i.isPending() && i.userId().equals(userId) && !i.id().equals(except))
				? i.decided(RequestStatus.ACCEPTED, null, now) : i);
	}

	/**
	 * Stripped text, null when blank; BAD_USER_INPUT naming the field when too long or
	 * against the rule of its kind (a {@link FreeText.Kind#LINE} for skills, affiliations
	 * and agencies, {@link FreeText.Kind#TEXT} for messages, descriptions, notes and
	 * reasons).
	 */
	static @Nullable String text(@Nullable String value, String field, int max, FreeText.Kind kind) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.codePointCount(0, stripped.length()) > max) {
			throw DomainException.badInput(field, Refusal.TOO_LONG, "max", max);
		}
		return FreeText.check(stripped, field, kind);
	}

}
