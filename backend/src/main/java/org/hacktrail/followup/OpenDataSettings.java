package org.hacktrail.followup;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hacktrail.opendata.*}: who publishes the open data and under which licence.
 *
 * @param licence an SPDX licence id ({@code CC-BY-4.0} by default)
 * @param licenceUrl where the licence text is; derived for CC BY 4.0 when not given
 * @param publisher who publishes the data (the organisers running this instance); the
 * default says only what is true of every instance, that the hackathons' organisers
 * publish it, not the software's name
 * @param publisherUrl the publisher's web site, if any
 * @param attribution who to credit; the publisher when not given
 * @param maxAge how long the data package's files are reused and may be cached
 * ({@code Cache-Control: max-age})
 */
@ConfigurationProperties("hacktrail.opendata")
public record OpenDataSettings(@DefaultValue("CC-BY-4.0") String licence, @Nullable String licenceUrl,
		@DefaultValue(DEFAULT_PUBLISHER) String publisher, @Nullable String publisherUrl, @Nullable String attribution,
		@DefaultValue("60s") Duration maxAge) {

	static final String DEFAULT_PUBLISHER = "The organisers of the hackathons listed (publisher not configured)";

	public OpenDataSettings {
		if (publisher == null || publisher.isBlank()) {
			publisher = DEFAULT_PUBLISHER;
		}
		if (attribution == null || attribution.isBlank()) {
			attribution = publisher;
		}
		if (publisherUrl != null && publisherUrl.isBlank()) {
			publisherUrl = null;
		}
		if (maxAge == null) {
			maxAge = Duration.ofSeconds(60);
		}
		if (maxAge.isNegative()) {
			throw new IllegalArgumentException("hacktrail.opendata.max-age must not be negative (got " + maxAge
					+ "); 0 rebuilds on every request");
		}
		if (publisherUrl != null && !publisherUrl.startsWith("https://") && !publisherUrl.startsWith("http://")) {
			throw new IllegalArgumentException(
					"hacktrail.opendata.publisher-url must be an http or https address (got '" + publisherUrl + "')");
		}
	}

	@Override
	public String attribution() {
		return (this.attribution != null) ? this.attribution : this.publisher;
	}

	public String resolvedLicenceUrl() {
		if (this.licenceUrl != null && !this.licenceUrl.isBlank()) {
			return this.licenceUrl;
		}
		return "CC-BY-4.0".equalsIgnoreCase(this.licence) ? "https://creativecommons.org/licenses/by/4.0/" : "";
	}

}
