package org.hacktrail.webpanel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the panel's files travel: hashed assets kept a year and precompressed (Brotli or
 * gzip by the browser's Accept-Encoding, the file itself otherwise); index.html and the
 * panel's addresses revalidated on every load.
 */
@ServiceTest
class PanelCachingTests {

	static final Pattern ENTRY_SCRIPT = Pattern.compile("src=\"(/assets/index-[A-Za-z0-9_-]+\\.js)\"");

	static final String YEAR_IMMUTABLE = "max-age=31536000, public, immutable";

	@LocalServerPort
	int port;

	HttpClient client;

	String entry;

	@BeforeEach
	void findTheEntryScript() throws Exception {
		this.client = HttpClient.newHttpClient();
		HttpResponse<byte[]> index = get("/", "Accept-Encoding", "identity");
		Matcher script = ENTRY_SCRIPT.matcher(new String(index.body(), StandardCharsets.UTF_8));
		assertThat(script.find()).as("index.html names its entry script").isTrue();
		this.entry = script.group(1);
	}

	@Test
	void hashedAssetsAreKeptForAYear() throws Exception {
		HttpResponse<byte[]> script = get(this.entry);
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(cacheControl(script)).isEqualTo(YEAR_IMMUTABLE);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		String css = new String(get("/", "Accept-Encoding", "identity").body(), StandardCharsets.UTF_8)
			.replaceAll("(?s).*href=\"(/assets/[^\"]+\\.css)\".*", "$1");
		assertThat(css).startsWith("/assets/");
		assertThat(cacheControl(get(css))).isEqualTo(YEAR_IMMUTABLE);
		// An asset that does not exist is a plain 404, never cached for a year.
		HttpResponse<byte[]> missing = get("/assets/index-doesnotexist.js");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(cacheControl(missing)).doesNotContain("max-age=31536000").doesNotContain("immutable");
	}

	@Test
	void indexHtmlAndPanelAddressesAreRevalidated() throws Exception {
		for (String path : new String[] { "/", "/index.html", "/hackathons", "/judge" }) {
			HttpResponse<byte[]> page = get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(path).contains(this.entry);
			assertThat(cacheControl(page)).as(path).isEqualTo("no-cache");
			assertThat(page.headers().firstValue("Last-Modified")).as(path).isPresent();
			HttpResponse<byte[]> again = get(path, "If-Modified-Since",
					page.headers().firstValue("Last-Modified").orElseThrow());
			assertThat(again.statusCode()).as(path).isEqualTo(304);
			assertThat(again.body()).as(path).isEmpty();
		}
	}

	@Test
	void assetsTravelCompressedWhenTheBrowserAcceptsIt() throws Exception {
		byte[] original = resource("static" + this.entry);

		HttpResponse<byte[]> identity = get(this.entry, "Accept-Encoding", "identity");
		assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(identity.body()).isEqualTo(original);

		HttpResponse<byte[]> brotli = get(this.entry, "Accept-Encoding", "gzip, deflate, br, zstd");
		assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
		assertThat(brotli.headers().allValues("Vary"))
			.anySatisfy((vary) -> assertThat(vary).contains("Accept-Encoding"));
		assertThat(brotli.body()).isEqualTo(resource("static" + this.entry + ".br"));
		assertThat(brotli.body().length).isLessThan(original.length / 3);
		assertThat(cacheControl(brotli)).isEqualTo(YEAR_IMMUTABLE);

		HttpResponse<byte[]> refusingBrotli = get(this.entry, "Accept-Encoding", "br;q=0, gzip");
		assertThat(refusingBrotli.headers().firstValue("Content-Encoding")).hasValue("gzip");
		HttpResponse<byte[]> refusingBoth = get(this.entry, "Accept-Encoding", "br;q=0, gzip;q=0.0");
		assertThat(refusingBoth.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(refusingBoth.body()).isEqualTo(original);

		HttpResponse<byte[]> gzip = get(this.entry, "Accept-Encoding", "gzip");
		assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(gzip.body())).isEqualTo(original);
		assertThat(gzip.body().length).isLessThan(original.length / 2);
		assertThat(cacheControl(gzip)).isEqualTo(YEAR_IMMUTABLE);
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String cacheControl(HttpResponse<?> response) {
		return String.join(", ", response.headers().allValues("Cache-Control"));
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static byte[] gunzip(byte[] bytes) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

}
