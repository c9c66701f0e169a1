package org.hacktrail.followup;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.ErrorBody;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.RequestBodyTooLargeException;
import org.hacktrail.platform.batch.EmbeddedEnvelope;
import org.hacktrail.platform.batch.JobRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Outcome imports over REST and GraphQL (organizers).
 *
 * <ul>
 * <li>{@code POST /api/outcomes/import} with the file as the body
 * ({@code Content-Type: text/csv} or {@code application/json}, UTF-8): the body is
 * streamed to the import folder (up to 512 MB; never held in memory), an
 * {@code outcomeImport} run starts, and the answer is 202 with the run ({@code run.id});
 * follow it with the {@code jobRun} or {@code outcomeImport} query. On the embedded
 * store, a file that would take the milestones past its envelope is refused (400,
 * {@code extensions.rule: embeddedEnvelope}) unless
 * {@code ?confirmBeyondEmbeddedEnvelope=true}. With {@code ?authoritative=true} the
 * organizer vouches for the file as an authoritative source (e.g. an agency's own list):
 * its rows are verified by them, and its {@code source} column trusted; without it every
 * row is PENDING and recorded as IMPORTED whatever the file claims.</li>
 * <li>{@code GET /api/outcomes/import/{runId}/errors.csv}: the skipped rows with row
 * number, column and reason, followed by the row's cells; {@code ?for=spreadsheet} for
 * spreadsheet apps (formulas neutralised, see {@link CsvFlavour}).</li>
 * <li>GraphQL {@code outcomeImport(runId)}: created / updated / unchanged / skipped
 * counts and the skipped rows.</li>
 * </ul>
 */
@Controller
class OutcomeImportController {

	private final OutcomeImports imports;

	OutcomeImportController(OutcomeImports imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/outcomes/import", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> upload(HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			@RequestParam(name = EmbeddedEnvelope.CONFIRM,
					defaultValue = "false") boolean confirmBeyondEmbeddedEnvelope,
			@RequestParam(name = OutcomeImports.AUTHORITATIVE, defaultValue = "false") boolean authoritative)
			throws IOException {
		OutcomeFileFormat format = format(contentType);
		JobExecution run = this.imports.upload(request.getInputStream(), format, confirmBeyondEmbeddedEnvelope,
				authoritative);
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", String.valueOf(run.getId()));
		view.put("jobName", run.getJobInstance().getJobName());
		view.put("status", run.getStatus().name());
		view.put("createdAt", (run.getCreateTime() != null)
				? run.getCreateTime().atZone(ZoneId.systemDefault()).toOffsetDateTime().toString() : null);
		body.put("run", view);
		body.put("errorsCsv", "/api/outcomes/import/" + run.getId() + "/errors.csv");
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	private static OutcomeFileFormat format(@Nullable String contentType) {
		MediaType type;
		try {
			type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (RuntimeException ex) {
			type = null;
		}
		if (type != null && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
			throw DomainException.badInput("file", Refusal.FILE_NOT_UTF8, "charset", type.getCharset().name());
		}
		if (type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			return OutcomeFileFormat.JSON;
		}
		if (type != null && type.isCompatibleWith(new MediaType("text", "csv"))) {
			return OutcomeFileFormat.CSV;
		}
		throw DomainException.badInput("file", Refusal.FILE_CONTENT_TYPE, "allowed", "text/csv or application/json");
	}

	@GetMapping(path = "/api/outcomes/import/{runId}/errors.csv")
	void errors(@PathVariable String runId,
			@RequestParam(name = CsvFlavour.PARAMETER, required = false) @Nullable String target,
			HttpServletResponse response) throws IOException {
		long id = parse(runId);
		// Checked (and NOT_FOUND or BAD_USER_INPUT answered) before the response starts.
		this.imports.report(id);
		CsvFlavour flavour = CsvFlavour.of(target);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(flavour.fileName("outcome-import-" + id + "-errors"))
					.build()
					.toString());
		// Closing the CSV printer flushes and closes the writer.
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.imports.writeErrors(id, writer, flavour);
	}

	@ExceptionHandler(RequestBodyTooLargeException.class)
	void tooLarge(RequestBodyTooLargeException ex, HttpServletResponse response) throws IOException {
		ErrorBody.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorCode.BAD_USER_INPUT,
				ex.getMessage());
	}

	// ---- GraphQL

	@QueryMapping
	OutcomeImports.@Nullable Report outcomeImport(@Argument String runId) {
		return this.imports.report(parse(runId));
	}

	@SchemaMapping(typeName = "OutcomeImportReport")
	Object run(OutcomeImports.Report report) {
		return JobRuns.view(report.execution());
	}

	@SchemaMapping(typeName = "OutcomeImportReport")
	List<OutcomeImportError> errors(OutcomeImports.Report report, @Argument @Nullable Integer first) {
		// PageSizeLimit has refused a first outside 1 to 100 already.
		return this.imports.errors(report.execution().getId(), (first == null) ? 100 : first);
	}

	/**
	 * The stored code; null for a row stored before codes were (or a code since dropped).
	 */
	@SchemaMapping(typeName = "OutcomeImportError")
	@Nullable OutcomeImportCode code(OutcomeImportError error) {
		if (error.code() == null) {
			return null;
		}
		try {
			return OutcomeImportCode.valueOf(error.code());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@SchemaMapping(typeName = "OutcomeImportError")
	List<MessageArg> args(OutcomeImportError error) {
		if (code(error) == null) {
			return List.of();
		}
		return error.args().entrySet().stream().map((arg) -> MessageArg.of(arg.getKey(), arg.getValue())).toList();
	}

	private static long parse(String runId) {
		try {
			return Long.parseLong(runId.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.badInput("runId", Refusal.UNKNOWN_ID, "value", runId);
		}
	}

}
