package org.hacktrail.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with 413 and a JSON message, before anything reads
 * them. A declared Content-Length over the limit is refused at once; a chunked body is
 * counted while it is read.
 *
 * <p>
 * Upload paths (files a job then streams, e.g. outcome imports) have a much larger limit
 * and are never buffered here: their body is counted as the endpoint streams it to disk,
 * and reading past the limit throws {@link RequestBodyTooLargeException}, which the
 * endpoint answers with 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final Limits limits;

	RequestBodyLimitFilter(Limits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isUpload(request.getRequestURI())) {
			long limit = this.limits.maxUploadBody().toBytes();
			if (request.getContentLengthLong() > limit) {
				refuse(response, limit);
				return;
			}
			chain.doFilter(new CountedRequest(request, limit), response);
			return;
		}
		long limit = limitFor(request.getRequestURI());
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(response, limit);
			return;
		}
		if (declared < 0 && hasBody(request)) {
			// Chunked body of unknown length: read at most limit + 1 bytes, then replay
			// them.
			byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (body.length > limit) {
				refuse(response, limit);
				return;
			}
			chain.doFilter(new BufferedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		String method = request.getMethod();
		return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
	}

	boolean isUpload(String path) {
		for (String pattern : this.limits.uploadPaths()) {
			if (PATHS.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

	long limitFor(String path) {
		for (String pattern : this.limits.largeBodyPaths()) {
			if (PATHS.match(pattern, path)) {
				return this.limits.maxLargeBody().toBytes();
			}
		}
		return this.limits.maxBody().toBytes();
	}

	private static void refuse(HttpServletResponse response, long limit) throws IOException {
		ErrorBody.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorCode.BAD_USER_INPUT,
				"The request body is larger than the limit of " + DataSize.ofBytes(limit).toKilobytes() + " KB.");
	}

	/**
	 * @param maxBody limit for every request body
	 * @param maxLargeBody limit for the paths that take files read into memory (CSV
	 * imports)
	 * @param largeBodyPaths Ant patterns of those paths
	 * @param maxUploadBody limit for the paths whose body is streamed to a file
	 * @param uploadPaths Ant patterns of those paths
	 */
	@ConfigurationProperties("hacktrail.http")
	record Limits(@DefaultValue("512KB") DataSize maxBody, @DefaultValue("5MB") DataSize maxLargeBody, @DefaultValue( {
			"/api/hackathons/*/proposals/import" }) String[] largeBodyPaths,
			@DefaultValue("512MB") DataSize maxUploadBody,
			@DefaultValue({ "/api/outcomes/import" }) String[] uploadPaths){
	}

	/**
	 * A request whose body throws {@link RequestBodyTooLargeException} once more than the
	 * limit has been read.
	 */
	private static final class CountedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @org.jspecify.annotations.Nullable ServletInputStream stream;

		CountedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				long limit = this.limit;
				this.stream = new ServletInputStream() {

					private long count;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws RequestBodyTooLargeException {
						this.count += n;
						if (this.count > limit) {
							throw new RequestBodyTooLargeException(limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
