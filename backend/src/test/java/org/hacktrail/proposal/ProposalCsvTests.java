package org.hacktrail.proposal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.proposal.ProposalCsv.Parsed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV format on its own: what is read, what is refused (with the row a spreadsheet
 * shows), and that writing then reading gives back exactly the same cells.
 */
class ProposalCsvTests {

	static Parsed parse(String text) {
		return ProposalCsv.parse(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsColumnsInAnyOrderWithABom() {
		Parsed parsed = parse("\uFEFFProposer , TITLE,summary\r\nAudrey,vTaiwan,\"multi\nline\"\r\n");
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.columns()).containsExactly("proposer", "title", "summary");
		assertThat(parsed.rows()).hasSize(1);
		assertThat(parsed.rows().get(0).cell("title")).isEqualTo("vTaiwan");
		assertThat(parsed.rows().get(0).cell("summary")).isEqualTo("multi\nline");
	}

	@Test
	void rowsAreNumberedAsASpreadsheetShowsThem() {
		// Row 2 holds a cell spanning three lines; row 3 is blank; row 4 has one cell too
		// many.
		Parsed parsed = parse("title,proposer\n\"a\nb\nc\",x\n,\nd,y,z\ne,w\n");
		assertThat(parsed.rows()).extracting(ProposalCsv.Row::row).containsExactly(2, 5);
		assertThat(parsed.errors()).singleElement().satisfies((error) -> {
			assertThat(error.row()).isEqualTo(4);
			assertThat(error.message()).contains("3 cells").contains("2 columns");
		});
	}

	@Test
	void anUnbalancedQuoteStopsReadingAtItsRow() {
		Parsed parsed = parse("title,proposer\nok,x\n\"never closed,y\nmore,z\n");
		assertThat(parsed.fatal()).isTrue();
		assertThat(parsed.errors()).singleElement().satisfies((error) -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.message()).contains("quote");
		});
		Parsed afterQuoted = parse("title,proposer\n\"quoted\"tail,y\n");
		assertThat(afterQuoted.fatal()).isTrue();
		assertThat(afterQuoted.errors().get(0).row()).isEqualTo(2);
	}

	@Test
	void aQuoteInsideAnUnquotedCellIsRefusedWithItsRowAndColumn() {
		Parsed parsed = parse("title,proposer\r\nok,x\r\n\"a, \"\"quoted\"\"\r\nline\",ab\"cd\r\n");
		assertThat(parsed.fatal()).isTrue();
		assertThat(parsed.rows()).isEmpty();
		assertThat(parsed.errors()).singleElement().satisfies((error) -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.column()).isEqualTo("proposer");
			assertThat(error.message()).contains("quote inside an unquoted cell");
		});
		// Quotes inside quoted cells, and spaces after a closing quote, are RFC 4180.
		Parsed fine = parse("title,proposer,summary\n\"say \"\"hi\"\"\" ,x,\"\"\"\"\n\"\",y,z\n");
		assertThat(fine.errors()).isEmpty();
		assertThat(fine.rows().get(0).cell("title")).isEqualTo("say \"hi\"");
		assertThat(fine.rows().get(0).cell("summary")).isEqualTo("\"");
	}

	@Test
	void controlCharactersOtherThanTabAndLineBreaksAreRefusedWithTheirRowAndColumn() {
		Parsed parsed = parse(
				"title,proposer,summary\nok,x,\"two\nlines\tand a tab\"\nnul\u0000byte,y,\nz,w,bell\u0007\n");
		assertThat(parsed.fatal()).isTrue();
		assertThat(parsed.rows()).isEmpty();
		assertThat(parsed.errors()).extracting(ProposalCsv.RowError::row, ProposalCsv.RowError::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "title"),
					org.assertj.core.groups.Tuple.tuple(4, "summary"));
		assertThat(parsed.errors().get(0).message()).contains("U+0000");
	}

	@Test
	void invalidUtf8IsRefusedWithItsLine() {
		byte[] latin1 = "title,proposer\nCaf\u00e9,x\n".getBytes(StandardCharsets.ISO_8859_1);
		Parsed parsed = ProposalCsv.parse(latin1);
		assertThat(parsed.fatal()).isTrue();
		assertThat(parsed.errors().get(0).row()).isEqualTo(2);
		assertThat(parsed.errors().get(0).message()).contains("UTF-8").contains("line 2");
		byte[] utf16 = "title,proposer\n".getBytes(StandardCharsets.UTF_16);
		assertThat(ProposalCsv.parse(utf16).errors().get(0).message()).contains("UTF-8");
	}

	@Test
	void anEmptyFileOrABlankOneIsRefused() {
		for (String empty : List.of("", "\uFEFF", "  \r\n\r\n")) {
			Parsed parsed = parse(empty);
			assertThat(parsed.fatal()).isTrue();
			assertThat(parsed.errors().get(0).message()).contains("empty").contains("title,proposer");
		}
	}

	@Test
	void aHeaderAloneHasNoRowsAndNoErrors() {
		Parsed parsed = parse("title,proposer,tags\r\n");
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.rows()).isEmpty();
	}

	@Test
	void theHeaderIsChecked() {
		Parsed unknown = parse("title,proposer,votes\nx,y,1\n");
		assertThat(unknown.fatal()).isTrue();
		assertThat(unknown.errors()).singleElement().satisfies((error) -> {
			assertThat(error.row()).isEqualTo(1);
			assertThat(error.column()).isEqualTo("votes");
			assertThat(error.message())
				.contains("title, proposer, proposer_affiliation, summary, channel, tags, needs, pitch_video_url, "
						+ "slides_url, notes_url, website_url, repository_url, other_urls");
		});
		assertThat(parse("title,title,proposer\n").errors()).extracting(ProposalCsv.RowError::message)
			.anyMatch((m) -> m.contains("twice"));
		assertThat(parse("summary,channel\n").errors()).extracting(ProposalCsv.RowError::column)
			.containsExactly("title", "proposer");
		assertThat(parse("title,,proposer\n").errors()).extracting(ProposalCsv.RowError::message)
			.anyMatch((m) -> m.contains("Column 2"));
	}

	@Test
	void writingThenReadingGivesBackEveryCellByteForByte() {
		String tricky = "第一行, with a comma\r\n\"quoted\" 🙂 second line\nthird ,\"\" end ";
		Map<String, String> row = new LinkedHashMap<>();
		row.put("title", "零時政府 \"g0v\", 真的假的 🧐");
		row.put("proposer", "唐鳳, Audrey");
		row.put("summary", tricky);
		row.put("channel", "#cofacts");
		row.put("tags", "open-government;media-literacy");
		row.put("needs", "前端;Data, science");
		row.put("other_urls", "https://a.example/1 https://b.example/2?q=1,2");
		Map<String, String> second = Map.of("title", "  leading spaces", "proposer", "x", "summary", "=SUM(A1)");
		byte[] written = ProposalCsv.write(List.of(row, second), CsvFlavour.AS_TYPED);
		assertThat(written[0]).isEqualTo((byte) 0xEF);
		Parsed parsed = ProposalCsv.parse(written);
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.columns()).containsExactlyElementsOf(ProposalCsv.COLUMNS);
		assertThat(parsed.rows()).hasSize(2);
		for (Map.Entry<String, String> cell : row.entrySet()) {
			assertThat(parsed.rows().get(0).cell(cell.getKey())).isEqualTo(cell.getValue());
		}
		assertThat(parsed.rows().get(0).cell("summary").getBytes(StandardCharsets.UTF_8))
			.isEqualTo(tricky.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.rows().get(1).cell("title")).isEqualTo("  leading spaces");
		assertThat(parsed.rows().get(1).cell("summary")).isEqualTo("=SUM(A1)");
		assertThat(parsed.rows().get(2 - 1).row()).isEqualTo(3);
		// Writing what was read gives the same bytes again.
		Map<String, String> reread = new LinkedHashMap<>(parsed.rows().get(0).cells());
		Map<String, String> reread2 = new LinkedHashMap<>(parsed.rows().get(1).cells());
		assertThat(ProposalCsv.write(List.of(reread, reread2), CsvFlavour.AS_TYPED)).isEqualTo(written);
	}

	@Test
	void aTenThousandCharacterCellIsReadWhole() {
		String big = "長".repeat(10_000);
		Parsed parsed = parse("title,proposer,summary\nx,y,\"" + big + "\"\n");
		assertThat(parsed.rows().get(0).cell("summary")).hasSize(10_000);
	}

}
