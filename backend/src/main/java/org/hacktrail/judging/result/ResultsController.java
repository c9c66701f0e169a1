package org.hacktrail.judging.result;

import java.nio.charset.StandardCharsets;

import org.hacktrail.platform.CsvFlavour;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data of published judging results. Public (anonymous GETs are allowed by the
 * security configuration): once a round is published its results are everyone's; before
 * that there is nothing here (404).
 */
@RestController
class ResultsController {

	private final ResultsExport export;

	ResultsController(ResultsExport export) {
		this.export = export;
	}

	@GetMapping("/api/hackathons/{slug}/results.json")
	ResponseEntity<byte[]> json(@PathVariable String slug) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + slug + "-results.json\"")
			.body(this.export.json(slug).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@code ?for=spreadsheet}: the file for spreadsheet apps, see {@link CsvFlavour}.
	 */
	@GetMapping("/api/hackathons/{slug}/results.csv")
	ResponseEntity<byte[]> csv(@PathVariable String slug,
			@RequestParam(name = CsvFlavour.PARAMETER, required = false) @Nullable String target) {
		CsvFlavour flavour = CsvFlavour.of(target);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + flavour.fileName(slug + "-results") + "\"")
			.body(this.export.csv(slug, flavour).getBytes(StandardCharsets.UTF_8));
	}

}
