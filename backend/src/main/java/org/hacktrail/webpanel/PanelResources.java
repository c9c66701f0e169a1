package org.hacktrail.webpanel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * How the panel's files are cached and compressed.
 * <ul>
 * <li>{@code /assets/**}: every file Vite writes there has a hash of its content in its
 * name, so a changed file gets a new name: browsers and proxies keep them for a year
 * without asking again ({@code Cache-Control: public, max-age=31536000, immutable}).</li>
 * <li>Everything else ({@code index.html}, which names the current assets, the SPA
 * addresses of {@link PanelRoutes}, {@code favicon.svg}): {@code no-cache}, revalidated
 * with {@code Last-Modified} on every load, so a new release is seen at once (set in
 * application.yml, {@code spring.web.resources.cache.cachecontrol.no-cache}).</li>
 * <li>Both: the build writes {@code name.br} and {@code name.gz} beside each text file of
 * 1 KB or more (web/vite.config.ts); {@link EncodedResourceResolver} answers with the one
 * the browser accepts, Brotli first ({@code Content-Encoding},
 * {@code Vary: Accept-Encoding}), and with the file itself otherwise.</li>
 * </ul>
 * The assets are read from the same locations as the other static files
 * ({@code spring.web.resources.static-locations}), so the benchmark and the browser tests
 * that point those at a fresh build see its assets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PanelResources implements WebMvcConfigurer {

	static final CacheControl HASHED_ASSETS = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final String[] assetLocations;

	PanelResources(WebProperties web) {
		this.assetLocations = Arrays.stream(web.getResources().getStaticLocations())
			.map((location) -> location.endsWith("/") ? location + "assets/" : location + "/assets/")
			.toArray(String[]::new);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(this.assetLocations)
			.setCacheControl(HASHED_ASSETS)
			// Not cached: the chain's cache keys by the codings named, not by which the
			// browser refuses (q=0); looking up a file and its .br beside it is cheap.
			.resourceChain(false)
			.addResolver(new SmallestEncodingFirst());
	}

	/**
	 * {@link EncodedResourceResolver} takes the first coding the browser lists that has a
	 * file, and browsers list {@code gzip, deflate, br, zstd}: Brotli (about 17 % smaller
	 * on the entry script) would never be chosen. This asks it with the codings it knows
	 * in the order of their size (br, then gzip), leaving out any the browser refuses
	 * ({@code q=0}).
	 */
	static final class SmallestEncodingFirst implements ResourceResolver {

		static final List<String> PREFERRED = List.of("br", "gzip");

		private final EncodedResourceResolver encoded = new EncodedResourceResolver();

		@Override
		public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return this.encoded.resolveResource((request != null) ? preferring(request) : null, requestPath, locations,
					chain);
		}

		@Override
		public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return this.encoded.resolveUrlPath(resourcePath, locations, chain);
		}

		static HttpServletRequest preferring(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
			if (header == null) {
				return request;
			}
			List<String> accepted = new ArrayList<>();
			for (String part : header.toLowerCase(Locale.ROOT).split(",")) {
				String[] coding = part.trim().split(";");
				boolean refused = Arrays.stream(coding)
					.skip(1)
					.map(String::trim)
					.anyMatch((parameter) -> parameter.matches("q=0(\\.0*)?"));
				if (!refused && !coding[0].isBlank()) {
					accepted.add(coding[0].trim());
				}
			}
			accepted.sort(Comparator
				.comparingInt((coding) -> PREFERRED.contains(coding) ? PREFERRED.indexOf(coding) : PREFERRED.size()));
			String reordered = String.join(", ", accepted);
			return new HttpServletRequestWrapper(request) {

				@Override
				public String getHeader(String name) {
					return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name) ? reordered : super.getHeader(name);
				}

			};
		}

	}

}
