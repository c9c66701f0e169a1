/**
 * Award tracks (prize tracks): the awards of a hackathon — the outstanding teams, a
 * sponsor's award, an agency's award, "best use of open data" — each with its names in
 * both languages, its quota, which proposals are eligible (all, by tag or chosen) and who
 * gives it. A judged round feeds one or more tracks ({@link RoundAwards}); the round's
 * selection and publication work per track ({@code judging.result}). Every hackathon has
 * the default track {@value AwardTrack#OUTSTANDING}, the outstanding-team selection of a
 * FINAL round, so that results published before tracks existed keep their meaning.
 */
@NullMarked
package org.hacktrail.judging.award;

import org.jspecify.annotations.NullMarked;
