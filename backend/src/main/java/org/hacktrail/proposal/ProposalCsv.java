package org.hacktrail.proposal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.FreeText;
import org.jspecify.annotations.Nullable;

/**
 * The CSV format of proposal lists: RFC 4180 (Apache Commons CSV), UTF-8 with an optional
 * byte order mark, a header row naming the columns in any order. Plain Java, no Spring:
 * reading gives rows or errors with the row number a spreadsheet shows (the header is row
 * 1; a quoted multi-line cell stays in one row); writing gives the bytes an import reads
 * back unchanged.
 *
 * <p>
 * Cells are never trimmed or altered by the parser, so quoted line breaks, commas,
 * quotes, emoji and CJK text survive byte for byte; the import decides which columns it
 * strips.
 */
final class ProposalCsv {

	static final String TITLE = "title";

	static final String PROPOSER = "proposer";

	/**
	 * The organisation of the proposer (who has no account): conflict-of-interest
	 * detection compares judges' affiliations with it. Optional.
	 */
	static final String PROPOSER_AFFILIATION = "proposer_affiliation";

	static final String SUMMARY = "summary";

	static final String CHANNEL = "channel";

	static final String TAGS = "tags";

	static final String NEEDS = "needs";

	/** Every column, in the order an export writes them. */
	static final List<String> COLUMNS = List.of(TITLE, PROPOSER, PROPOSER_AFFILIATION, SUMMARY, CHANNEL, TAGS, NEEDS,
			LinkType.PITCH_VIDEO.column(), LinkType.SLIDES.column(), LinkType.NOTES.column(), LinkType.WEBSITE.column(),
			LinkType.REPOSITORY.column(), LinkType.OTHER.column());

	static final List<String> REQUIRED = List.of(TITLE, PROPOSER);

	private static final char BOM = '\uFEFF';

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setRecordSeparator("\r\n")
		.get();

	private ProposalCsv() {
	}

	/**
	 * A problem with a cell, a row or the whole file. {@code row} is as a spreadsheet
	 * numbers it (for a page: the line).
	 *
	 * @param section for a page, the heading of the section at fault
	 * @param code what is wrong, for clients to say in their reader's language
	 * @param args the values of the code's sentence (numbers, names, the text at fault)
	 * @param message the same in English
	 */
	record RowError(@Nullable Integer row, @Nullable String column, @Nullable String section, ProposalImportCode code,
			Map<String, Object> args, String message) {

		RowError {
			args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
		}

		/** An error outside any page section. */
		static RowError of(@Nullable Integer row, @Nullable String column, ProposalImportCode code,
				Map<String, Object> args, String message) {
			return new RowError(row, column, null, code, args, message);
		}

	}

	/**
	 * A data row: its spreadsheet row number and its cells by column name. A row read
	 * from a 松後推坑 page ({@link ProposalMarkdown}) also names its section (the heading),
	 * the line each field came from (its {@code row} is the heading's line) and the
	 * labels of its links; a CSV row has none of these.
	 *
	 * @param section the heading of the page section the row was read from; null for CSV
	 * @param lines the page line of each field, by column name
	 * @param linkLabels the label of each link, by {@link #linkKey}; only for page rows,
	 * whose labels replace the stored ones
	 */
	record Row(int row, Map<String, String> cells, @Nullable String section, Map<String, Integer> lines,
			Map<String, String> linkLabels) {

		Row(int row, Map<String, String> cells) {
			this(row, cells, null, Map.of(), Map.of());
		}

		/** Whether the row was read from a 松後推坑 page. */
		boolean fromPage() {
			return this.section != null;
		}

		/** The line (or row) a field came from. */
		int lineOf(String column) {
			Integer line = this.lines.get(column);
			return (line != null) ? line : this.row;
		}

		static String linkKey(LinkType type, String url) {
			return type.name() + ' ' + url;
		}

		boolean has(String column) {
			return this.cells.containsKey(column);
		}

		String cell(String column) {
			String value = this.cells.get(column);
			return (value != null) ? value : "";
		}

	}

	/**
	 * The header's columns and the non-blank data rows, with the errors found.
	 * {@code fatal}: the file as a whole could not be read (encoding, quotes, header), so
	 * no row can be trusted.
	 */
	record Parsed(List<String> columns, List<Row> rows, List<RowError> errors, boolean fatal) {
	}

