package org.hacktrail.judging.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hacktrail.judging.Sector;

/**
 * Seeded random rounds for property tests. Scores stay in the middle 60 % of the scale so
 * a test can shift one judge's scores without leaving it.
 */
final class RandomRounds {

	/** Shape of a generated round. */
	record Shape(int minSheetsPerJudge, boolean integerScores, boolean singleCriterion, boolean withVote) {

		static Shape varied() {
			return new Shape(0, false, false, true);
		}

	}

	private RandomRounds() {
	}

	static RankingInput.Builder round(long seed, Shape shape) {
		Random random = new Random(seed);
		double scaleMin = random.nextBoolean() ? 0 : 1;
		double scaleMax = random.nextBoolean() ? 10 : 100;
		int criterionCount = shape.singleCriterion() ? 1 : 1 + random.nextInt(4);
		List<Criterion> criteria = new ArrayList<>();
		for (int c = 0; c < criterionCount; c++) {
			criteria.add(new Criterion("c" + c, 1 + random.nextInt(3), scaleMin, scaleMax));
		}
		Rubric rubric = new Rubric(criteria);
		int proposalCount = 4 + random.nextInt(20);
		int judgeCount = 6 + random.nextInt(9);
		List<String> proposals = new ArrayList<>();
		for (int p = 0; p < proposalCount; p++) {
			proposals.add("P" + p);
		}
		Sector[] sectors = new Sector[judgeCount];
		for (int j = 0; j < judgeCount; j++) {
			int draw = random.nextInt(10);
			sectors[j] = (j == 0) ? Sector.PUBLIC : (j == 1) ? Sector.PRIVATE : (draw < 4) ? Sector.PUBLIC
					: (draw < 8) ? Sector.PRIVATE : (draw < 9) ? Sector.ACADEMIC : Sector.CIVIL_SOCIETY;
		}
		boolean[][] judged = new boolean[judgeCount][proposalCount];
		List<SubmittedSheet> sheets = new ArrayList<>();
		List<Integer> judgeOrder = new ArrayList<>();
		for (int j = 0; j < judgeCount; j++) {
			judgeOrder.add(j);
		}
		for (int p = 0; p < proposalCount; p++) {
			Collections.shuffle(judgeOrder, random);
			int k = 2 + random.nextInt(4);
			for (int t = 0; t < k; t++) {
				judged[judgeOrder.get(t)][p] = true;
			}
		}
		for (int j = 0; j < judgeCount; j++) {
			int count = 0;
			for (int p = 0; p < proposalCount; p++) {
				count += judged[j][p] ? 1 : 0;
			}
			for (int p = 0; count < shape.minSheetsPerJudge() && p < proposalCount; p++) {
				if (!judged[j][p]) {
					judged[j][p] = true;
					count++;
				}
			}
		}
		double low = scaleMin + 0.2 * (scaleMax - scaleMin);
		double high = scaleMax - 0.2 * (scaleMax - scaleMin);
		for (int j = 0; j < judgeCount; j++) {
			// A judge-specific leniency makes normalisation matter.
			double leniency = (random.nextDouble() - 0.5) * 0.2 * (high - low);
			for (int p = 0; p < proposalCount; p++) {
				if (judged[j][p]) {
					Map<String, Double> scores = new LinkedHashMap<>();
					for (Criterion criterion : criteria) {
						double score = low + random.nextDouble() * (high - low) * 0.8 + leniency + 0.1 * (high - low);
						score = Math.max(low, Math.min(high, score));
						scores.put(criterion.id(), shape.integerScores() ? Math.rint(score) : score);
					}
					sheets.add(new SubmittedSheet("J" + j, sectors[j], proposals.get(p), scores));
				}
			}
		}
		Map<Sector, Double> weights = new EnumMap<>(Sector.class);
		weights.put(Sector.PUBLIC, 0.5);
		weights.put(Sector.PRIVATE, 0.5);
		weights.put(Sector.ACADEMIC, random.nextBoolean() ? 0.0 : 0.25);
		PublicVote vote = null;
		if (shape.withVote() && random.nextBoolean()) {
			Map<String, Double> totals = new LinkedHashMap<>();
			for (String proposal : proposals) {
				if (random.nextInt(4) > 0) {
					totals.put(proposal, (double) random.nextInt(50));
				}
			}
			vote = new PublicVote(totals, 0.25 + random.nextInt(3) * 0.25);
		}
		return RankingInput.builder(rubric, random.nextLong())
			.proposals(proposals)
			.sheets(sheets)
			.sectorWeights(weights)
			.publicVote(vote)
			.outstandingQuota(1 + random.nextInt(5))
			.bootstrapReplicates(200);
	}

	/**
	 * The same input keeping only each proposal's first sheet (in judge id order) of
	 * every sector: no proposal has two sheets of one sector.
	 */
	static RankingInput oneSheetPerSector(RankingInput input) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		List<SubmittedSheet> kept = new ArrayList<>();
		for (SubmittedSheet sheet : input.sheets()) {
			if (seen.add(sheet.proposalId() + '\u0000' + sheet.sector())) {
				kept.add(sheet);
			}
		}
		return new RankingInput(input.rubric(), input.proposalIds(), kept, input.sectorWeights(), input.normalise(),
				input.publicVote(), input.outstandingQuota(), input.bootstrapReplicates(), input.seed(), input.method(),
				input.evidenceRule());
	}

	/**
	 * The same input with every collection in a new random order, rebuilt from scratch.
	 */
	static RankingInput shuffled(RankingInput input, long seed) {
		Random random = new Random(seed);
		List<Criterion> criteria = new ArrayList<>(input.rubric().criteria());
		Collections.shuffle(criteria, random);
		List<String> proposals = new ArrayList<>(input.proposalIds());
		Collections.shuffle(proposals, random);
		List<SubmittedSheet> sheets = new ArrayList<>();
		for (SubmittedSheet sheet : input.sheets()) {
			List<String> keys = new ArrayList<>(sheet.scores().keySet());
			Collections.shuffle(keys, random);
			Map<String, Double> scores = new LinkedHashMap<>();
			keys.forEach((key) -> scores.put(key, sheet.scores().get(key)));
			sheets.add(new SubmittedSheet(sheet.judgeId(), sheet.sector(), sheet.proposalId(), scores));
		}
		Collections.shuffle(sheets, random);
		List<Sector> sectors = new ArrayList<>(input.sectorWeights().keySet());
		Collections.shuffle(sectors, random);
		Map<Sector, Double> weights = new LinkedHashMap<>();
		sectors.forEach((sector) -> weights.put(sector, input.sectorWeights().get(sector)));
		PublicVote original = input.publicVote();
		PublicVote vote = null;
		if (original != null) {
			List<String> voted = new ArrayList<>(original.totals().keySet());
			Collections.shuffle(voted, random);
			Map<String, Double> totals = new LinkedHashMap<>();
			voted.forEach((proposal) -> totals.put(proposal, original.totals().get(proposal)));
			vote = new PublicVote(totals, original.weight());
		}
		return new RankingInput(new Rubric(criteria), proposals, sheets, weights, input.normalise(), vote,
				input.outstandingQuota(), input.bootstrapReplicates(), input.seed(), input.method(),
				input.evidenceRule());
	}

}
