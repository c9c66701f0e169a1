/**
 * Expo (pairwise) judging as plain Java: the ranking method {@code hacktrail-pairwise-1}
 * (Bradley–Terry with judge reliability, estimated online by Crowd-BT's moment matching
 * as in Gavel), its seeded uncertainty, and the choice of the next project a judge
 * visits. Entry points {@link PairwiseRanking#rank}, {@link PairwiseRanking#estimate} and
 * {@link NextProject#choose}; the method is written out in
 * {@code docs/judging-method-pairwise.md} so the public can recompute it.
 */
@NullMarked
package org.hacktrail.judging.pairwise;

import org.jspecify.annotations.NullMarked;
