package org.hacktrail.followup;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Who leads a project's team: the people who report its milestones and answer its
 * follow-up requests ({@link TeamProjectLeads}: the LEAD members of the teams of the
 * project's proposals).
 */
public interface ProjectTeamLeads {

	/**
	 * The user ids of each project's leads; a project without known leads maps to an
	 * empty set (or is absent).
	 */
	Map<String, Set<String>> leadsOf(Collection<String> projectIds);

	default Set<String> leadsOf(String projectId) {
		return leadsOf(java.util.List.of(projectId)).getOrDefault(projectId, Set.of());
	}

}
