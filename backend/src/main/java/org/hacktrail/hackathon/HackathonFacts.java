package org.hacktrail.hackathon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What other modules read about many hackathons at once (the follow-up jobs, statistics,
 * open data): names, phase and dates as values, not the stored document. Implemented in
 * this module ({@link HackathonFactsReader}), so that only this module names the fields
 * of {@code hackathons}.
 *
 * <p>
 * Declared here, by the owner, rather than by a consumer as
 * {@code proposal.ProposalTeamFacts} is: the modules reading it already depend on this
 * one (they show {@link Hackathon}s), so an interface of theirs implemented here would
 * close a cycle between modules.
 */
public interface HackathonFacts {

	/**
	 * One hackathon's facts.
	 *
	 * @param startsAt when it starts (to order hackathons by)
	 * @param firstDay the day it starts, in its time zone
	 * @param lastDay the day it ends, in its time zone
	 */
	record Edition(String id, String slug, LocalizedText name, HackathonKind kind, HackathonPhase phase,
			Instant startsAt, LocalDate firstDay, LocalDate lastDay) {
	}

	/**
	 * The hackathons with these ids, by id, in one round trip; unknown ids are absent.
	 */
	Map<String, Edition> byIds(Collection<String> ids);

	/** The hackathon with this slug, whoever asks (no visibility rule is applied). */
	Optional<Edition> bySlug(String slug);

	/**
	 * Every hackathon in id order, read a bucket of at most {@code limit} at a time as
	 * the iterator is advanced (memory: one bucket).
	 * @param from the first id wanted (a restart); null: from the start
	 */
	Iterator<Edition> inIdOrder(@Nullable String from, int limit);

}
