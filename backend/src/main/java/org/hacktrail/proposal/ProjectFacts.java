package org.hacktrail.proposal;

import java.util.Iterator;

import org.jspecify.annotations.Nullable;

/**
 * What other modules read about every project (the follow-up jobs), as values rather than
 * the stored document. Implemented in this module ({@link ProjectFactsReader}), so that
 * only this module names the fields of {@code projects}; declared by the owner for the
 * reason given on {@link ProposalFacts}. One project at a time, or many with their names,
 * is {@link ProjectService}'s.
 */
public interface ProjectFacts {

	/** A project as a scan hands it on. */
	record Listing(String id, @Nullable String repositoryUrl) {
	}

	/**
	 * Every project in id order, read a bucket of at most {@code limit} at a time as the
	 * iterator is advanced (memory: one bucket).
	 * @param after read only ids after this one (a restart); null: from the start
	 */
	Iterator<Listing> inIdOrder(@Nullable String after, int limit);

	/** Whether a project with this id exists (one lookup by {@code _id}). */
	boolean exists(String projectId);

	/** Projects stored, as the store estimates them without reading them. */
	long estimatedCount();

}
