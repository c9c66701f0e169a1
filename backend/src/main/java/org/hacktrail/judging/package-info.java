/**
 * Judging: panels, conflicts of interest, assignment, score sheets, ranking and
 * selection.
 *
 * <p>
 * This base package is the small API the sub-packages share (sectors, the seeded random
 * numbers of both methods, the {@link ProposalAffiliations} extension point, GraphQL
 * helpers) and depends on none of them. The methods, {@code ranking}, {@code assignment}
 * and {@code pairwise} (expo judging), are plain Java (no Spring, no database) so that
 * they can be read, tested and recomputed on their own; {@code ranking.service} and
 * {@code assignment.service} run them on the store. {@code panel}, {@code round},
 * {@code sheet}, {@code vote} and {@code result} follow the judging process; {@code demo}
 * loads demo data. {@code JudgingPackagesTests} holds these rules: no cycle between the
 * packages, nothing in this package uses a sub-package, the methods use nothing but the
 * JDK and this package.
 */
@NullMarked
package org.hacktrail.judging;

import org.jspecify.annotations.NullMarked;
