package org.hacktrail.followup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads an outcome import file one row at a time, never the whole file: CSV through
 * Apache Commons CSV's record iterator, JSON (an array of objects) through Jackson's
 * streaming parser. Memory stays constant whatever the file's size.
 *
 * <p>
 * Restartable: the step stores how many rows were read after each chunk (the counting
 * reader's {@code read.count}); a restarted run reopens the file and skips that many
 * rows. A row that cannot be read as a row (wrong number of cells, a JSON value that is
 * not an object, an unknown field) is returned with its problem for the processor to
 * reject, so that one bad row never stops the file; a file that cannot be read at all
 * (not UTF-8, a broken quote, no or a wrong header, not a JSON array) fails the step with
 * the reason.
 */
class OutcomeRowReader extends AbstractItemCountingItemStreamItemReader<OutcomeRow> {

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private static final JsonFactory JSON = new JsonFactory();

	private final Path file;

	private final OutcomeFileFormat format;

	private @Nullable Reader reader;

	private @Nullable CSVParser csv;

	private @Nullable Iterator<CSVRecord> records;

	private List<String> header = List.of();

	private @Nullable JsonParser json;

	/**
	 * The number of the last row read (CSV: spreadsheet row, header = 1; JSON: array
	 * position).
	 */
	private int row;

	OutcomeRowReader(Path file, OutcomeFileFormat format) {
		this.file = file;
		this.format = format;
		setName("outcomeImportReader");
	}

	@Override
	protected void doOpen() throws Exception {
		this.reader = open(this.file);
		if (this.format == OutcomeFileFormat.CSV) {
			this.csv = CSVParser.parse(this.reader, CSV);
			this.records = this.csv.iterator();
			if (!hasNext()) {
				throw new IllegalArgumentException("The file is empty. Its first row must be a header naming the "
						+ "columns, e.g. " + String.join(",", OutcomeFileFormat.COLUMNS) + ".");
			}
			this.header = header(this.records.next());
			this.row = 1;
		}
		else {
			this.json = JSON.createParser(ObjectReadContext.empty(), this.reader);
			JsonToken first = jsonToken();
			if (first != JsonToken.START_ARRAY) {
				throw new IllegalArgumentException("A JSON outcome file is an array of objects, one per milestone, "
						+ "with the fields " + String.join(", ", OutcomeFileFormat.COLUMNS) + ".");
			}
			this.row = 0;
		}
	}

	/**
	 * Opens the file as strict UTF-8 (an invalid byte is an error, not a replacement
	 * character), without a BOM.
	 */
	static Reader open(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		BufferedReader reader = new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				64 * 1024);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	private static List<String> header(CSVRecord record) {
		List<String> columns = new ArrayList<>();
		for (String cell : record) {
			String column = cell.strip();
			if (!OutcomeFileFormat.COLUMNS.contains(column)) {
				throw new IllegalArgumentException("Unknown column '" + column + "' in the header; the columns are "
						+ String.join(", ", OutcomeFileFormat.COLUMNS) + ".");
			}
			if (columns.contains(column)) {
				throw new IllegalArgumentException("The column '" + column + "' appears twice in the header.");
			}
			columns.add(column);
		}
		for (String required : List.of(OutcomeFileFormat.MILESTONE, OutcomeFileFormat.DATE)) {
			if (!columns.contains(required)) {
				throw new IllegalArgumentException("The header has no '" + required + "' column.");
			}
		}
		if (!columns.contains(OutcomeFileFormat.PROJECT_REF) && !(columns.contains(OutcomeFileFormat.HACKATHON_SLUG)
				&& columns.contains(OutcomeFileFormat.PROPOSAL_TITLE))) {
			throw new IllegalArgumentException("The header needs a 'project_ref' column, or 'hackathon_slug' and "
					+ "'proposal_title' columns, to name each row's project.");
		}
		return List.copyOf(columns);
	}

	@Override
	protected @Nullable OutcomeRow doRead() throws Exception {
		return (this.format == OutcomeFileFormat.CSV) ? readCsv() : readJson();
	}

	private @Nullable OutcomeRow readCsv() {
		while (hasNext()) {
			CSVRecord record = this.records.next();
			this.row++;
			if (isBlank(record)) {
				// A blank line keeps its number (so that row numbers match the
				// spreadsheet) but is no milestone.
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int i = 0; i < Math.min(record.size(), this.header.size()); i++) {
				cells.put(this.header.get(i), record.get(i));
			}
			InvalidOutcomeRow problem = (record.size() != this.header.size()) ? new InvalidOutcomeRow(this.row, null,
					OutcomeImportCode.CELL_COUNT,
					OutcomeImportCode.args("cells", record.size(), "columns", this.header.size()),
					"Row " + this.row + " has " + record.size() + " cells; the header has " + this.header.size() + ".")
					: null;
			return new OutcomeRow(this.row, cells, problem);
		}
		return null;
	}

	private boolean hasNext() {
		try {
			return this.records.hasNext();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw new IllegalArgumentException("The file cannot be read after row " + this.row + ": "
					+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage())
					+ " (is it UTF-8, with every quote closed?)", ex);
		}
	}

	private static boolean isBlank(CSVRecord record) {
		for (String cell : record) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private @Nullable OutcomeRow readJson() {
		JsonToken token = jsonToken();
		if (token == null || token == JsonToken.END_ARRAY) {
			return null;
		}
		this.row++;
		if (token != JsonToken.START_OBJECT) {
			skip(token);
			return new OutcomeRow(this.row, Map.of(), new InvalidOutcomeRow(this.row, null,
					OutcomeImportCode.NOT_AN_OBJECT, Map.of(), "Item " + this.row + " is not an object."));
		}
		Map<String, String> cells = new LinkedHashMap<>();
		InvalidOutcomeRow problem = null;
		for (token = jsonToken(); token == JsonToken.PROPERTY_NAME; token = jsonToken()) {
			String field = this.json.currentName();
			JsonToken value = jsonToken();
			if (!OutcomeFileFormat.COLUMNS.contains(field)) {
				problem = (problem != null) ? problem
						: new InvalidOutcomeRow(this.row, null, OutcomeImportCode.UNKNOWN_FIELD,
								OutcomeImportCode.args("field", field, "fields",
										String.join(", ", OutcomeFileFormat.COLUMNS)),
								"Unknown field '" + field + "'; the fields are "
										+ String.join(", ", OutcomeFileFormat.COLUMNS) + ".");
				skip(value);
			}
			else if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT
					|| value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_TRUE
					|| value == JsonToken.VALUE_FALSE) {
				cells.put(field, jsonText());
			}
			else if (value != JsonToken.VALUE_NULL) {
				problem = (problem != null) ? problem
						: new InvalidOutcomeRow(this.row, null, OutcomeImportCode.FIELD_NOT_TEXT,
								OutcomeImportCode.args("field", field), "The field '" + field + "' must be a string.");
				skip(value);
			}
		}
		return new OutcomeRow(this.row, cells, problem);
	}

	private void skip(JsonToken token) {
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			try {
				this.json.skipChildren();
			}
			catch (JacksonException ex) {
				throw unreadableJson(ex);
			}
		}
	}

	private @Nullable JsonToken jsonToken() {
		try {
			return this.json.nextToken();
		}
		catch (JacksonException ex) {
			throw unreadableJson(ex);
		}
	}

	private String jsonText() {
		try {
			return this.json.getText();
		}
		catch (JacksonException ex) {
			throw unreadableJson(ex);
		}
	}

	private IllegalArgumentException unreadableJson(JacksonException ex) {
		return new IllegalArgumentException(
				"The JSON file cannot be read after item " + this.row + ": " + ex.getOriginalMessage(), ex);
	}

	@Override
	protected void doClose() throws Exception {
		if (this.json != null) {
			this.json.close();
			this.json = null;
		}
		if (this.csv != null) {
			this.csv.close();
			this.csv = null;
		}
		if (this.reader != null) {
			this.reader.close();
			this.reader = null;
		}
	}

	/**
	 * Counts the rows of a file cheaply, for progress: CSV lines (a quoted line break
	 * counts twice, so this may overestimate) minus the header, or JSON array items.
	 */
	static long estimateRows(Path file, OutcomeFileFormat format) throws IOException {
		if (format == OutcomeFileFormat.CSV) {
			long lines = 0;
			boolean pending = false;
			try (InputStream in = Files.newInputStream(file)) {
				byte[] buffer = new byte[64 * 1024];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							lines++;
							pending = false;
						}
						else {
							pending = true;
						}
					}
				}
			}
			return Math.max(0, lines + (pending ? 1 : 0) - 1);
		}
		long items = 0;
		try (Reader reader = open(file); JsonParser parser = JSON.createParser(ObjectReadContext.empty(), reader)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				return 0;
			}
			for (JsonToken token = parser.nextToken(); token != null
					&& token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				items++;
				parser.skipChildren();
			}
		}
		catch (JacksonException ex) {
			// The reader reports the problem with its row; the estimate just stops here.
		}
		return items;
	}

}
