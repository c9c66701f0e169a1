package org.hacktrail.followup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The content of a milestone, checked by {@link MilestoneRules}: what a team lead
 * reports, an organizer records or an import row carries.
 */
public record MilestoneDraft(MilestoneType type, LocalDate date, @Nullable String agency, @Nullable AgencyLevel level,
		@Nullable String programme, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable String evidenceUrl, @Nullable String note) {

	/**
	 * The amount as stored: plain digits, no exponent, no trailing zeros
	 * ({@code 1500000.5}).
	 */
	public @Nullable String amountText() {
		return (this.amount != null) ? canonical(this.amount) : null;
	}

	static String canonical(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
	}

	/**
	 * A hash of the content: equal for two drafts exactly when they would store the same
	 * milestone.
	 */
	public String contentHash() {
		StringBuilder text = new StringBuilder(200);
		for (Object part : new Object[] { this.type, this.date, this.agency, this.level, this.programme, amountText(),
				this.currency, this.evidenceUrl, this.note }) {
			// A separator that cannot occur in checked single-line text, and a marker for
			// null unlike any value.
			text.append((part != null) ? part.toString() : "\u0000").append('\u001F');
		}
		return sha256(text.toString(), 16);
	}

	/**
	 * One digest per thread: looking the algorithm up for every row of an import costs
	 * more than hashing it.
	 */
	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	static String sha256(String text, int bytes) {
		MessageDigest digest = SHA256.get();
		digest.reset();
		return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
	}

}
