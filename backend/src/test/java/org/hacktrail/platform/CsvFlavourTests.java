package org.hacktrail.platform;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two flavours of a CSV download: as typed writes exactly what Commons CSV writes;
 * for spreadsheet apps, text that starts with a formula character gets a leading
 * apostrophe and nothing else changes.
 */
class CsvFlavourTests {

	static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	static String print(CsvFlavour flavour, Object... cells) throws IOException {
		StringWriter out = new StringWriter();
		try (CsvFlavour.Printer printer = flavour.printer(out, FORMAT)) {
			printer.printRecord(cells);
			printer.printRecord(Arrays.asList(cells));
		}
		return out.toString();
	}

	@Test
	void eachTriggerAtTheStartGetsAnApostropheForSpreadsheetsOnly() {
		for (String text : List.of("=HYPERLINK(\"http://evil\",\"click\")", "+1+1", "-2+3+cmd|' /C calc'!A0",
				"@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=", "-", "＝HYPERLINK(\"http://evil\")", "＋1", "－1+1", "＠SUM(A1)")) {
			assertThat(CsvFlavour.SPREADSHEET.cell(text)).as(text).isEqualTo("'" + text);
			assertThat(CsvFlavour.AS_TYPED.cell(text)).as(text).isEqualTo(text);
		}
		for (String text : List.of("", "a=b", "1+1", "x-y", "mail@example.org", "a\t=b", " =1+1", "'=already",
				"#cofacts", "零時政府=g0v", "提案＝g0v", "（＝）")) {
			assertThat(CsvFlavour.SPREADSHEET.cell(text)).as(text).isEqualTo(text);
		}
		assertThat(CsvFlavour.SPREADSHEET.cell(null)).isNull();
	}

	@Test
	void numbersTheExportWritesStayNumbersButTextThatLooksLikeOneIsNeutralised() {
		assertThat(CsvFlavour.SPREADSHEET.cell(-0.25)).isEqualTo(-0.25);
		assertThat(CsvFlavour.SPREADSHEET.cell(-3)).isEqualTo(-3);
		assertThat(CsvFlavour.SPREADSHEET.cell(-7L)).isEqualTo(-7L);
		assertThat(CsvFlavour.SPREADSHEET.cell(new BigDecimal("-1.5"))).isEqualTo(new BigDecimal("-1.5"));
		assertThat(CsvFlavour.SPREADSHEET.cell(Double.NEGATIVE_INFINITY)).as("prints as a word")
			.isEqualTo("'-Infinity");
		assertThat(CsvFlavour.SPREADSHEET.cell("-1")).as("typed text").isEqualTo("'-1");
		assertThat(CsvFlavour.SPREADSHEET.cell(true)).isEqualTo("true");
	}

	@Test
	void asTypedWritesTheSameBytesAsCommonsCsv() throws IOException {
		Object[] cells = { "=1+1", "-x", "quote \" and, comma", "two\r\nlines", "\tlead", -1.5, 3, null, "" };
		StringWriter plain = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(plain, FORMAT)) {
			printer.printRecord(cells);
			printer.printRecord(Arrays.asList(cells));
		}
		assertThat(print(CsvFlavour.AS_TYPED, cells)).isEqualTo(plain.toString());
		// Commons CSV quotes a cell whose first character is at most '#' (the tab did);
		// after the apostrophe it
		// needs no quotes.
		String record = "'=1+1,'-x,\"quote \"\" and, comma\",\"two\r\nlines\",'\tlead,-1.5,3,,\r\n";
		// For spreadsheet apps the file starts with a byte order mark, so Excel reads the
		// UTF-8 (Chinese) text right.
		assertThat(print(CsvFlavour.SPREADSHEET, cells)).isEqualTo("\uFEFF" + record + record);
	}

	@Test
	void theParameterIsAbsentOrSpreadsheetAndAnythingElseIsRefusedNamingTheAllowedValue() {
		assertThat(CsvFlavour.of(null)).isEqualTo(CsvFlavour.AS_TYPED);
		assertThat(CsvFlavour.of("spreadsheet")).isEqualTo(CsvFlavour.SPREADSHEET);
		for (String bad : List.of("", "excel", "Spreadsheet", "spreadsheet,spreadsheet")) {
			assertThatThrownBy(() -> CsvFlavour.of(bad)).as(bad)
				.isInstanceOfSatisfying(DomainException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_USER_INPUT))
				.hasMessageContaining("'" + bad + "'")
				.hasMessageContaining("the only allowed value is 'spreadsheet'");
		}
	}

	@Test
	void theFileNameSaysWhichFlavourItIs() {
		assertThat(CsvFlavour.AS_TYPED.fileName("g0v-proposals")).isEqualTo("g0v-proposals.csv");
		assertThat(CsvFlavour.SPREADSHEET.fileName("g0v-proposals")).isEqualTo("g0v-proposals-spreadsheet.csv");
	}

}
