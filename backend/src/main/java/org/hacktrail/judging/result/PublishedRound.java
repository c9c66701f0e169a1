package org.hacktrail.judging.result;

import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.expo.ExpoEvidence;
import org.hacktrail.judging.ranking.PublicVote;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.judging.ranking.service.RankingService;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.judging.round.VoteMode;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The frozen results of a published round (id: the round's id): exactly the ranking
 * input, the ranking and the selection as they were published. The open data is built
 * from it, so a later change anywhere (a judge's sector, a sheet, a conflict) never
 * changes published results. It holds no user ids: judges appear under their pseudonyms.
 *
 * @param name the round's name when published
 * @param cut N
 * @param proposalIds the round's proposals
 * @param sheets every counted sheet (submitted, in the plan, no active conflict),
 * pseudonymous
 * @param vote the public vote, if the round had one
 * @param inputFingerprint SHA-256 of the ranking input
 * @param expo a PAIRWISE round's comparisons, skips, judges and the method's own result
 * (null for a RUBRIC round); its ranking is also in {@code ranking}, in the shape every
 * round's ranking has ({@link PairwiseRankings})
 */
@Document("published_results")
public record PublishedRound(@Id String id, @Indexed String hackathonId, LocalizedText name, RoundKind kind,
		RoundConfig config, int cut, List<String> proposalIds, List<SubmittedSheet> sheets, @Nullable Vote vote,
		RankingResult ranking, Selection selection, String inputFingerprint, @Nullable ExpoEvidence expo) {

	@PersistenceCreator
	public PublishedRound {
	}

	/** A RUBRIC round's snapshot. */
	public PublishedRound(String id, String hackathonId, LocalizedText name, RoundKind kind, RoundConfig config,
			int cut, List<String> proposalIds, List<SubmittedSheet> sheets, @Nullable Vote vote, RankingResult ranking,
			Selection selection, String inputFingerprint) {
		this(id, hackathonId, name, kind, config, cut, proposalIds, sheets, vote, ranking, selection, inputFingerprint,
				null);
	}

	/**
	 * The public vote of a published round: totals per proposal and how many ballots were
	 * cast.
	 */
	public record Vote(VoteMode mode, double weight, int credits, int ballots, Map<String, Double> totals) {

		/** The vote of a computed ranking, or null when the round has none. */
		static @Nullable Vote of(RankingService.Computed computed) {
			PublicVote vote = computed.input().publicVote();
			RoundConfig config = computed.round().config();
			return (vote != null) ? new Vote(config.voteMode(), config.voteWeight(), config.voteCredits(),
					computed.ballots(), vote.totals()) : null;
		}

	}

}
