/**
 * Spring Batch on MongoDB: the job repository, one-at-a-time launching, schedules, and
 * job status over GraphQL. The jobs themselves live with their features (e.g.
 * {@code followup}).
 */
@NullMarked
package org.hacktrail.platform.batch;

import org.jspecify.annotations.NullMarked;
