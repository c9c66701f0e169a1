package org.hacktrail.followup;

import org.jspecify.annotations.Nullable;

/**
 * The import a milestone's content came from: the import that created it, or last changed
 * its content (a re-import with other content). A row a later import carried unchanged
 * keeps the import it came from first; a change by a person (a lead's report, an
 * organizer's record) clears it, since the content is then no longer the file's.
 *
 * <p>
 * "An import" is the Spring Batch job instance, the file as a whole: a run that failed
 * and was restarted (same job instance) is the same import, so a milestone written by the
 * first run and one written after the restart belong to it alike. {@code runId} is the
 * run (job execution) that wrote the milestone, kept for the record.
 *
 * @param importId the job instance id of the {@code outcomeImport} that wrote it
 * @param runId the job execution id of the run that wrote it
 * @param file the file's name in the import folder, as the run's {@code file} parameter
 * gives it
 */
public record MilestoneImport(long importId, long runId, @Nullable String file) {

}
