package org.hacktrail.proposal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.DomainException;
import org.hacktrail.proposal.ProposalCsv.Parsed;
import org.hacktrail.proposal.ProposalCsv.RowError;
import org.hacktrail.support.SchemaEnums;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The codes and arguments of a proposal import's errors (issue #17: the panel says them
 * in the reader's language), beside the English kept for API users. Plain Java: the
 * readers, and the cell checks' refusals as the import codes them; the answer over REST
 * is {@code ProposalImportCodesApiTests}.
 */
class ProposalImportCodeTests {

	static Parsed csv(String text) {
		return ProposalCsv.parse(text.getBytes(StandardCharsets.UTF_8));
	}

	static Parsed page(String text) {
		return ProposalMarkdown.parse(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theJavaCodesAreTheSchemasCodes() {
		assertThat(Arrays.stream(ProposalImportCode.values()).map(Enum::name).toList())
			.isEqualTo(SchemaEnums.values("proposal.graphqls", "ProposalImportErrorCode"));
	}

	@Test
	void aQuoteInsideAnUnquotedCellIsCodedWithItsPosition() {
		RowError error = csv("title,proposer\r\nok,x\r\nfine,ab\"cd\r\n").errors().get(0);
		assertThat(error.row()).isEqualTo(3);
		assertThat(error.column()).isEqualTo("proposer");
		assertThat(error.code()).isEqualTo(ProposalImportCode.QUOTE_IN_UNQUOTED_CELL);
		assertThat(error.args()).isEqualTo(Map.of("position", 2));
		assertThat(error.message()).contains("quote inside an unquoted cell");
		assertThat(error.section()).isNull();
	}

	@Test
	void aNulByteIsACodedControlCharacter() {
		RowError error = csv("title,proposer\nnul\u0000byte,y\n").errors().get(0);
		assertThat(error.row()).isEqualTo(2);
		assertThat(error.column()).isEqualTo("title");
		assertThat(error.code()).isEqualTo(ProposalImportCode.CONTROL_CHARACTER);
		assertThat(error.args()).containsEntry("char", "U+0000").containsEntry("position", 1);
		assertThat(error.message()).contains("U+0000");
	}

	@Test
	void headerProblemsNameTheColumn() {
		assertThat(csv("summary,channel\n").errors()).extracting(RowError::code, RowError::args)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ProposalImportCode.MISSING_COLUMN,
							Map.of("column", "title", "required", "title, proposer")),
					org.assertj.core.groups.Tuple.tuple(ProposalImportCode.MISSING_COLUMN,
							Map.of("column", "proposer", "required", "title, proposer")));
		RowError unknown = csv("title,proposer,votes\n").errors().get(0);
		assertThat(unknown.code()).isEqualTo(ProposalImportCode.UNKNOWN_COLUMN);
		assertThat(unknown.args()).containsEntry("column", "votes")
			.containsEntry("columns", String.join(", ", ProposalCsv.COLUMNS));
		assertThat(csv("title,title,proposer\n").errors()).extracting(RowError::code)
			.containsExactly(ProposalImportCode.DUPLICATE_COLUMN);
		assertThat(csv("title,,proposer\n").errors().get(0).args()).containsEntry("position", 2);
		assertThat(csv("title,,proposer\n").errors().get(0).code()).isEqualTo(ProposalImportCode.HEADER_COLUMN_UNNAMED);
	}

	@Test
	void fileProblemsAreCoded() {
		assertThat(csv("").errors().get(0).code()).isEqualTo(ProposalImportCode.FILE_EMPTY);
		RowError cells = csv("title,proposer\nd,y,z\n").errors().get(0);
		assertThat(cells.code()).isEqualTo(ProposalImportCode.CELL_COUNT);
		assertThat(cells.args()).isEqualTo(Map.of("cells", 3, "columns", 2));
		RowError unclosed = csv("title,proposer\nok,x\n\"never closed,y\n").errors().get(0);
		assertThat(unclosed.code()).isEqualTo(ProposalImportCode.CSV_UNREADABLE);
		assertThat(unclosed.args()).isEqualTo(Map.of("row", 3));
		RowError latin1 = ProposalCsv.parse("title,proposer\nCaf\u00e9,x\n".getBytes(StandardCharsets.ISO_8859_1))
			.errors()
			.get(0);
		assertThat(latin1.code()).isEqualTo(ProposalImportCode.FILE_NOT_UTF8);
		assertThat(latin1.args()).containsEntry("line", 2).containsEntry("byte", 19);
	}

	@Test
	void pageProblemsAreCodedWithTheirSection() {
		RowError noProposer = page("# g0v\n\n## 空氣盒子\n沒有發表者\n").errors().get(0);
		assertThat(noProposer.code()).isEqualTo(ProposalImportCode.NO_PROPOSER_LINE);
		assertThat(noProposer.section()).isEqualTo("空氣盒子");
		assertThat(noProposer.row()).isEqualTo(3);
		assertThat(noProposer.message()).contains("Section \"空氣盒子\" (line 3)");
		RowError control = page("## A\n> [name=發表者 B]\nbell\u0007\n").errors().get(0);
		assertThat(control.code()).isEqualTo(ProposalImportCode.CONTROL_CHARACTER);
		assertThat(control.args()).isEqualTo(Map.of("char", "U+0007"));
		assertThat(page("just text\n").errors().get(0).code()).isEqualTo(ProposalImportCode.NO_PROPOSALS);
		assertThat(ProposalMarkdown.parse(new byte[] { (byte) 0xff, 0x41 }).errors().get(0).code())
			.isEqualTo(ProposalImportCode.PAGE_NOT_UTF8);
	}

