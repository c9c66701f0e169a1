package org.hacktrail.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading downloaded CSV files in tests, and what their spreadsheet-safe variant should
 * hold.
 */
public final class CsvFiles {

	private CsvFiles() {
	}

	/**
	 * The data rows of a CSV text whose first row names the columns (a leading BOM is
	 * skipped).
	 */
	public static List<CSVRecord> records(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		try (CSVParser parser = CSVParser.parse(new StringReader(text),
				CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			return parser.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell as the spreadsheet-safe file should write it: an apostrophe before = + - @
	 * tab or CR at the start (written here independently of the production code, as the
	 * expectation).
	 */
	public static String forSpreadsheet(String cell) {
		return (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

}
