/**
 * The public vote of a round: one ballot per person (SIMPLE or QUADRATIC), editable until
 * the round closes; the totals enter the round's final score as one more weighted group.
 */
@NullMarked
package org.hacktrail.judging.vote;

import org.jspecify.annotations.NullMarked;
