package org.hacktrail.followup;

import java.time.LocalDate;

import org.hacktrail.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The milestone rules and the natural key. */
class MilestoneRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	static MilestoneDraft funded(String agency, String programme, String amount, String currency, String evidence) {
		return MilestoneRules.check(MilestoneType.FUNDED, LocalDate.of(2025, 3, 1), agency, null, programme, amount,
				currency, evidence, null, TODAY);
	}

	static String field(Runnable check) {
		try {
			check.run();
		}
		catch (DomainException ex) {
			return (String) ex.details().get("field");
		}
		throw new AssertionError("no error");
	}

	@Test
	void fundingNeedsEvidenceAnAgencyAndAnAmountWithItsCurrency() {
		assertThat(field(() -> funded("MODA", null, "100", "TWD", null))).isEqualTo("evidenceUrl");
		assertThat(field(() -> funded(null, null, "100", "TWD", "https://e.org"))).isEqualTo("agency");
		assertThat(field(() -> funded("MODA", null, "100", null, "https://e.org"))).isEqualTo("currency");
		assertThat(field(() -> funded("MODA", null, null, "TWD", "https://e.org"))).isEqualTo("amount");
		assertThat(field(() -> funded("MODA", null, "1,000", "TWD", "https://e.org"))).isEqualTo("amount");
		assertThat(field(() -> funded("MODA", null, "-5", "TWD", "https://e.org"))).isEqualTo("amount");
		assertThat(field(() -> funded("MODA", null, "5", "XYZ", "https://e.org"))).isEqualTo("currency");
		assertThat(field(() -> funded("MODA", null, "5", "TWD", "mailto:a@b.org"))).isEqualTo("evidenceUrl");
		MilestoneDraft draft = funded(" MODA ", "Grants", "1500000.500", "twd", "https://e.org/x");
		assertThat(draft.amountText()).isEqualTo("1500000.5");
		assertThat(draft.currency()).isEqualTo("TWD");
		assertThat(draft.agency()).isEqualTo("MODA");
	}

	static DomainException refusal(Runnable check) {
		try {
			check.run();
		}
		catch (DomainException ex) {
			return ex;
		}
		throw new AssertionError("no error");
	}

	@Test
	void everyRefusalCarriesItsReasonCodeAndTheEnglishSentenceStays() {
		DomainException early = refusal(() -> MilestoneRules.check(MilestoneType.PILOT, LocalDate.of(1989, 12, 31),
				null, null, null, null, null, null, null, TODAY));
		assertThat(early.details()).containsEntry("field", "date")
			.containsEntry("reason", "DATE_TOO_EARLY")
			.containsEntry("args", java.util.Map.of("value", "1989-12-31", "year", "1990"));
		assertThat(early.getMessage())
			.isEqualTo("The date 1989-12-31 is before 1990; give the date on which it happened.");
		DomainException evidence = refusal(() -> funded("MODA", null, "100", "TWD", null));
		assertThat(evidence.details()).containsEntry("reason", "EVIDENCE_REQUIRED")
			.containsEntry("args", java.util.Map.of("type", "FUNDED"));
		assertThat(evidence.getMessage()).isEqualTo("A FUNDED milestone needs an evidence URL (a public document, "
				+ "news item or announcement) that an organizer can check.");
		DomainException currency = refusal(() -> funded("MODA", null, "5", "XYZ", "https://e.org"));
		assertThat(currency.details()).containsEntry("reason", "CURRENCY_INVALID");
		assertThat(currency.getMessage()).isEqualTo("'XYZ' is not an ISO 4217 currency code (e.g. TWD, USD, EUR).");
		assertThat(refusal(() -> MilestoneRules.check(null, TODAY, null, null, null, null, null, null, null, TODAY))
			.details()).containsEntry("reason", "CHOICE_REQUIRED");
		assertThat(refusal(() -> MilestoneRules.check(MilestoneType.PILOT, TODAY, null, AgencyLevel.LOCAL, null, null,
				null, null, null, TODAY))
			.details()).containsEntry("reason", "ONLY_WITH").containsEntry("args", java.util.Map.of("other", "agency"));
	}

	@Test
	void onlyFundingCarriesAnAmountAndDatesAreNeitherAncientNorFuture() {
		assertThatThrownBy(() -> MilestoneRules.check(MilestoneType.PILOT, LocalDate.of(2025, 1, 1), null, null, null,
				"5", "TWD", null, null, TODAY))
			.hasMessageContaining("Only FUNDING_APPLIED and FUNDED");
		assertThat(field(() -> MilestoneRules.check(MilestoneType.PILOT, TODAY.plusDays(2), null, null, null, null,
				null, null, null, TODAY)))
			.isEqualTo("date");
		assertThat(field(() -> MilestoneRules.check(MilestoneType.PILOT, LocalDate.of(1989, 12, 31), null, null, null,
				null, null, null, null, TODAY)))
			.isEqualTo("date");
		assertThat(field(() -> MilestoneRules.check(MilestoneType.PILOT, TODAY, null, AgencyLevel.LOCAL, null, null,
				null, null, null, TODAY)))
			.isEqualTo("level");
	}

	@Test
	void theNaturalKeyIgnoresCaseWidthSpacesAndPunctuationButNotTheDate() {
		MilestoneDraft a = funded("Ministry of Digital Affairs", "Civic Tech", "1", "TWD", "https://e.org/1");
		MilestoneDraft b = funded("ｍinistry  of digital affairs.", "CIVIC-TECH", "2", "USD", "https://e.org/2");
		assertThat(MilestoneKey.id("p1", a)).isEqualTo(MilestoneKey.id("p1", b)).startsWith("p1~");
		assertThat(a.contentHash()).isNotEqualTo(b.contentHash());
		assertThat(MilestoneKey.id("p2", a)).isNotEqualTo(MilestoneKey.id("p1", a));
		MilestoneDraft later = MilestoneRules.check(MilestoneType.FUNDED, LocalDate.of(2025, 3, 2), "MODA", null, null,
				null, null, "https://e.org", null, TODAY);
		assertThat(MilestoneKey.id("p1", later))
			.isNotEqualTo(MilestoneKey.id("p1", funded("MODA", null, null, null, "https://e.org")));
		// Activity signals: one per project and month.
		MilestoneDraft first = MilestoneRules.check(MilestoneType.ACTIVITY, LocalDate.of(2025, 3, 2), null, null, null,
				null, null, null, null, TODAY);
		MilestoneDraft second = MilestoneRules.check(MilestoneType.ACTIVITY, LocalDate.of(2025, 3, 28), null, null,
				null, null, null, null, null, TODAY);
		assertThat(MilestoneKey.id("p1", first)).isEqualTo(MilestoneKey.id("p1", second));
		assertThat(MilestoneKey.projectOf(MilestoneKey.id("p1", first))).isEqualTo("p1");
		assertThat("p1~abc").matches(MilestoneKey.prefixPattern("p1").substring(1) + ".*");
		assertThat(MilestoneKey.prefixPattern("a.b")).isEqualTo("^a\\.b\\~");
	}

}
