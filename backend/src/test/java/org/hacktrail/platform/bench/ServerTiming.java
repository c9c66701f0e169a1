package org.hacktrail.platform.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times requests inside the server, from the first servlet filter until the response is
 * written, for {@link StoreBenchmark}: what the service spends, without the benchmark's
 * own HTTP client (java.net.http hands each request and response between threads, which
 * on two shared cores costs as much as a small request).
 *
 * <p>
 * Deliberately not a {@code @Configuration}: the benchmark passes it to
 * {@code SpringApplication} as a source, and component scanning of the test classpath
 * (every {@code @SpringBootTest}) must not pick it up.
 */
class ServerTiming {

	/** Server time of the requests since the last {@link #take()}. */
	private static final AtomicLong nanos = new AtomicLong();

	/**
	 * The server time of the requests served since the last call, in nanoseconds, and
	 * starts counting again.
	 */
	static long take() {
		return nanos.getAndSet(0);
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> serverTimingFilter() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				long start = System.nanoTime();
				try {
					chain.doFilter(request, response);
				}
				finally {
					nanos.addAndGet(System.nanoTime() - start);
				}
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
