package org.hacktrail.team;

/**
 * An invitation together with its team, as returned by mutations and "my invitations".
 */
record TeamInvite(Team team, TeamInvitation invitation) {
}
