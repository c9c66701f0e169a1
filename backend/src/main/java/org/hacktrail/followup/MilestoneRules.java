package org.hacktrail.followup;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.FreeText;
import org.jspecify.annotations.Nullable;

/**
 * The rules every milestone follows, whoever records it (GraphQL or an import row). Each
 * failure is BAD_USER_INPUT naming the field; the import turns the field into its column.
 *
 * <ul>
 * <li>A date, not before 1990 and not after tomorrow (a report cannot be about the
 * future; one day of slack for time zones).</li>
 * <li>FUNDED, ADOPTED and INTEGRATED_INTO_OPERATIONS need an evidence URL and an agency
 * (who funds, who adopts); evidence URLs are absolute http or https addresses.</li>
 * <li>An amount only on FUNDING_APPLIED and FUNDED, as plain digits with an optional
 * decimal point (no thousands separators), at least 0, always with an ISO 4217 currency —
 * and a currency only with an amount.</li>
 * <li>A level only with an agency. Texts are single lines (the note may have line breaks)
 * within their length.</li>
 * </ul>
 */
public final class MilestoneRules {

	static final int MAX_AGENCY = 200;

	static final int MAX_PROGRAMME = 200;

	static final int MAX_NOTE = 2000;

	static final int MAX_URL = 2000;

	static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]{1,4})?");

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

	private MilestoneRules() {
	}

	public static MilestoneDraft check(@Nullable MilestoneType type, @Nullable LocalDate date, @Nullable String agency,
			@Nullable AgencyLevel level, @Nullable String programme, @Nullable String amount, @Nullable String currency,
			@Nullable String evidenceUrl, @Nullable String note, LocalDate today) {
		if (type == null) {
			throw DomainException.badInput("type", Refusal.CHOICE_REQUIRED, "allowed",
					java.util.Arrays.asList(MilestoneType.values()));
		}
		if (date == null) {
			throw DomainException.badInput("date", Refusal.DATE_REQUIRED);
		}
		if (date.isBefore(EARLIEST) || date.isAfter(today.plusDays(1))) {
			throw date.isBefore(EARLIEST)
					? DomainException.badInput("date", Refusal.DATE_TOO_EARLY, "value", date.toString(), "year",
							String.valueOf(EARLIEST.getYear()))
					: DomainException.badInput("date", Refusal.DATE_IN_FUTURE, "value", date.toString());
		}
		String cleanAgency = singleLine(agency, "agency", MAX_AGENCY);
		String cleanProgramme = singleLine(programme, "programme", MAX_PROGRAMME);
		String cleanNote = text(note, "note", MAX_NOTE);
		if (cleanAgency == null && (type == MilestoneType.FUNDED || type == MilestoneType.ADOPTED
				|| type == MilestoneType.INTEGRATED_INTO_OPERATIONS || type == MilestoneType.SERVICE_RETIRED)) {
			throw (type == MilestoneType.FUNDED) ? DomainException.badInput("agency", Refusal.FUNDING_SOURCE_REQUIRED)
					: DomainException.badInput("agency", Refusal.AGENCY_REQUIRED, "type", type);
		}
		if (level != null && cleanAgency == null) {
			throw DomainException.badInput("level", Refusal.ONLY_WITH, "other", "agency");
		}
		String url = blankToNull(evidenceUrl);
		if (url == null && type.requiresEvidence()) {
			throw DomainException.badInput("evidenceUrl", Refusal.EVIDENCE_REQUIRED, "type", type);
		}
		if (url != null) {
			url = url(url, "evidenceUrl");
		}
		BigDecimal value = amount(amount, type);
		String code = currency(currency);
		if (value != null && code == null) {
			throw DomainException.badInput("currency", Refusal.CURRENCY_REQUIRED);
		}
		if (value == null && code != null) {
			throw DomainException.badInput("amount", Refusal.AMOUNT_REQUIRED);
		}
		return new MilestoneDraft(type, date, cleanAgency, level, cleanProgramme, value, code, url, cleanNote);
	}

	private static @Nullable BigDecimal amount(@Nullable String amount, MilestoneType type) {
		String text = blankToNull(amount);
		if (text == null) {
			return null;
		}
		if (!type.carriesAmount()) {
			throw DomainException.badInput("amount", Refusal.AMOUNT_NOT_ALLOWED);
		}
		if (!AMOUNT.matcher(text).matches()) {
			throw DomainException.badInput("amount", Refusal.AMOUNT_FORMAT, "value", abbreviate(text));
		}
		BigDecimal value = new BigDecimal(text);
		if (value.compareTo(MAX_AMOUNT) >= 0) {
			throw DomainException.badInput("amount", Refusal.AMOUNT_TOO_LARGE, "value", text);
		}
		return value;
	}

	private static @Nullable String currency(@Nullable String currency) {
		String text = blankToNull(currency);
		if (text == null) {
			return null;
		}
		String code = text.toUpperCase(Locale.ROOT);
		try {
			if (code.length() == 3) {
				return Currency.getInstance(code).getCurrencyCode();
			}
		}
		catch (IllegalArgumentException ex) {
			// Falls through to the message below.
		}
		throw DomainException.badInput("currency", Refusal.CURRENCY_INVALID, "value", abbreviate(text));
	}

	/** An absolute http or https address with a host and no white space. */
	static String url(String url, String field) {
		if (url.length() > MAX_URL) {
			throw DomainException.badInput(field, Refusal.TOO_LONG, "max", MAX_URL);
		}
		if (url.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw DomainException.badInput(field, Refusal.URL_SPACES, "value", abbreviate(url));
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw DomainException.badInput(field, Refusal.URL_SCHEME, "value", abbreviate(url));
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				throw DomainException.badInput(field, Refusal.URL_NO_HOST, "value", abbreviate(url));
			}
		}
		catch (URISyntaxException ex) {
			throw DomainException.badInput(field, Refusal.INVALID_URL, "value", abbreviate(url));
		}
		return url;
	}

	private static @Nullable String singleLine(@Nullable String value, String field, int max) {
		return FreeText.check(text(value, field, max), field, FreeText.Kind.LINE);
	}

	private static @Nullable String text(@Nullable String value, String field, int max) {
		String text = blankToNull(value);
		if (text != null && text.codePointCount(0, text.length()) > max) {
			throw DomainException.badInput(field, Refusal.TOO_LONG, "max", max);
		}
		return FreeText.check(text, field, FreeText.Kind.TEXT);
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 77) + "..." : value;
	}

}
