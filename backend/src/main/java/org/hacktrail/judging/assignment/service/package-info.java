/**
 * Assignment on the store: {@link AssignmentService} runs the plain-Java
 * {@link org.hacktrail.judging.assignment.JudgeAssigner} on a round's candidates, judges
 * and conflicts and stores the plan (one {@link JudgeWork} per judge, the round's
 * {@code JudgingPlan}), then moves work locally when a judge is dropped or a conflict
 * found; {@code AssignmentController} is its GraphQL. A package of its own below the
 * algorithm's so that the algorithm stays free of Spring and the store, while the round
 * (whose rules take the algorithm's defaults) sits between the two.
 */
@NullMarked
package org.hacktrail.judging.assignment.service;

import org.jspecify.annotations.NullMarked;