	static ProposalImportCode.Coded refusal(Supplier<?> check) {
		DomainException refused = catchThrowableOfType(DomainException.class, check::get);
		assertThat(refused).as("refused").isNotNull();
		return ProposalImportCode.of(refused);
	}

	/**
	 * Every refusal of the checks a cell goes through has its code: a sentence reworded
	 * in ProposalContent, LocalizedText or FreeText fails here, not in front of a reader
	 * as INVALID_VALUE.
	 */
	@Test
	void everyCellCheckRefusalHasItsCodeAndArguments() {
		ProposalTags tags = new ProposalTags(new ProposalTags.Properties(null));
		assertThat(refusal(() -> ProposalContent.title(LocalizedText.guess("x".repeat(201)))))
			.isEqualTo(coded(ProposalImportCode.TOO_LONG, "max", 200, "length", 201));
		assertThat(refusal(() -> ProposalContent.title(LocalizedText.guess(""))))
			.isEqualTo(coded(ProposalImportCode.VALUE_MISSING));
		assertThat(refusal(() -> ProposalContent.title(LocalizedText.guess("!!!"))))
			.isEqualTo(coded(ProposalImportCode.NO_LETTER_OR_DIGIT));
		assertThat(refusal(() -> ProposalContent.title(LocalizedText.guess("a\u202Eb"))))
			.isEqualTo(coded(ProposalImportCode.REORDERING_CHARACTER, "char", "U+202E"));
		assertThat(refusal(() -> ProposalContent.title(new LocalizedText(null, "\u200B"))))
			.isEqualTo(coded(ProposalImportCode.NO_VISIBLE_CHARACTER));
		assertThat(refusal(() -> ProposalContent.proposer(" "))).isEqualTo(coded(ProposalImportCode.VALUE_MISSING));
		assertThat(refusal(() -> ProposalContent.proposer("a\nb")))
			.isEqualTo(coded(ProposalImportCode.LINE_BREAK, "char", "U+000A"));
		assertThat(refusal(() -> ProposalContent.proposer("a\u0007b")))
			.isEqualTo(coded(ProposalImportCode.CONTROL_CHARACTER, "char", "U+0007"));
		assertThat(refusal(() -> ProposalContent.proposer("a\uD800b")))
			.isEqualTo(coded(ProposalImportCode.LONE_SURROGATE, "char", "U+D800"));
		assertThat(refusal(() -> ProposalContent.channel("#" + "c".repeat(100))))
			.isEqualTo(coded(ProposalImportCode.TOO_LONG, "max", 100, "length", 101));
		assertThat(refusal(() -> ProposalContent.summary(new LocalizedText(null, "nul\u0000"))))
			.isEqualTo(coded(ProposalImportCode.CONTROL_CHARACTER, "char", "U+0000"));
		assertThat(refusal(() -> ProposalContent.tags(List.of("votes"), tags)))
			.isEqualTo(coded(ProposalImportCode.UNKNOWN_TAG, "tag", "votes", "tags", String.join(", ", tags.ids())));
		List<String> eleven = tags.all().stream().limit(11).map(ProposalTags.Tag::id).toList();
		assertThat(refusal(() -> ProposalContent.tags(eleven, tags)))
			.isEqualTo(coded(ProposalImportCode.TOO_MANY_TAGS, "max", 10, "count", 11));
		assertThat(refusal(() -> ProposalContent.needs(List.of("a;b"))))
			.isEqualTo(coded(ProposalImportCode.SEMICOLON_IN_SKILL, "skill", "a;b"));
		List<String> skills = IntStream.rangeClosed(1, 31).mapToObj((i) -> "skill " + i).toList();
		assertThat(refusal(() -> ProposalContent.needs(skills)))
			.isEqualTo(coded(ProposalImportCode.TOO_MANY_SKILLS, "max", 30, "count", 31));
		List<String> contacts = IntStream.rangeClosed(1, 11).mapToObj((i) -> "@person" + i).toList();
		assertThat(refusal(() -> ProposalContent.contacts(contacts)))
			.isEqualTo(coded(ProposalImportCode.TOO_MANY_CONTACTS, "max", 10, "count", 11));
		assertThat(refusal(() -> ProposalContent.url(" ", "website_url")))
			.isEqualTo(coded(ProposalImportCode.LINK_EMPTY));
		assertThat(refusal(() -> ProposalContent.url("https://example.org/" + "a".repeat(2000), "website_url")))
			.isEqualTo(coded(ProposalImportCode.TOO_LONG, "max", 2000));
		assertThat(refusal(() -> ProposalContent.url("https://a b", "website_url")))
			.isEqualTo(coded(ProposalImportCode.URL_SPACES, "url", "https://a b"));
		assertThat(refusal(() -> ProposalContent.url("ftp://example.org", "website_url")))
			.isEqualTo(coded(ProposalImportCode.URL_SCHEME, "url", "ftp://example.org"));
		assertThat(refusal(() -> ProposalContent.url("https:/nohost", "website_url")))
			.isEqualTo(coded(ProposalImportCode.URL_NO_HOST, "url", "https:/nohost"));
		assertThat(refusal(() -> ProposalContent.url("https://[bad", "website_url")))
			.isEqualTo(coded(ProposalImportCode.URL_INVALID, "url", "https://[bad"));
		assertThat(refusal(() -> ProposalContent.label("l".repeat(61), "website_url")))
			.isEqualTo(coded(ProposalImportCode.TOO_LONG, "max", 60, "length", 61));
		assertThat(ProposalImportCode.of(DomainException.badInput("title", "Something new.")))
			.isEqualTo(coded(ProposalImportCode.INVALID_VALUE));
	}

	static ProposalImportCode.Coded coded(ProposalImportCode code, Object... args) {
		return new ProposalImportCode.Coded(code,
				(args.length == 0) ? Collections.emptyMap() : ProposalImportCode.args(args));
	}

}
