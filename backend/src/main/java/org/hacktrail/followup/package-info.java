/**
 * Follow-up after the event: the outcome trail of each project (dated, evidenced,
 * verified milestones and the project state derived from them), followers, follow-up
 * requests, the batch jobs that keep the trail current (outcome import, follow-up due,
 * activity check, statistics roll-up), adoption statistics and the open-data export.
 */
@NullMarked
package org.hacktrail.followup;

import org.jspecify.annotations.NullMarked;
