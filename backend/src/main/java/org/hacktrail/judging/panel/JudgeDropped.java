package org.hacktrail.judging.panel;

import org.jspecify.annotations.Nullable;

/**
 * An organizer dropped a judge from a hackathon's panel: what {@link DroppedJudgeWork}
 * settles in every round that is not published.
 *
 * @param voidSubmittedSheets the organizer voids the judge's submitted sheets (their
 * proposals then go to other judges where the round is still scored); otherwise they are
 * kept and count
 * @param voidReason why they are voided (a {@code WrittenReason}); null when they are
 * kept
 */
public record JudgeDropped(String hackathonId, String judgeUserId, String reason, String by,
		boolean voidSubmittedSheets, @Nullable String voidReason) {
}
