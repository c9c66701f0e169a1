package org.hacktrail.followup;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who leads a project's team: the people who report its milestones and answer its
 * follow-up requests. Declared here, by the follow-up feature that asks, and implemented
 * by the teams feature, which owns the teams ({@code team/TeamProjectLeads.java}: the
 * LEAD members of the teams of the project's proposals).
 */
public interface ProjectTeamLeads {

	/**
	 * The user ids of each project's leads; a project without known leads maps to an
	 * empty set (or is absent).
	 */
	Map<String, Set<String>> leadsOf(Collection<String> projectIds);

	default Set<String> leadsOf(String projectId) {
		return leadsOf(List.of(projectId)).getOrDefault(projectId, Set.of());
	}

}
