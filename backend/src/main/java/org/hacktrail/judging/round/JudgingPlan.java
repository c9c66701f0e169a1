package org.hacktrail.judging.round;

import java.time.Instant;
import java.util.List;

import org.hacktrail.judging.assignment.AssignmentProblem;
import org.hacktrail.judging.assignment.JudgeLoad;
import org.hacktrail.platform.MessageArg;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One assignment plan of a round, kept for the record (a new plan never overwrites an old
 * one). The assignments themselves are in one {@code JudgeWork} document per judge, read
 * by id on the judge's hot path.
 *
 * @param proposalIds the proposals of the round when the plan was made
 * @param judgeIds every judge's user id that has a work document in this plan
 * @param loads every judge's load (user ids)
 * @param problems unmet rules, with the reason in words
 * @param reason why the plan was made (assignment, a judge dropped, a conflict), in words
 * (English)
 * @param reasonCode why the plan was made, as a code (null for a plan made before codes)
 * @param reasonArgs the values of the reason's sentence (counts)
 * @param writtenReason what a person wrote about it (why a judge was dropped)
 */
@Document("judging_plans")
public record JudgingPlan(@Id String id, @Indexed String roundId, @Nullable String previousPlanId,
		String algorithmVersion, long seed, List<String> proposalIds, List<String> judgeIds, int assignmentCount,
		List<JudgeLoad> loads, List<AssignmentProblem> problems, int loadSpread, boolean balanced, String reason,
		@Nullable String by, Instant createdAt, @Nullable PlanReason reasonCode, @Nullable List<MessageArg> reasonArgs,
		@Nullable String writtenReason) {

	/** Why a plan was made. */
	public enum PlanReason {

		/** An organizer ran the assignment ({@code proposals}, {@code judges}). */
		ASSIGNMENT,

		/** A judge was dropped: {@code count} proposals moved to other judges. */
		JUDGE_DROPPED,

		/**
		 * A conflict of interest became active: {@code count} proposals moved away from a
		 * judge.
		 */
		CONFLICT

	}

	public JudgingPlan {
		proposalIds = List.copyOf(proposalIds);
		judgeIds = List.copyOf(judgeIds);
		loads = List.copyOf(loads);
		problems = List.copyOf(problems);
	}

}
