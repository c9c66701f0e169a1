/**
 * Judging: panels, conflicts of interest, assignment, score sheets, ranking and
 * selection. The sub-packages {@code ranking} and {@code assignment} are plain Java (no
 * Spring, no database) so that the method can be read, tested and recomputed on its own.
 */
@NullMarked
package org.hacktrail.judging;

import org.jspecify.annotations.NullMarked;
