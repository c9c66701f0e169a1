/**
 * Judging demo data for {@code scripts/run --demo} (profile {@code demo}): a panel, a
 * rubric, a seeded assignment and scores on the demo hackathon, made through the services
 * of the other judging packages. Nothing depends on it.
 */
@NullMarked
package org.hacktrail.judging.demo;

import org.jspecify.annotations.NullMarked;
