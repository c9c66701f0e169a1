package org.hacktrail.platform.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.unit.DataSize;

/**
 * The free space of the file system holding the embedded store, against the floor below
 * which writes are refused ({@link EmbeddedStoreProperties#freeSpaceFloor}). Writes
 * resume once free space is back above the floor plus a margin, so that a file system
 * hovering at the floor does not switch writes on and off every few seconds.
 */
final class DiskSpace {

	/**
	 * Free space needed above the floor before writes resume: 1 % of the file system, at
	 * least 16 MB.
	 */
	static long resumeMargin(long totalBytes) {
		return Math.max(16L * 1024 * 1024, totalBytes / 100);
	}

	/**
	 * One reading.
	 *
	 * @param usable bytes this process may still write
	 * @param total size of the file system
	 * @param floor the floor for this file system
	 */
	record Reading(long usable, long total, long floor) {

		boolean belowFloor() {
			return this.usable < this.floor;
		}

		boolean clearOfFloor() {
			return this.usable >= this.floor + resumeMargin(this.total);
		}

		String describe(Path dir) {
			return DataSize.ofBytes(this.usable).toMegabytes() + " MB free on the file system of "
					+ dir.toAbsolutePath().normalize() + ", below the floor of "
					+ DataSize.ofBytes(this.floor).toMegabytes() + " MB";
		}

	}

	private DiskSpace() {
	}

	static Reading read(EmbeddedStoreProperties properties) throws IOException {
		FileStore fileStore = Files.getFileStore(properties.dataDir());
		long total = fileStore.getTotalSpace();
		return new Reading(fileStore.getUsableSpace(), total, properties.freeSpaceFloor(total));
	}

}
