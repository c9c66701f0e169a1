package org.hacktrail.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.hacktrail.proposal.Keys;
import org.hacktrail.proposal.Proposal;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The team of one proposal, in ONE document: members, open positions, join requests,
 * invitations and the partner agency. Every rule that spans them (seats of a position,
 * one pending request per person, at least one lead) is checked on the document as read
 * and written back with its version; a concurrent change makes the write fail, and the
 * service decides again on the fresh document. Nothing can be over-filled or lost between
 * two writers.
 *
 * <p>
 * The id is the proposal's id: a team per proposal by construction, and found by
 * {@code _id}. Join request and invitation ids start with it ({@code <teamId>~<random>}).
 *
 * <p>
 * Derived fields ({@code memberIds}, {@code requesterIds}, {@code inviteeIds},
 * {@code openSkillKeys}) are computed only by {@link Edit#build}, from the lists, so they
 * never drift from them; they exist to be queried ("my teams", "my requests", "who needs
 * skill S").
 *
 * <p>
 * The unique index on {@code (_id, version)} is redundant on a real MongoDB but lets the
 * embedded store answer the optimistic-locking filter {@code {_id, version}} of every
 * team write from an index (it uses an index only when a query names exactly its fields;
 * docs/benchmarks.md, "Measurements behind design choices").
 *
 * @param proposerId the proposal's proposing user, if any: the first lead
 * @param lateMembersAllowed an organizer allowed new members although the proposal is
 * WITHDRAWN or the hackathon is past JUDGING
 * @param openSkillKeys normalised skills (and role names) of the positions that still
 * have a free seat
 */
@Document("teams")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "hackathon_open_skills", def = "{'hackathonId': 1, 'openSkillKeys': 1}")
@CompoundIndex(name = "hackathon_members", def = "{'hackathonId': 1, 'memberIds': 1}")
public record Team(@Id String id, String hackathonId, @Nullable String proposerId, List<TeamMember> members,
		List<OpenPosition> positions, List<JoinRequest> requests, List<TeamInvitation> invitations,
		@Nullable PartnerAgency partnerAgency, boolean lateMembersAllowed, @Nullable String lateMembersReason,
		@Indexed List<String> memberIds, @Indexed List<String> requesterIds, @Indexed List<String> inviteeIds,
		List<String> openSkillKeys, Instant createdAt, Instant updatedAt, @Version @Nullable Long version) {

	static final String ID_SEPARATOR = "~";

	public Team {
		members = (members != null) ? List.copyOf(members) : List.of();
		positions = (positions != null) ? List.copyOf(positions) : List.of();
		requests = (requests != null) ? List.copyOf(requests) : List.of();
		invitations = (invitations != null) ? List.copyOf(invitations) : List.of();
		memberIds = (memberIds != null) ? List.copyOf(memberIds) : List.of();
		requesterIds = (requesterIds != null) ? List.copyOf(requesterIds) : List.of();
		inviteeIds = (inviteeIds != null) ? List.copyOf(inviteeIds) : List.of();
		openSkillKeys = (openSkillKeys != null) ? List.copyOf(openSkillKeys) : List.of();
	}

	/**
	 * The team a proposal starts with: its proposer as the only member and lead; no
	 * members at all for a proposal without a user proposer (imported from a list) until
	 * an organizer adds a lead. Not stored yet (version null).
	 */
	static Team initial(Proposal proposal, Instant now) {
		List<TeamMember> members = new ArrayList<>();
		if (proposal.proposerId() != null) {
			members.add(new TeamMember(proposal.proposerId(), proposal.proposerName(), TeamRole.LEAD, null, null,
					JoinedVia.PROPOSER, proposal.createdAt()));
		}
		return new Edit(new Team(proposal.id(), proposal.hackathonId(), proposal.proposerId(), members, List.of(),
				List.of(), List.of(), null, false, null, null, null, null, null, now, now, null))
			.build(now);
	}

	/**
	 * The team id a request or invitation id belongs to, or empty for an id this service
	 * did not give out.
	 */
	static Optional<String> teamIdOf(String requestOrInvitationId) {
		int at = (requestOrInvitationId != null) ? requestOrInvitationId.lastIndexOf(ID_SEPARATOR) : -1;
		return (at > 0) ? Optional.of(requestOrInvitationId.substring(0, at)) : Optional.empty();
	}

	String newChildId() {
		return newChildId(this.id);
	}

	/** A new id for a join request or an invitation of the team {@code teamId}. */
	static String newChildId(String teamId) {
		return teamId + ID_SEPARATOR + UUID.randomUUID();
	}

	/**
	 * Whether the team is stored yet (a proposal's team is created on its first change).
	 */
	boolean isStored() {
		return this.version != null;
	}

	public int size() {
		return this.members.size();
	}

	public Optional<TeamMember> member(@Nullable String userId) {
		return this.members.stream().filter((m) -> m.userId().equals(userId)).findFirst();
	}

	public boolean isMember(@Nullable String userId) {
		return member(userId).isPresent();
	}

	public boolean isLead(@Nullable String userId) {
		return member(userId).map((m) -> m.role() == TeamRole.LEAD).orElse(false);
	}

	public List<TeamMember> leads() {
		return this.members.stream().filter((m) -> m.role() == TeamRole.LEAD).toList();
	}

	List<String> leadIds() {
		return leads().stream().map(TeamMember::userId).toList();
	}

	Optional<OpenPosition> position(@Nullable String positionId) {
		return this.positions.stream().filter((p) -> p.id().equals(positionId)).findFirst();
	}

	/** Members who fill a position. */
	public int filled(OpenPosition position) {
		return (int) this.members.stream().filter((m) -> position.id().equals(m.positionId())).count();
	}

	/**
	 * Free seats of a position (never negative, even when a lead lowered the count below
	 * the filled seats).
	 */
	public int openings(OpenPosition position) {
		return Math.max(0, position.count() - filled(position));
	}

	Optional<JoinRequest> request(String requestId) {
		return this.requests.stream().filter((r) -> r.id().equals(requestId)).findFirst();
	}

	Optional<JoinRequest> pendingRequestOf(String userId) {
		return this.requests.stream().filter((r) -> r.isPending() && r.userId().equals(userId)).findFirst();
	}

	long pendingRequests() {
		return this.requests.stream().filter(JoinRequest::isPending).count();
	}

	Optional<TeamInvitation> invitation(String invitationId) {
		return this.invitations.stream().filter((i) -> i.id().equals(invitationId)).findFirst();
	}

	Optional<TeamInvitation> pendingInvitationOf(String userId) {
		return this.invitations.stream().filter((i) -> i.isPending() && i.userId().equals(userId)).findFirst();
	}

	/**
	 * Whether a member other than the proposer is in the team: the proposal is then
	 * forming a team.
	 */
	boolean hasMemberBesidesProposer() {
		return this.members.stream().anyMatch((m) -> !m.userId().equals(this.proposerId));
	}

	Edit edit() {
		return new Edit(this);
	}

	/**
	 * A change being made to a team: mutable copies of the lists; {@link #build} makes
	 * the new document with its derived fields recomputed and the version kept (the write
	 * checks it).
	 */
	static final class Edit {

		private final Team base;

		final List<TeamMember> members;

		final List<OpenPosition> positions;

		final List<JoinRequest> requests;

		final List<TeamInvitation> invitations;

		@Nullable PartnerAgency partnerAgency;

		boolean lateMembersAllowed;

		@Nullable String lateMembersReason;

		Edit(Team base) {
			this.base = base;
			this.members = new ArrayList<>(base.members());
			this.positions = new ArrayList<>(base.positions());
			this.requests = new ArrayList<>(base.requests());
			this.invitations = new ArrayList<>(base.invitations());
			this.partnerAgency = base.partnerAgency();
			this.lateMembersAllowed = base.lateMembersAllowed();
			this.lateMembersReason = base.lateMembersReason();
		}

		void replaceMember(String userId, UnaryOperator<TeamMember> change) {
			this.members.replaceAll((m) -> m.userId().equals(userId) ? change.apply(m) : m);
		}

		void replaceRequest(String requestId, UnaryOperator<JoinRequest> change) {
			this.requests.replaceAll((r) -> r.id().equals(requestId) ? change.apply(r) : r);
		}

		void replaceInvitation(String invitationId, UnaryOperator<TeamInvitation> change) {
			this.invitations.replaceAll((i) -> i.id().equals(invitationId) ? change.apply(i) : i);
		}

		Team build(Instant now) {
			Set<String> openSkills = new LinkedHashSet<>();
			Team counting = new Team(this.base.id(), this.base.hackathonId(), this.base.proposerId(), this.members,
					this.positions, this.requests, this.invitations, this.partnerAgency, this.lateMembersAllowed,
					this.lateMembersReason, null, null, null, null, this.base.createdAt(), now, this.base.version());
			for (OpenPosition position : this.positions) {
				if (counting.openings(position) > 0) {
					openSkills.add(Keys.skill(position.skill()));
					openSkills.add(roleKey(position.role()));
				}
			}
			return new Team(this.base.id(), this.base.hackathonId(), this.base.proposerId(), this.members,
					this.positions, this.requests, this.invitations, this.partnerAgency, this.lateMembersAllowed,
					this.lateMembersReason, this.members.stream().map(TeamMember::userId).distinct().toList(),
					this.requests.stream().map(JoinRequest::userId).distinct().toList(),
					this.invitations.stream().map(TeamInvitation::userId).distinct().toList(), List.copyOf(openSkills),
					this.base.createdAt(), now, this.base.version());
		}

	}

	/** A role as a skill to search for: {@code DOMAIN_EXPERT} → {@code domain expert}. */
	static String roleKey(TeamRole role) {
		return Keys.skill(role.name().replace('_', ' ').toLowerCase(Locale.ROOT));
	}

}
