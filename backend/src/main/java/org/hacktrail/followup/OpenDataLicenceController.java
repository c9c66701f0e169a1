package org.hacktrail.followup;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The open-data licence over GraphQL, for anyone: the panel shows it next to the download
 * links without fetching the whole export to read its {@code licence} field.
 */
@Controller
class OpenDataLicenceController {

	private final OpenDataSettings settings;

	OpenDataLicenceController(OpenDataSettings settings) {
		this.settings = settings;
	}

	@QueryMapping
	Licence openDataLicence() {
		String url = this.settings.resolvedLicenceUrl();
		return new Licence(this.settings.licence(), url.isBlank() ? null : url, this.settings.attribution(),
				!this.settings.attribution().equals(OpenDataSettings.DEFAULT_PUBLISHER));
	}

	record Licence(String licence, @Nullable String url, String attribution, boolean attributionConfigured) {
	}

}
