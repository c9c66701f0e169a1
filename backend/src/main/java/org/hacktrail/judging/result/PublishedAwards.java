package org.hacktrail.judging.result;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.AwardFacts;
import org.hacktrail.judging.award.AwardTrack;
import org.hacktrail.judging.award.RoundAwards;
import org.hacktrail.judging.award.RoundAwardsService;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The awards of published rounds: the frozen copy written at publication, or, for a round
 * published before award tracks existed, its selection read as the outstanding track (a
 * FINAL round) or no award (a REVIEW round's shortlist).
 */
@Service
class PublishedAwards implements AwardFacts {

	private final MongoTemplate mongo;

	private final RoundAwardsService awards;

	private final RoundService rounds;

	PublishedAwards(MongoTemplate mongo, RoundAwardsService awards, RoundService rounds) {
		this.mongo = mongo;
		this.awards = awards;
		this.rounds = rounds;
	}

	/** The awards of these published rounds of one hackathon, by round id. */
	Map<String, List<RoundAwards.PublishedAward>> of(String hackathonId, Collection<PublishedRound> rounds) {
		Map<String, RoundAwardsService.PublishedSelection> selections = new LinkedHashMap<>();
		rounds.forEach((r) -> selections.put(r.id(),
				new RoundAwardsService.PublishedSelection(r.kind(), r.cut(), r.selection())));
		return selections.isEmpty() ? Map.of() : this.awards.published(hackathonId, selections);
	}

	@Override
	public List<Award> awardsOf(String hackathonId) {
		Set<String> published = new HashSet<>();
		this.rounds.storedRounds(hackathonId)
			.stream()
			.filter((r) -> r.status() == RoundStatus.PUBLISHED)
			.forEach((r) -> published.add(r.id()));
		if (published.isEmpty()) {
			return List.of();
		}
		List<PublishedRound> rounds = new ArrayList<>(
				this.mongo.find(new Query(Criteria.where("_id").in(published)), PublishedRound.class));
		rounds.sort(java.util.Comparator.comparing(PublishedRound::id));
		Map<String, List<RoundAwards.PublishedAward>> byRound = of(hackathonId, rounds);
		List<Award> result = new ArrayList<>();
		for (PublishedRound round : rounds) {
			for (RoundAwards.PublishedAward award : byRound.getOrDefault(round.id(), List.of())) {
				for (String winner : award.winners()) {
					result.add(new Award(winner, award.trackId(), award.slug(), award.name().zhTW(), award.name().en(),
							award.sponsor(), AwardTrack.OUTSTANDING.equals(award.slug())));
				}
			}
		}
		return result;
	}

}
