/**
 * Judging demo data for {@code scripts/run --demo} (profile {@code demo}): a panel, a
 * rubric, a seeded assignment and scores on the demo hackathon; a published expo round; a
 * past community edition with published rubric results — made through the services of the
 * other judging packages. Nothing depends on it.
 */
@NullMarked
package org.hacktrail.judging.demo;

import org.jspecify.annotations.NullMarked;
