package org.hacktrail.team;

/**
 * A join request together with its team, as returned by mutations and "my requests".
 */
record TeamRequest(Team team, JoinRequest request) {
}
