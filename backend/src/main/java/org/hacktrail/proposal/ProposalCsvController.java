package org.hacktrail.proposal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hacktrail.platform.CsvFlavour;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV and 松後推坑 page (Markdown) import and export of proposals over REST.
 *
 * <ul>
 * <li>{@code POST /api/hackathons/{slug}/proposals/import} (organizers), body
 * {@code text/csv} in UTF-8: answers
 * {@code {"created","updated","unchanged","errors":[{"row","column","section","code","args","message"}]}}
 * with 200, or 400 when errors stopped the import (then nothing was written).
 * {@code ?skipInvalid=true} writes the valid rows and reports the others;
 * {@code ?dryRun=true} answers the same and writes nothing. Bodies over 5 MB get 413
 * (request body limit filter).</li>
 * <li>{@code GET /api/hackathons/{slug}/proposals.csv}: the proposals the caller may see,
 * in the same columns, so that export then import changes nothing.
 * {@code ?for=spreadsheet} writes the file for spreadsheet apps
 * ({@code …-proposals-spreadsheet.csv}, formulas neutralised with a leading apostrophe,
 * see {@link CsvFlavour}); that file does not import back unchanged.</li>
 * <li>The same import with a g0v 松後推坑 page ({@code text/markdown}), and {@code GET
 * /api/hackathons/{slug}/proposals.md}: the page written from the proposals (see
 * {@link ProposalMarkdown}).</li>
 * </ul>
 */
@RestController
class ProposalCsvController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType TEXT_MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private final ProposalImport csv;

	ProposalCsvController(ProposalImport csv) {
		this.csv = csv;
	}

	/**
	 * One handler for both formats, chosen by the content type (two handlers on the path
	 * would be ambiguous for a request without a body): {@code text/markdown} is a g0v
	 * 松後推坑 page, one proposal per {@code ## heading}, whose errors name the section and
	 * its line.
	 */
	@PostMapping(path = "/api/hackathons/{slug}/proposals/import", consumes = { "text/csv", "text/markdown" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ProposalImport.Result> importProposals(@PathVariable String slug,
			@RequestParam(defaultValue = "false") boolean skipInvalid,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
			@RequestBody(required = false) byte @Nullable [] body) {
		boolean page = TEXT_MARKDOWN.isCompatibleWith(contentType);
		if (contentType.getCharset() != null && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
			return ResponseEntity.badRequest()
				.body(new ProposalImport.Result(0, 0, 0,
						List.of(ProposalCsv.RowError.of(null, null, ProposalImportCode.CHARSET_NOT_UTF8,
								ProposalImportCode.args("format", page ? "PAGE" : "CSV", "charset",
										contentType.getCharset().name()),
								"Send the " + (page ? "page" : "file") + " as UTF-8 (Content-Type: "
										+ (page ? "text/markdown" : "text/csv") + "; charset=UTF-8), not "
										+ contentType.getCharset().name() + "."))));
		}
		byte[] bytes = (body != null) ? body : new byte[0];
		ProposalImport.Outcome outcome = page ? this.csv.importMarkdown(slug, bytes, skipInvalid, dryRun)
				: this.csv.importCsv(slug, bytes, skipInvalid, dryRun);
		return ResponseEntity.status(outcome.stopped() ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(outcome.result());
	}

	/**
	 * The proposals the caller may see as a g0v 松後推坑 page, to paste into HackMD; it
	 * imports back unchanged.
	 */
	@GetMapping(path = "/api/hackathons/{slug}/proposals.md")
	ResponseEntity<byte[]> exportPage(@PathVariable String slug) {
		return ResponseEntity.ok()
			.contentType(TEXT_MARKDOWN)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(slug + "-proposals.md").build().toString())
			.body(this.csv.exportMarkdown(slug));
	}

	@GetMapping(path = "/api/hackathons/{slug}/proposals.csv")
	ResponseEntity<byte[]> exportProposals(@PathVariable String slug,
			@RequestParam(name = CsvFlavour.PARAMETER, required = false) @Nullable String target) {
		CsvFlavour flavour = CsvFlavour.of(target);
		byte[] body = this.csv.exportCsv(slug, flavour);
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(flavour.fileName(slug + "-proposals")).build().toString())
			.body(body);
	}

}
