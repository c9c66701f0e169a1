package org.hacktrail.followup;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hacktrail.opendata.*}: the licence the open-data export is published under.
 *
 * @param licence an SPDX licence id ({@code CC-BY-4.0} by default)
 * @param licenceUrl where the licence text is; derived for CC BY 4.0 when not given
 * @param attribution who to credit
 */
@ConfigurationProperties("hacktrail.opendata")
public record OpenDataSettings(@DefaultValue("CC-BY-4.0") String licence, @Nullable String licenceUrl,
		@DefaultValue("Hacktrail") String attribution) {

	public String resolvedLicenceUrl() {
		if (this.licenceUrl != null && !this.licenceUrl.isBlank()) {
			return this.licenceUrl;
		}
		return "CC-BY-4.0".equalsIgnoreCase(this.licence) ? "https://creativecommons.org/licenses/by/4.0/" : "";
	}

}
