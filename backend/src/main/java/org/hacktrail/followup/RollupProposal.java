package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;

import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.AwardFacts;
import org.jspecify.annotations.Nullable;

/**
 * What the roll-up needs of one proposal: its hackathon, whether it is published, the
 * funnel stages it reached within its hackathon, its issue areas and its project.
 *
 * @param published its hackathon's results are published (or it is in follow-up or
 * archived) and it is no DRAFT
 * @param awards the awards it won: its hackathon's published rounds, and the outstanding
 * track for an OUTSTANDING proposal no published round names (as the open data lists
 * them)
 */
record RollupProposal(String proposalId, String hackathonId, String slug, LocalizedText name, HackathonKind kind,
		int year, LocalDate start, LocalDate end, boolean published, @Nullable String projectId, List<String> areas,
		boolean team, boolean shortlisted, boolean outstanding, boolean notSelected, List<AwardFacts.Award> awards) {

	RollupProposal {
		awards = (awards != null) ? List.copyOf(awards) : List.of();
	}

}
