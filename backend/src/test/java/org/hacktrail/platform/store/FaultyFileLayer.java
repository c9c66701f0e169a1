package org.hacktrail.platform.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.SFChunk;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's own file layer, except that while {@link #failing} every write to the file fails
 * as a full or broken disk makes it fail (an {@code IOException} under MVStore), and
 * opening the file for writing fails too. Reading works.
 */
final class FaultyFileLayer implements StoreFile.FileLayer {

	volatile boolean failing;

	volatile int writesFailed;

	@Override
	public FileStore<?> open(Path file, boolean readOnly) {
		if (this.failing && !readOnly) {
			throw DataUtils.newMVStoreException(DataUtils.ERROR_READING_FAILED, "Could not open file {0}", file,
					new IOException("Input/output error (injected)"));
		}
		Map<String, Object> config = new HashMap<>();
		config.put("cacheSize", 16);
		SingleFileStore store = new SingleFileStore(config) {
			@Override
			protected void writeFully(SFChunk chunk, long pos, ByteBuffer src) {
				if (FaultyFileLayer.this.failing) {
					FaultyFileLayer.this.writesFailed++;
					throw DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "Writing to {0} failed", file,
							new IOException("No space left on device (injected)"));
				}
				super.writeFully(chunk, pos, src);
			}
		};
		store.open(file.toString(), readOnly, null);
		return store;
	}

}
