package org.hacktrail.judging.assignment.service;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The proposals one judge is assigned in one plan. Its id is {@code planId:userId}: the
 * judge panel finds it by id from the round's current plan. Written before the plan
 * becomes current and never changed afterwards.
 */
@Document("judge_assignments")
public record JudgeWork(String planId, String roundId, String userId, List<String> proposalIds, @Id String id) {

	public JudgeWork {
		proposalIds = List.copyOf(proposalIds);
	}

	public static String idOf(String planId, String userId) {
		return planId + ":" + userId;
	}

	public static JudgeWork of(String planId, String roundId, String userId, List<String> proposalIds) {
		return new JudgeWork(planId, roundId, userId, proposalIds, idOf(planId, userId));
	}

}
