package org.hacktrail.proposal;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.hacktrail.hackathon.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * What other modules read about many proposals at once (the follow-up jobs, a project's
 * leads, statistics, open data), as values rather than the stored document. Implemented
 * in this module ({@link ProposalFactsReader}), so that only this module names the fields
 * of {@code proposals}.
 *
 * <p>
 * Declared here, by the owner, rather than by a consumer as {@link ProposalTeamFacts} is:
 * the modules reading it already depend on this one (they add fields to {@link Project}),
 * so an interface of theirs implemented here would close a cycle between modules.
 */
public interface ProposalFacts {

	/**
	 * One proposal's facts.
	 *
	 * @param reached every status it has been in, the current one included
	 * @param normalizedTitle its title as matched ({@link Keys#title})
	 * @param proposerId the proposing user; null for a proposal imported from a list
	 * @param teamSize members of its team, as the teams feature last recorded
	 * @param tags its issue areas (tag ids)
	 */
	record Summary(String id, String hackathonId, @Nullable String projectId, ProposalStatus status,
			Set<ProposalStatus> reached, LocalizedText title, String normalizedTitle, @Nullable String proposerId,
			String proposerName, int teamSize, List<String> tags) {
	}

	/**
	 * The proposals linked to these projects, in one query (on {@code projectId}, which
	 * the embedded store answers by scanning proposals: ask for many projects at once).
	 */
	List<Summary> ofProjects(Collection<String> projectIds);

	/** The proposals of one hackathon, in one query. */
	List<Summary> ofHackathon(String hackathonId);

	/**
	 * Every proposal in id order, read a bucket of at most {@code limit} at a time as the
	 * iterator is advanced (memory: one bucket).
	 */
	Iterator<Summary> inIdOrder(int limit);

	/** Proposals stored, as the store estimates them without reading them (progress). */
	long estimatedCount();

}
