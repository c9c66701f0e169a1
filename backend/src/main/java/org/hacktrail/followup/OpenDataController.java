package org.hacktrail.followup;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Open data, for anyone (the security configuration lets anonymous GETs through to {@code /api/opendata/**}):
 * {@code GET /api/opendata/projects.json} and {@code GET /api/opendata/projects.csv}, streamed. See
 * {@link OpenDataExport} for what is in them and what is left out.
 */
@RestController
class OpenDataController {

	private final OpenDataExport export;

	OpenDataController(OpenDataExport export) {
		this.export = export;
	}

	@GetMapping("/api/opendata/projects.json")
	ResponseEntity<StreamingResponseBody> json() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("hacktrail-projects.json").build().toString())
			.body(this.export::writeJson);
	}

	@GetMapping("/api/opendata/projects.csv")
	ResponseEntity<StreamingResponseBody> csv() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("hacktrail-projects.csv").build().toString())
			.body((out) -> {
				// Closing the CSV printer flushes and closes the writer.
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				this.export.writeCsv(writer);
			});
	}

}
