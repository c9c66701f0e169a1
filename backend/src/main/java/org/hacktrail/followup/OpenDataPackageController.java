package org.hacktrail.followup;

import java.nio.charset.StandardCharsets;

import org.hacktrail.platform.DomainException;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open-data package, for anyone (the security configuration lets anonymous GETs
 * through to {@code /api/opendata/**}): {@code GET /api/opendata/datapackage.json}, the
 * tables it lists at paths relative to it ({@code /api/opendata/data/
 *
<table>
 * .csv}), and all of them as {@code GET /api/opendata/datapackage.zip}. Every file has a
 * strong ETag (the SHA-256 of its bytes) and {@code Cache-Control: public, max-age=…}; a
 * request whose {@code If-None-Match} names the current ETag is answered 304 without a
 * body (by Spring's handling of {@link ResponseEntity}).
 */
@RestController
class OpenDataPackageController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final OpenDataPackage dataPackage;

	private final OpenDataSettings settings;

	OpenDataPackageController(OpenDataPackage dataPackage, OpenDataSettings settings) {
		this.dataPackage = dataPackage;
		this.settings = settings;
	}

	@GetMapping("/api/opendata/datapackage.json")
	ResponseEntity<Resource> descriptor() {
		return serve(OpenDataPackage.DESCRIPTOR, MediaType.APPLICATION_JSON,
				ContentDisposition.inline().filename(OpenDataPackage.DESCRIPTOR));
	}

	@GetMapping("/api/opendata/datapackage.zip")
	ResponseEntity<Resource> zip() {
		return serve(OpenDataPackage.ZIP, new MediaType("application", "zip"),
				ContentDisposition.attachment().filename(OpenDataPackage.NAME + ".zip"));
	}

	@GetMapping("/api/opendata/data/{file}")
	ResponseEntity<Resource> table(@PathVariable String file) {
		String path = "data/" + file;
		if (OpenDataTables.ALL.stream().noneMatch((table) -> table.path().equals(path))) {
			throw DomainException.notFound("The open-data package has no file '" + file + "'; its tables are "
					+ String.join(", ", OpenDataTables.ALL.stream().map((t) -> t.name() + ".csv").toList()));
		}
		return serve(path, CSV, ContentDisposition.attachment().filename(file));
	}

	private ResponseEntity<Resource> serve(String name, MediaType type, ContentDisposition.Builder disposition) {
		OpenDataPackage.File file = this.dataPackage.file(name);
		if (file == null) {
			throw DomainException.notFound("The open-data package has no file '" + name + "'");
		}
		return ResponseEntity.ok()
			.contentType(type)
			.contentLength(file.bytes())
			.eTag(file.etag())
			.cacheControl(CacheControl.maxAge(this.settings.maxAge()).cachePublic())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
			.body(new FileSystemResource(file.path()));
	}

}