	static Parsed parse(byte[] body) {
		String text;
		try {
			text = decode(body);
		}
		catch (IllegalArgumentException ex) {
			int at = malformedAt(body);
			return failure(RowError.of(lineOf(body, at), null, ProposalImportCode.FILE_NOT_UTF8,
					ProposalImportCode.args("line", lineOf(body, at), "byte", at + 1), ex.getMessage()));
		}
		if (!text.isEmpty() && text.charAt(0) == BOM) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			return failure(RowError.of(1, null, ProposalImportCode.FILE_EMPTY,
					ProposalImportCode.args("columns", String.join(",", COLUMNS)),
					"The file is empty. Its first row must be a header naming the columns, e.g. "
							+ String.join(",", COLUMNS) + "."));
		}
		List<CSVRecord> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
			Iterator<CSVRecord> iterator = parser.iterator();
			while (true) {
				try {
					if (!iterator.hasNext()) {
						break;
					}
					records.add(iterator.next());
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					return failure(RowError.of(records.size() + 1, null, ProposalImportCode.CSV_UNREADABLE,
							ProposalImportCode.args("row", records.size() + 1),
							"Row " + (records.size() + 1)
									+ " cannot be read as CSV: a quoted cell is not closed, or a quote stands inside an unquoted "
									+ "cell (write a quote inside a quoted cell as two quotes \"\"). " + cause(ex)));
				}
			}
		}
		catch (IOException ex) {
			return failure(RowError.of(null, null, ProposalImportCode.FILE_UNREADABLE, Map.of(),
					"The file cannot be read as CSV: " + ex.getMessage()));
		}

		List<RowError> errors = new ArrayList<>();
		List<String> columns = header(records.get(0), errors);
		if (!errors.isEmpty()) {
			return new Parsed(columns, List.of(), errors, true);
		}
		strict(text, records, columns, errors);
		if (!errors.isEmpty()) {
			return new Parsed(columns, List.of(), errors, true);
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			CSVRecord record = records.get(i);
			int row = i + 1;
			if (isBlank(record)) {
				continue;
			}
			if (record.size() != columns.size()) {
				errors.add(RowError.of(row, null, ProposalImportCode.CELL_COUNT,
						ProposalImportCode.args("cells", record.size(), "columns", columns.size()),
						"Row " + row + " has " + record.size() + " cells but the header has " + columns.size()
								+ " columns; look for an unquoted comma or a missing cell."));
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int c = 0; c < columns.size(); c++) {
				cells.put(columns.get(c), record.get(c));
			}
			rows.add(new Row(row, cells));
		}
		return new Parsed(columns, rows, errors, false);
	}

	/**
	 * What Commons CSV reads without complaint but RFC 4180 and this format refuse: a
	 * quote inside an unquoted cell ({@code ab"cd}; the reader keeps it as a character),
	 * and control characters other than tab and line breaks (a NUL byte: not a text
	 * file). Each is reported with its row and column, and the file as a whole is
	 * refused.
	 */
	private static void strict(String text, List<CSVRecord> records, List<String> columns, List<RowError> errors) {
		for (int i = 0; i < records.size(); i++) {
			CSVRecord record = records.get(i);
			int row = i + 1;
			int next = (i + 1 < records.size()) ? (int) records.get(i + 1).getCharacterPosition() : text.length();
			int unquoted = quoteInUnquotedCell(text, record, next);
			for (int c = 0; c < record.size(); c++) {
				String column = (c < columns.size()) ? columns.get(c) : null;
				if (c == unquoted) {
					errors.add(RowError.of(row, column, ProposalImportCode.QUOTE_IN_UNQUOTED_CELL,
							ProposalImportCode.args("position", c + 1),
							"Row " + row + ", column " + (c + 1) + " has a quote inside an "
									+ "unquoted cell; quote the whole cell and write the quote twice (\"ab\"\"cd\")."));
				}
				String value = record.get(c);
				for (int at = 0; at < value.length(); at++) {
					char ch = value.charAt(at);
					if (FreeText.isControl(ch) && ch != '\t' && ch != '\r' && ch != '\n') {
						errors.add(RowError.of(row, column, ProposalImportCode.CONTROL_CHARACTER,
								ProposalImportCode.args("char", FreeText.codePoint(ch), "position", c + 1),
								"Row " + row + ", column " + (c + 1) + " contains the control " + "character "
										+ FreeText.codePoint(ch) + "; a CSV file holds text only."));
						break;
					}
				}
			}
		}
	}

	/**
	 * The index of the first unquoted cell of {@code record} that holds a quote, or -1.
	 * Commons CSV returns cell values only; from them and the record's text (from its
	 * first character to {@code end}) it follows where each cell stood: a quoted cell is
	 * its value, quotes doubled, between quotes (then spaces up to the comma), an
	 * unquoted one is its value as is.
	 */
	private static int quoteInUnquotedCell(String text, CSVRecord record, int end) {
		if (record.stream().noneMatch((value) -> value.indexOf('"') >= 0)) {
			return -1;
		}
		int at = (int) record.getCharacterPosition();
		for (int c = 0; c < record.size() && at <= end; c++) {
			String value = record.get(c);
			if (at < end && text.charAt(at) == '"') {
				at += value.length() + (int) value.chars().filter((ch) -> ch == '"').count() + 2;
				while (at < end && text.charAt(at) != ',' && text.charAt(at) != '\r' && text.charAt(at) != '\n') {
					at++;
				}
			}
			else {
				if (value.indexOf('"') >= 0) {
					return c;
				}
				at += value.length();
			}
			at++; // the comma
		}
		return -1;
	}

	private static List<String> header(CSVRecord record, List<RowError> errors) {
		List<String> columns = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int c = 0; c < record.size(); c++) {
			String column = record.get(c).strip().toLowerCase(Locale.ROOT);
			columns.add(column);
			if (column.isEmpty()) {
				errors.add(RowError.of(1, null, ProposalImportCode.HEADER_COLUMN_UNNAMED,
						ProposalImportCode.args("position", c + 1, "columns", String.join(", ", COLUMNS)),
						"Column " + (c + 1) + " of the header row has no name; allowed columns: "
								+ String.join(", ", COLUMNS) + "."));
			}
			else if (!COLUMNS.contains(column)) {
				errors.add(RowError.of(1, column, ProposalImportCode.UNKNOWN_COLUMN,
						ProposalImportCode.args("column", column, "columns", String.join(", ", COLUMNS)),
						"Unknown column '" + column + "'; allowed columns: " + String.join(", ", COLUMNS) + "."));
			}
			else if (!seen.add(column)) {
				errors.add(RowError.of(1, column, ProposalImportCode.DUPLICATE_COLUMN,
						ProposalImportCode.args("column", column),
						"The column '" + column + "' appears twice in the header."));
			}
		}
		for (String required : REQUIRED) {
			if (!columns.contains(required)) {
				errors.add(RowError.of(1, required, ProposalImportCode.MISSING_COLUMN,
						ProposalImportCode.args("column", required, "required", String.join(", ", REQUIRED)),
						"The header needs a '" + required + "' column (required columns: " + String.join(", ", REQUIRED)
								+ ")."));
			}
		}
		return columns;
	}

	private static boolean isBlank(CSVRecord record) {
		for (String value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Writes rows of cells (by column name) under the full header, with a BOM so that
	 * spreadsheets see UTF-8. As typed, the bytes import back unchanged; for spreadsheet
	 * apps, cells that would run as formulas get a leading apostrophe, which an import
	 * keeps (not a round trip).
	 */
	static byte[] write(List<Map<String, String>> rows, CsvFlavour flavour) {
		StringBuilder out = new StringBuilder();
		if (flavour == CsvFlavour.AS_TYPED) {
			out.append(BOM); // the spreadsheet printer writes its own
		}
		try (CsvFlavour.Printer printer = flavour.printer(out, FORMAT)) {
			printer.printRecord(COLUMNS);
			for (Map<String, String> row : rows) {
				List<String> values = new ArrayList<>(COLUMNS.size());
				for (String column : COLUMNS) {
					String value = row.get(column);
					values.add((value != null) ? value : "");
				}
				printer.printRecord(values);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String decode(byte[] body) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		CharBuffer out = CharBuffer.allocate(body.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw new IllegalArgumentException("The file is not valid UTF-8 (line " + lineOf(body, in.position())
					+ ", byte " + (in.position() + 1) + "). Save it as \"CSV UTF-8\" and import it again.");
		}
		decoder.flush(out);
		out.flip();
		return out.toString();
	}

	private static int malformedAt(byte[] body) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		decoder.decode(in, CharBuffer.allocate(body.length + 1), true);
		return in.position();
	}

	/** The physical line (1-based) of a byte offset. */
	private static int lineOf(byte[] body, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < body.length; i++) {
			if (body[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String cause(Exception ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = cause.getMessage();
		return (message != null) ? "(" + message + ")" : "";
	}

	private static Parsed failure(RowError error) {
		return new Parsed(List.of(), List.of(), List.of(error), true);
	}

}
