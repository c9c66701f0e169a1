/**
 * Team formation: one team per proposal (members with roles, open positions, join
 * requests, invitations, a government partner agency) kept in ONE document, so that every
 * rule that spans members and seats is checked and written atomically (optimistic
 * locking, the whole decision retried on a concurrent change: {@link TeamChanges}). The
 * one-team rule of competitions spans teams and lives in {@link HackathonMemberships}.
 * One-use invitation links are documents of their own, found by their token's hash
 * ({@link TeamInviteLinkService}).
 *
 * <p>
 * Reading: {@link TeamQueries} (and who may see what, {@link TeamPolicy}). Changing, one
 * class per feature: {@link TeamPositions}, {@link JoinRequests},
 * {@link TeamInvitations}, {@link TeamInviteLinkJoins}, {@link TeamMembers},
 * {@link TeamSettings}; the rules they share are {@link TeamRules}, joining and leaving
 * with the one-team locks is {@link TeamMembership}, and after each change
 * {@link TeamProposalSync} brings the proposal in line and {@link TeamNotifications}
 * tells the people concerned. The {@code teams} collection is read and written only
 * through {@link TeamStore}.
 */
@NullMarked
package org.hacktrail.team;

import org.jspecify.annotations.NullMarked;
