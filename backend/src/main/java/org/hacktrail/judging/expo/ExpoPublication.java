package org.hacktrail.judging.expo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.Comparison;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.PairwiseRanking;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.pairwise.SectorPairwiseInput;
import org.hacktrail.judging.pairwise.SectorPairwiseResult;
import org.hacktrail.judging.pairwise.SectorRanking;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.ranking.service.Pseudonyms;
import org.hacktrail.judging.round.ExpoTables;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A PAIRWISE round's ranking as it is selected on and published: computed from the stored
 * answers like the organizers' {@link ExpoRankingService#ranking}, but on the
 * pseudonymous input ({@link ExpoEvidence}) — judges under their {@link Pseudonyms},
 * comparisons under ids in canonical order — so what is published is exactly what the
 * published ranking was computed from. The numbers equal the organizers' ranking's: a
 * judge's name changes nothing in the method, and the canonical order is kept.
 *
 * <p>
 * The fingerprint is the SHA-256 of that input in a canonical binary form: a selection
 * remembers it, and publishing refuses a selection made on another one (an answer given
 * since, a parameter changed).
 */
@Service
public class ExpoPublication {

	private final ExpoService expo;

	private final JudgePanelService panel;

	private final Pseudonyms pseudonyms;

	ExpoPublication(ExpoService expo, JudgePanelService panel, Pseudonyms pseudonyms) {
		this.expo = expo;
		this.panel = panel;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * A computed pairwise ranking with what it was computed from.
	 *
	 * @param candidates the round's candidates, in id order
	 * @param input the method's (pseudonymous) input
	 * @param evidence what is published
	 * @param fingerprint SHA-256 of the input
	 * @param cut N
	 */
	public record Computed(List<String> candidates, PairwiseInput input, ExpoEvidence evidence, String fingerprint,
			int cut) {

		public PairwiseResult result() {
			return this.evidence.result();
		}

	}

	/** Computes a PAIRWISE round's ranking for selection and publication. */
	public Computed compute(RoundService.RoundContext context) {
		JudgingRound round = context.judging();
		ExpoService.requirePairwise(round);
		List<String> candidates = ExpoTables.candidates(round);
		int cut = RoundService.cut(context.hackathon(), round);
		List<ExpoVisit> visits = this.expo.visitsOf(round.id());
		PairwiseInput raw = ExpoService.input(round, candidates, visits, cut);
		Map<String, Judge> judges = new HashMap<>();
		this.panel.judgesOf(round.hackathonId()).forEach((j) -> judges.put(j.id(), j));
		Map<String, String> pseudonymOf = new HashMap<>();
		Map<String, ExpoVisit> byClientId = new HashMap<>();
		for (ExpoVisit visit : visits) {
			if (visit.status() == ExpoVisitStatus.COMPARED && visit.clientId() != null) {
				byClientId.put(visit.clientId(), visit);
			}
		}
		boolean bySector = round.config().pairwiseBySector();
		Map<String, Sector> sectorOfClientId = bySector ? ExpoService.sectorsByClientId(visits, judges) : Map.of();
		Map<String, Sector> publishedSectors = new HashMap<>();
		List<ExpoEvidence.PublicComparison> comparisons = new ArrayList<>();
		List<Comparison> published = new ArrayList<>();
		Map<String, int[]> counts = new TreeMap<>();
		int number = 0;
		// Ids of one width, so that their text order is their canonical order.
		String idFormat = "C-%0" + Math.max(6, Integer.toString(raw.comparisons().size()).length()) + "d";
		for (Comparison comparison : raw.comparisons()) {
			ExpoVisit visit = byClientId.get(comparison.comparisonId());
			String judge = pseudonym(round, comparison.judgeId(), judges, pseudonymOf);
			String id = String.format(Locale.ROOT, idFormat, ++number);
			Sector sector = bySector ? sectorOfClientId.get(comparison.comparisonId()) : null;
			if (sector != null) {
				publishedSectors.put(id, sector);
			}
			comparisons.add(new ExpoEvidence.PublicComparison(id, judge, visit.proposalId(), visit.previousProposalId(),
					comparison.winnerId(), comparison.loserId(), visit.answeredAt(), comparison.sequence(), sector));
			published
				.add(new Comparison(id, judge, comparison.winnerId(), comparison.loserId(), comparison.sequence()));
			counts.computeIfAbsent(judge, (k) -> new int[2])[0]++;
		}
		List<ExpoEvidence.PublicSkip> skips = new ArrayList<>();
		int firstVisits = 0;
		for (ExpoVisit visit : visits) {
			if (visit.status() == ExpoVisitStatus.SKIPPED) {
				String judge = pseudonym(round, visit.judgeId(), judges, pseudonymOf);
				skips.add(new ExpoEvidence.PublicSkip(judge, visit.proposalId(),
						(visit.skipReason() != null) ? visit.skipReason() : ExpoSkipReason.ABSENT, visit.answeredAt()));
				counts.computeIfAbsent(judge, (k) -> new int[2])[1]++;
			}
			else if (visit.status() == ExpoVisitStatus.VISITED) {
				firstVisits++;
			}
		}
		skips.sort(
				Comparator.comparing((ExpoEvidence.PublicSkip s) -> (s.at() != null) ? s.at() : java.time.Instant.EPOCH)
					.thenComparing(ExpoEvidence.PublicSkip::judge)
					.thenComparing(ExpoEvidence.PublicSkip::proposal));
		Map<String, Sector> sectorOf = new HashMap<>();
		judges.values().forEach((j) -> sectorOf.put(pseudonym(round, j.id(), judges, pseudonymOf), j.sector()));
		List<ExpoEvidence.PublicJudge> judgeList = new ArrayList<>();
		counts.forEach((judge, count) -> judgeList
			.add(new ExpoEvidence.PublicJudge(judge, sectorOf.get(judge), count[0], count[1])));
		PairwiseInput input = new PairwiseInput(candidates, published, raw.priors(), raw.outstandingQuota(),
				raw.minimumComparisons(), raw.bootstrapReplicates(), raw.seed());
		if (!bySector) {
			PairwiseResult result = PairwiseRanking.rank(input);
			ExpoEvidence evidence = new ExpoEvidence(input.priors(), input.minimumComparisons(),
					round.config().expoTables(), judgeList, comparisons, skips, firstVisits, result);
			return new Computed(candidates, input, evidence, fingerprint(input), cut);
		}
		SectorPairwiseInput sectorInput = new SectorPairwiseInput(input, publishedSectors,
				round.config().sectorWeights());
		SectorPairwiseResult sectors = SectorRanking.rank(sectorInput);
		ExpoEvidence evidence = new ExpoEvidence(input.priors(), input.minimumComparisons(),
				round.config().expoTables(), judgeList, comparisons, skips, firstVisits, sectors.combined(), sectors,
				sectorInput.weights());
		return new Computed(candidates, input, evidence, fingerprint(sectorInput), cut);
	}

	private String pseudonym(JudgingRound round, String judgeId, Map<String, Judge> judges,
			Map<String, String> pseudonymOf) {
		return pseudonymOf.computeIfAbsent(judgeId, (id) -> {
			Judge judge = judges.get(id);
			String prefix = round.hackathonId() + ":";
			String userId = (judge != null) ? judge.userId()
					: id.startsWith(prefix) ? id.substring(prefix.length()) : id;
			return this.pseudonyms.of(round.hackathonId(), userId);
		});
	}

	/**
	 * SHA-256 of the input: the encoding's name, candidates, comparisons (id, judge,
	 * winner, loser, sequence), the priors' exact bits, m, N, B and the seed; strings as
	 * an int length and UTF-8, numbers big-endian. {@link PairwiseInput} puts everything
	 * in canonical order, so equal inputs have equal fingerprints.
	 */
	static String fingerprint(PairwiseInput input) {
		return fingerprint(input, null);
	}

	/**
	 * SHA-256 of a hacktrail-pairwise-2 input: as {@link #fingerprint(PairwiseInput)}
	 * with that method's name, then each comparison's sector name in canonical order and
	 * the sector weights' bits in sector order.
	 */
	static String fingerprint(SectorPairwiseInput input) {
		return fingerprint(input.pairwise(), input);
	}

	private static String fingerprint(PairwiseInput input, @Nullable SectorPairwiseInput sectors) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
			string(digest, number,
					(sectors != null) ? SectorRanking.ALGORITHM_VERSION : PairwiseRanking.ALGORITHM_VERSION);
			integer(digest, number, input.candidateIds().size());
			input.candidateIds().forEach((c) -> string(digest, number, c));
			integer(digest, number, input.comparisons().size());
			for (Comparison c : input.comparisons()) {
				string(digest, number, c.comparisonId());
				string(digest, number, c.judgeId());
				string(digest, number, c.winnerId());
				string(digest, number, c.loserId());
				longValue(digest, number, c.sequence());
			}
			PairwisePriors p = input.priors();
			for (double value : new double[] { p.mu(), p.sigmaSquared(), p.alpha(), p.beta(), p.kappa(), p.gamma() }) {
				longValue(digest, number, Double.doubleToLongBits(value));
			}
			integer(digest, number, input.minimumComparisons());
			integer(digest, number, input.outstandingQuota());
			integer(digest, number, input.bootstrapReplicates());
			longValue(digest, number, input.seed());
			if (sectors != null) {
				for (Comparison c : input.comparisons()) {
					string(digest, number, sectors.sectors().get(c.comparisonId()).name());
				}
				for (Sector sector : Sector.values()) {
					longValue(digest, number, Double.doubleToLongBits(sectors.weight(sector)));
				}
			}
			return java.util.HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void string(MessageDigest digest, ByteBuffer number, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		integer(digest, number, bytes.length);
		digest.update(bytes);
	}

	private static void integer(MessageDigest digest, ByteBuffer number, int value) {
		number.clear();
		number.putInt(value);
		digest.update(number.array(), 0, Integer.BYTES);
	}

	private static void longValue(MessageDigest digest, ByteBuffer number, long value) {
		number.clear();
		number.putLong(value);
		digest.update(number.array(), 0, Long.BYTES);
	}

}
