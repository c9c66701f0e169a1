package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;

import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * What the roll-up needs of one proposal: its hackathon, whether it is published, the
 * funnel stages it reached within its hackathon, its issue areas and its project.
 *
 * @param published its hackathon's results are published (or it is in follow-up or
 * archived) and it is no DRAFT
 */
record RollupProposal(String proposalId, String hackathonId, String slug, LocalizedText name, HackathonKind kind,
		int year, LocalDate start, LocalDate end, boolean published, @Nullable String projectId, List<String> areas,
		boolean team, boolean shortlisted, boolean outstanding, boolean notSelected) {
}
