package org.hacktrail.followup;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.hacktrail.platform.CsvFlavour;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Open data, for anyone (the security configuration lets anonymous GETs through to
 * {@code /api/opendata/**}): {@code GET /api/opendata/projects.json} and
 * {@code GET /api/opendata/projects.csv}, streamed. See {@link OpenDataExport} for what
 * is in them and what is left out. {@code projects.csv?for=spreadsheet} is the file for
 * spreadsheet apps ({@code hacktrail-projects-spreadsheet.csv}, formulas neutralised, see
 * {@link CsvFlavour}).
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
	ResponseEntity<StreamingResponseBody> csv(
			@RequestParam(name = CsvFlavour.PARAMETER, required = false) @Nullable String target) {
		// Checked before the body streams: a bad value is a 400, not a broken download.
		CsvFlavour flavour = CsvFlavour.of(target);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(flavour.fileName("hacktrail-projects")).build().toString())
			.body((out) -> {
				// Closing the CSV printer flushes and closes the writer.
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				this.export.writeCsv(writer, flavour);
			});
	}

}
