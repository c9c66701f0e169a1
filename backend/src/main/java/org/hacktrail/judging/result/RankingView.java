package org.hacktrail.judging.result;

import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.Selection;
import org.jspecify.annotations.Nullable;

/**
 * What a caller sees of a round's ranking ({@link PublicationService#ranking}): the
 * published snapshot once the round is PUBLISHED, before that the live ranking
 * (organizers only).
 *
 * @param cut N
 */
public record RankingView(JudgingRound round, boolean published, RankingResult result, int cut,
		@Nullable Selection selection, PublishedRound.@Nullable Vote vote) {
}
