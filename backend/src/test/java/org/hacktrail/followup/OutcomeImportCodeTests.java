package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hacktrail.platform.DomainException;
import org.hacktrail.support.SchemaEnums;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The codes of an outcome import's skipped rows (issue #17), plain Java: the list the
 * schema gives clients, and every refusal of {@link MilestoneRules} coded with its
 * arguments, read from its reason code (a reason without a row code fails here rather
 * than reaching a reader as INVALID_VALUE). The job's report over GraphQL is
 * {@code OutcomeImportCodesApiTests}.
 */
class OutcomeImportCodeTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

	@Test
	void theJavaCodesAreTheSchemasCodes() {
		assertThat(Arrays.stream(OutcomeImportCode.values()).map(Enum::name).toList())
			.isEqualTo(SchemaEnums.values("followup.graphqls", "OutcomeImportErrorCode"));
	}

	interface Check {

		void run();

	}

	static InvalidOutcomeRow refused(Check check) {
		DomainException refusal = catchThrowableOfType(DomainException.class, check::run);
		assertThat(refusal).as("refused").isNotNull();
		return OutcomeImportCode.refused(7, "x", refusal);
	}

	static void check(MilestoneType type, String date, String agency, String programme, String amount, String currency,
			String url, String note) {
		MilestoneRules.check(type, LocalDate.parse(date), agency, null, programme, amount, currency, url, note, TODAY);
	}

	static Map<String, String> args(String... namesAndValues) {
		Map<String, String> args = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			args.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return args;
	}

	static void assertCoded(InvalidOutcomeRow row, OutcomeImportCode code, String... args) {
		assertThat(row.code()).as(row.getMessage()).isEqualTo(code);
		assertThat(row.args()).as(row.getMessage()).isEqualTo(args(args));
		assertThat(row.row()).isEqualTo(7);
	}

	@Test
	void everyMilestoneRuleRefusalHasItsCodeAndArguments() {
		String url = "https://example.org/e";
		assertCoded(refused(() -> check(MilestoneType.PILOT, "1989-12-31", null, null, null, null, null, null)),
				OutcomeImportCode.DATE_BEFORE_1990, "date", "1989-12-31");
		assertCoded(refused(() -> check(MilestoneType.PILOT, "2031-01-01", null, null, null, null, null, null)),
				OutcomeImportCode.DATE_IN_FUTURE, "date", "2031-01-01");
		assertCoded(refused(() -> check(MilestoneType.FUNDED, "2024-01-01", null, null, null, null, url, null)),
				OutcomeImportCode.FUNDING_SOURCE_MISSING);
		assertCoded(refused(() -> check(MilestoneType.ADOPTED, "2024-01-01", null, null, null, null, url, null)),
				OutcomeImportCode.AGENCY_MISSING, "type", "ADOPTED");
		assertCoded(refused(() -> check(MilestoneType.ADOPTED, "2024-01-01", "Taipei", null, null, null, null, null)),
				OutcomeImportCode.EVIDENCE_MISSING, "type", "ADOPTED");
		assertCoded(refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, "10", "TWD", null, null)),
				OutcomeImportCode.AMOUNT_NOT_ALLOWED);
		assertCoded(refused(
				() -> check(MilestoneType.FUNDING_APPLIED, "2024-01-01", null, null, "1,000", "TWD", null, null)),
				OutcomeImportCode.AMOUNT_INVALID, "value", "1,000");
		assertCoded(refused(() -> check(MilestoneType.FUNDING_APPLIED, "2024-01-01", null, null, "1" + "0".repeat(16),
				"TWD", null, null)), OutcomeImportCode.AMOUNT_TOO_LARGE, "value", "1" + "0".repeat(16));
		assertCoded(
				refused(() -> check(MilestoneType.FUNDING_APPLIED, "2024-01-01", null, null, "10", null, null, null)),
				OutcomeImportCode.CURRENCY_MISSING);
		assertCoded(
				refused(() -> check(MilestoneType.FUNDING_APPLIED, "2024-01-01", null, null, null, "TWD", null, null)),
				OutcomeImportCode.AMOUNT_MISSING);
		assertCoded(
				refused(() -> check(MilestoneType.FUNDING_APPLIED, "2024-01-01", null, null, "10", "NTD$", null, null)),
				OutcomeImportCode.CURRENCY_INVALID, "value", "NTD$");
		assertCoded(
				refused(() -> check(MilestoneType.PILOT, "2024-01-01", "a".repeat(201), null, null, null, null, null)),
				OutcomeImportCode.TOO_LONG, "max", "200");
		assertCoded(refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, null, null,
				"https://example.org/" + "a".repeat(2000), null)), OutcomeImportCode.TOO_LONG, "max", "2000");
		assertCoded(
				refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, null, null, "https://a b", null)),
				OutcomeImportCode.URL_SPACES, "url", "https://a b");
		assertCoded(
				refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, null, null, "ftp://a.org", null)),
				OutcomeImportCode.URL_SCHEME, "url", "ftp://a.org");
		assertCoded(
				refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, null, null, "https:/nohost", null)),
				OutcomeImportCode.URL_NO_HOST, "url", "https:/nohost");
		assertCoded(
				refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, null, null, "https://[bad", null)),
				OutcomeImportCode.URL_INVALID, "url", "https://[bad");
		assertCoded(
				refused(() -> check(MilestoneType.PILOT, "2024-01-01", "Taipei\nCity", null, null, null, null, null)),
				OutcomeImportCode.LINE_BREAK, "char", "U+000A");
		assertCoded(refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, null, null, null, "nul\u0000")),
				OutcomeImportCode.CONTROL_CHARACTER, "char", "U+0000");
		assertCoded(refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, "a\u202Eb", null, null, null, null)),
				OutcomeImportCode.REORDERING_CHARACTER, "char", "U+202E");
		assertCoded(refused(() -> check(MilestoneType.PILOT, "2024-01-01", "\u200B", null, null, null, null, null)),
				OutcomeImportCode.NO_VISIBLE_CHARACTER);
		assertCoded(refused(() -> check(MilestoneType.PILOT, "2024-01-01", null, null, null, null, null, "x\uDC00")),
				OutcomeImportCode.LONE_SURROGATE, "char", "U+DC00");
		assertCoded(OutcomeImportCode.refused(7, null, DomainException.badInput("note", "Something new.")),
				OutcomeImportCode.INVALID_VALUE);
	}

}
