package org.hacktrail.team;

/**
 * What a member does in a team. LEAD is also a right: leads manage the team (positions,
 * requests, invitations, members, partner agency).
 */
public enum TeamRole {

	LEAD, DEVELOPER, DESIGNER, DATA, PM, DOMAIN_EXPERT, PUBLIC_SERVANT, OTHER

}
