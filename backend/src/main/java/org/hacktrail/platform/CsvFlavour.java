package org.hacktrail.platform;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * How a CSV download writes its cells, chosen with the query parameter {@code for}.
 *
 * <ul>
 * <li>{@link #AS_TYPED} (no {@code for}): every cell exactly as stored. This is what
 * programs and the imports read; the proposal export imports back byte for byte.</li>
 * <li>{@link #SPREADSHEET} ({@code ?for=spreadsheet}): a text cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @} (or their full-width forms), a tab or a
 * carriage return gets a leading apostrophe, so that Excel, LibreOffice or Google Sheets
 * show it as text instead of running it as a formula ("CSV injection", OWASP's
 * recommendation). The apostrophes are part of the file: importing it is not a round
 * trip, and the imports keep them as typed (stripping them would silently change values
 * that people did type with an apostrophe).</li>
 * </ul>
 *
 * <p>
 * Numbers an export writes as Java numbers ({@code Integer}, {@code Double}, …) are left
 * alone in both flavours: their text is digits, a sign, a point and an exponent, which
 * spreadsheets read as a number, never as a formula, and a negative score must stay a
 * number to sort and sum. Only finite numbers qualify ({@code NaN} and infinities print
 * as words). Text that merely looks like a number (a title {@code -1}) is text someone
 * typed, and is neutralised.
 *
 * <p>
 * Exports write through {@link #printer(Appendable, CSVFormat)} so that no record can
 * bypass the neutralisation.
 */
public enum CsvFlavour {

	/** Cells as stored: the default, for programs and re-import. */
	AS_TYPED,

	/** Cells that a spreadsheet would run as a formula start with an apostrophe. */
	SPREADSHEET;

	/** The query parameter that chooses the flavour of a CSV download. */
	public static final String PARAMETER = "for";

	/** The only value of {@link #PARAMETER}. */
	public static final String SPREADSHEET_VALUE = "spreadsheet";

	/**
	 * U+FEFF, which a UTF-8 file starts with so that spreadsheet apps read it as UTF-8.
	 */
	public static final char BYTE_ORDER_MARK = '\uFEFF';

	/**
	 * The first characters that make spreadsheet apps read a cell as a formula (OWASP,
	 * "CSV Injection"), and their full-width forms ({@code ＝＋－＠}, U+FF1D, U+FF0B, U+FF0D,
	 * U+FF20), which a zh-TW or Japanese input method types and which East Asian editions
	 * of Excel have been reported to take as the ASCII ones.
	 */
	private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

	/**
	 * The flavour a {@code for} parameter asks for: absent is {@link #AS_TYPED};
	 * {@code spreadsheet} is {@link #SPREADSHEET}; anything else (an empty value
	 * included) is BAD_USER_INPUT naming the allowed value, rather than a file that
	 * silently is not what the caller asked for.
	 */
	public static CsvFlavour of(@Nullable String value) {
		if (value == null) {
			return AS_TYPED;
		}
		if (SPREADSHEET_VALUE.equals(value)) {
			return SPREADSHEET;
		}
		throw DomainException.badInput(PARAMETER, Refusal.CSV_FLAVOUR, "value", value, "allowed", SPREADSHEET_VALUE);
	}

	/**
	 * The download's file name: {@code stem.csv}, or {@code stem-spreadsheet.csv} for
	 * spreadsheet apps.
	 */
	public String fileName(String stem) {
		return (this == SPREADSHEET) ? stem + "-" + SPREADSHEET_VALUE + ".csv" : stem + ".csv";
	}

	/**
	 * A CSV printer on {@code out} in {@code format} that writes every record's cells in
	 * this flavour. For spreadsheet apps the file starts with a byte order mark: without
	 * one, Excel reads UTF-8 as the system code page and shows Chinese text garbled.
	 * (Files as typed have none, for programs, except the proposal export, which always
	 * had one.)
	 */
	public Printer printer(Appendable out, CSVFormat format) throws IOException {
		if (this == SPREADSHEET) {
			out.append(BYTE_ORDER_MARK);
		}
		return new Printer(new CSVPrinter(out, format), this);
	}

	/**
	 * One cell in this flavour (null stays null: the printer writes it as an empty cell).
	 */
	public @Nullable Object cell(@Nullable Object value) {
		if (this == AS_TYPED || value == null || isFiniteNumber(value)) {
			return value;
		}
		return neutralise(value.toString());
	}

	/**
	 * {@code text} with a leading apostrophe if a spreadsheet would read it as a formula,
	 * else unchanged.
	 */
	public static String neutralise(String text) {
		return (!text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	private static boolean isFiniteNumber(Object value) {
		if (value instanceof Double d) {
			return Double.isFinite(d);
		}
		if (value instanceof Float f) {
			return Float.isFinite(f);
		}
		return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger || value instanceof BigDecimal;
	}

	/**
	 * Commons CSV's {@link CSVPrinter} (a final class) with each record's cells passed
	 * through {@link CsvFlavour#cell(Object)}. A header set in the {@link CSVFormat} is
	 * printed by Commons CSV as given: exports name their columns with fixed words.
	 */
	public static final class Printer implements Closeable, Flushable {

		private final CSVPrinter printer;

		private final CsvFlavour flavour;

		private Printer(CSVPrinter printer, CsvFlavour flavour) {
			this.printer = printer;
			this.flavour = flavour;
		}

		public void printRecord(Iterable<?> values) throws IOException {
			if (this.flavour == AS_TYPED) {
				this.printer.printRecord(values);
				return;
			}
			List<@Nullable Object> cells = new ArrayList<>();
			for (Object value : values) {
				cells.add(this.flavour.cell(value));
			}
			this.printer.printRecord(cells);
		}

		public void printRecord(@Nullable Object... values) throws IOException {
			printRecord(java.util.Arrays.asList(values));
		}

		@Override
		public void flush() throws IOException {
			this.printer.flush();
		}

		/**
		 * Flushes and closes the underlying writer, as {@link CSVPrinter#close()} does.
		 */
		@Override
		public void close() throws IOException {
			this.printer.close();
		}

	}

}
