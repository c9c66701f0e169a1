/**
 * Score sheets: one per judge × proposal × round, saved as drafts under optimistic
 * locking, submitted (then locked), reopened by organizers with a reason, voided by a
 * conflict of interest. Only the judge and organizers see a sheet.
 */
@NullMarked
package org.hacktrail.judging.sheet;

import org.jspecify.annotations.NullMarked;
