package org.hacktrail.platform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVStore;

/**
 * The embedded store's file beside a benchmark's figures (file size next to every store
 * figure): its size after the run, the largest it was during the run (sampled four times
 * a second), and the size of a freshly compacted copy of the same data, which is what the
 * file should stay within three times of.
 */
public final class StoreFileFigures implements AutoCloseable {

	private final Path file;

	private final AtomicLong peak = new AtomicLong();

	private final Thread sampler;

	private volatile boolean running = true;

	private long settled = -1;

	private long settledAfterMillis;

	private StoreFileFigures(Path file) {
		this.file = file;
		this.sampler = new Thread(this::sample, "store-file-figures");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/** Starts watching the store file of a data folder ({@code hacktrail.mv.db}). */
	public static StoreFileFigures watch(Path dataDir) {
		return new StoreFileFigures(dataDir.resolve("hacktrail.mv.db"));
	}

	private void sample() {
		while (this.running) {
			try {
				if (Files.exists(this.file)) {
					this.peak.accumulateAndGet(Files.size(this.file), Math::max);
				}
				Thread.sleep(250);
			}
			catch (IOException ex) {
				// The file is being replaced or deleted; the next sample tells.
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * Call after the workload, with the service still running and idle: waits until the
	 * file has not changed for five seconds (idle housekeeping has done what it does), at
	 * most {@code max}, and keeps that size, which is what an operator's running service
	 * holds after such a workload.
	 */
	public void settle(Duration max) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + max.toNanos();
		long last = -1;
		long unchangedSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			long size = sizeOrZero();
			if (size != last) {
				last = size;
				unchangedSince = System.nanoTime();
			}
			else if (System.nanoTime() - unchangedSince >= 5_000_000_000L) {
				break;
			}
			Thread.sleep(250);
		}
		this.settled = sizeOrZero();
		this.settledAfterMillis = (System.nanoTime() - started) / 1_000_000;
	}

	private long sizeOrZero() {
		try {
			return Files.exists(this.file) ? Files.size(this.file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Sizes in bytes; {@code settled} is -1 when {@link #settle} was not called.
	 */
	public record Sizes(long after, long peak, long compacted, long settled, long settledAfterMillis) {

		public double settledRatio() {
			return (double) this.settled / Math.max(1, this.compacted);
		}

		public double afterRatio() {
			return (double) this.after / Math.max(1, this.compacted);
		}

		public double peakRatio() {
			return (double) this.peak / Math.max(1, this.compacted);
		}

		@Override
		public String toString() {
			if (this.settled >= 0) {
				return String.format(Locale.ROOT,
						"store file: %.1f MB once idle after the run (settled in %.1f s; %.2fx), %.1f MB after closing "
								+ "(peak %.1f MB during the run); a compacted copy of the same data %.1f MB: after "
								+ "closing %.2fx, peak %.2fx",
						this.settled / 1e6, this.settledAfterMillis / 1e3, settledRatio(), this.after / 1e6,
						this.peak / 1e6, this.compacted / 1e6, afterRatio(), peakRatio());
			}
			return String.format(Locale.ROOT,
					"store file: %.1f MB after the run (peak %.1f MB during it); a compacted copy of the same data %.1f MB: "
							+ "after %.2fx, peak %.2fx",
					this.after / 1e6, this.peak / 1e6, this.compacted / 1e6, afterRatio(), peakRatio());
		}

	}

	/**
	 * Call once the store is closed: stops sampling and compacts a copy of the file to
	 * compare with.
	 */
	public Sizes measure() {
		close();
		try {
			long after = Files.size(this.file);
			this.peak.accumulateAndGet(after, Math::max);
			Path copy = Files.createTempFile("compacted", ".mv.db");
			try {
				Files.delete(copy);
				MVStore.compact(this.file.toString(), copy.toString(), false, null);
				return new Sizes(after, this.peak.get(), Files.size(copy), this.settled, this.settledAfterMillis);
			}
			finally {
				Files.deleteIfExists(copy);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
	}

}
