package org.hacktrail.followup;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Who leads a project's team: the people who report its milestones and answer its follow-up requests. A hook for
 * the teams feature: until teams exist, {@link ProposerTeamLeads} takes the proposers of the project's proposals;
 * with teams, the LEAD members of the project's teams are the leads.
 */
public interface ProjectTeamLeads {

	/** The user ids of each project's leads; a project without known leads maps to an empty set (or is absent). */
	Map<String, Set<String>> leadsOf(Collection<String> projectIds);

	default Set<String> leadsOf(String projectId) {
		return leadsOf(java.util.List.of(projectId)).getOrDefault(projectId, Set.of());
	}

}
