/**
 * Expo judging over the API: judges walk a PAIRWISE round's tables, asking for the next
 * one ({@code hacktrail-pairwise-1}'s choice) and answering "better than the previous
 * one?" or skipping; every answer is stored once, by its client-generated id, with who
 * and when; organizers read the ranking with its uncertainty and the judges' reliability.
 * The method itself is {@code judging.pairwise}.
 */
@NullMarked
package org.hacktrail.judging.expo;

import org.jspecify.annotations.NullMarked;
