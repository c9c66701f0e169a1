/**
 * Spring Batch on MongoDB: the job repository, one-at-a-time launching, schedules, and
 * job status over GraphQL. The jobs themselves live with their features (e.g.
 * {@code followup}).
 *
 * <p>
 * A named interface of the platform module: running jobs, and reading collections with
 * bounded memory, for the modules that own batch jobs.
 */
@NullMarked
@NamedInterface("batch")
package org.hacktrail.platform.batch;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
