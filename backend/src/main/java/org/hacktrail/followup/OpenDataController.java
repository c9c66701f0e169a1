package org.hacktrail.followup;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.PublicDownloadCaching;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Open data, for anyone (the security configuration lets anonymous GETs through to
 * {@code /api/opendata/**}): {@code GET /api/opendata/projects.json} and
 * {@code GET /api/opendata/projects.csv}, streamed. See {@link OpenDataExport} for what
 * is in them and what is left out. {@code projects.csv?for=spreadsheet} is the file for
 * spreadsheet apps ({@code hacktrail-projects-spreadsheet.csv}, formulas neutralised, see
 * {@link CsvFlavour}).
 *
 * <p>
 * Each file is written once to a temporary file ({@link OpenDataSpool}) and tagged by its
 * content: an anonymous harvester that sends the tag back in {@code If-None-Match} gets a
 * 304 (see {@link PublicDownloadCaching}).
 */
@RestController
class OpenDataController {

	/** Where generatedAt goes, in the file as tagged; replaced as it is sent. */
	static final String GENERATED_AT_MARK = "@@hacktrail-generated-at@@";

	private final OpenDataExport export;

	private final Clock clock;

	OpenDataController(OpenDataExport export, Clock clock) {
		this.export = export;
		this.clock = clock;
	}

	@GetMapping("/api/opendata/projects.json")
	@Nullable ResponseEntity<StreamingResponseBody> json(ServletWebRequest request) throws IOException {
		// Tagged by its content without the moment it was asked for (generatedAt), so a
		// weak ETag: the same data, sent again with a newer generatedAt.
		OpenDataSpool spool = OpenDataSpool.write((out) -> this.export.writeJson(out, GENERATED_AT_MARK));
		if (PublicDownloadCaching.notModified(request, "W/\"" + spool.hash() + "\"")) {
			spool.delete();
			return null;
		}
		String generatedAt = this.clock.instant().toString();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("hacktrail-projects.json").build().toString())
			.body((out) -> spool.sendTo(out, GENERATED_AT_MARK, generatedAt));
	}

	@GetMapping("/api/opendata/projects.csv")
	@Nullable ResponseEntity<StreamingResponseBody> csv(
			@RequestParam(name = CsvFlavour.PARAMETER, required = false) @Nullable String target,
			ServletWebRequest request) throws IOException {
		// Checked before the body is written: a bad value is a 400, not a broken
		// download.
		CsvFlavour flavour = CsvFlavour.of(target);
		OpenDataSpool spool = OpenDataSpool.write((out) -> {
			// Closing the CSV printer flushes and closes the writer.
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			this.export.writeCsv(writer, flavour);
		});
		if (PublicDownloadCaching.notModified(request, "\"" + spool.hash() + "\"")) {
			spool.delete();
			return null;
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(flavour.fileName("hacktrail-projects")).build().toString())
			.body(spool::sendTo);
	}

}
