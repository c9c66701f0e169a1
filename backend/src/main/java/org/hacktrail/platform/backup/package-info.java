/**
 * Backup and restore of the store as MongoDB Extended JSON ({@code scripts/backup},
 * {@code scripts/restore}).
 */
@NullMarked
package org.hacktrail.platform.backup;

import org.jspecify.annotations.NullMarked;
