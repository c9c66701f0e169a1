package org.hacktrail.judging.ranking;

import java.util.Arrays;

import org.hacktrail.judging.Sector;

/**
 * Method 2's evidence (docs/judging-method.md, M1): per ranked proposal (in id order) its
 * coverage, whether that is sufficient, and the sorted tie keys of the proposals that
 * have sufficient evidence, for their ranks among themselves (M4).
 *
 * @param coverage per ranked proposal, its {@link EvidenceCoverage}
 * @param sufficient per ranked proposal, {@code coverage[i].sufficient()}
 * @param sufficientKeys the tie keys of the proposals with sufficient evidence, ascending
 */
record SufficientEvidence(EvidenceCoverage[] coverage, boolean[] sufficient, long[] sufficientKeys) {

	private static final int G = Sector.values().length;

	/**
	 * @param rankedIndex the proposal index of each ranked proposal
	 * @param groupCount sheets per proposal × sector, at {@code p * G + g}
	 * @param keys the tie key of each ranked proposal
	 */
	static SufficientEvidence of(EvidenceRule rule, int[] rankedIndex, int[] groupCount, long[] keys) {
		EvidenceCoverage[] coverage = new EvidenceCoverage[rankedIndex.length];
		boolean[] sufficient = new boolean[rankedIndex.length];
		int sufficientCount = 0;
		for (int i = 0; i < rankedIndex.length; i++) {
			coverage[i] = EvidenceCoverage.of(rule,
					Arrays.copyOfRange(groupCount, rankedIndex[i] * G, rankedIndex[i] * G + G));
			sufficient[i] = coverage[i].sufficient();
			sufficientCount += sufficient[i] ? 1 : 0;
		}
		long[] sufficientKeys = new long[sufficientCount];
		int next = 0;
		for (int i = 0; i < rankedIndex.length; i++) {
			if (sufficient[i]) {
				sufficientKeys[next++] = keys[i];
			}
		}
		Arrays.sort(sufficientKeys);
		return new SufficientEvidence(coverage, sufficient, sufficientKeys);
	}

	/**
	 * 1 + the number of proposals with sufficient evidence and a strictly greater key.
	 */
	int rankAmongSufficient(long key) {
		return 1 + (this.sufficientKeys.length - RubricRanking.upperBound(this.sufficientKeys, key));
	}

}
