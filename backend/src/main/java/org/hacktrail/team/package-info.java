/**
 * Team formation: one team per proposal (members with roles, open positions, join
 * requests, invitations, a government partner agency) kept in ONE document, so that every
 * rule that spans members and seats is checked and written atomically (optimistic
 * locking, the whole decision retried on a concurrent change). The one-team rule of
 * competitions spans teams and lives in {@link org.hacktrail.team.HackathonMemberships}.
 * One-use invitation links are documents of their own, found by their token's hash
 * ({@link org.hacktrail.team.TeamInviteLinkService}).
 */
@NullMarked
package org.hacktrail.team;

import org.jspecify.annotations.NullMarked;
