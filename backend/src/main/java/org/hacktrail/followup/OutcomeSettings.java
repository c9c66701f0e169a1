package org.hacktrail.followup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hacktrail.outcomes.*}: where import files live and how the import job works
 * through them.
 *
 * @param importDir the only folder {@code outcomeImport} reads files from (uploads are
 * stored here too); a {@code file} parameter naming a path elsewhere is refused
 * @param importChunkSize rows per chunk: one read, one bulk write and one checkpoint each
 * @param yearlyFollowUp after the 24-month checkpoint, ask once a year while a project is
 * in public service or its team active ({@code followUpDue}, {@link FollowUpCheckpoints})
 */
@ConfigurationProperties("hacktrail.outcomes")
public record OutcomeSettings(@DefaultValue("./data/imports") Path importDir, @DefaultValue("500") int importChunkSize,
		@DefaultValue("true") boolean yearlyFollowUp) {
}
