/**
 * Judging rounds: the rubric and rules of a hackathon round (criteria, k, sector mix,
 * loads, sector weights, normalisation, public vote, cut, candidates), its status (DRAFT
 * → OPEN → CLOSED → PUBLISHED) and its assignment plan, stored so that no step needs a
 * multi-document transaction.
 */
@NullMarked
package org.hacktrail.judging.round;

import org.jspecify.annotations.NullMarked;
