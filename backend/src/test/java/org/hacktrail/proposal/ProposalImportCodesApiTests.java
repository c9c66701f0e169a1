package org.hacktrail.proposal;

import java.net.http.HttpResponse;

import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal import's answer over REST gives each error a code with its arguments beside
 * the English message (issue #17), for the panel to say in the reader's language; a
 * page's errors also name their section.
 */
class ProposalImportCodesApiTests extends ProposalApiTestSupport {

	HttpResponse<String> post(String slug, String contentType, String body) {
		return this.http.post("/api/hackathons/" + slug + "/proposals/import?dryRun=true", contentType, body,
				this.organizer.headers());
	}

	@Test
	void csvRowErrorsCarryTheirCodeArgumentsAndEnglish() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String csv = "title,proposer,tags\r\n" + "x".repeat(201) + ",Audrey,\r\n" + "Air map,Audrey,votes\r\n"
				+ "Air map,Audrey,\r\n" + "Air map,Audrey,\r\n";
		HttpResponse<String> response = post(slug, "text/csv; charset=UTF-8", csv);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode errors = Http.parse(response.body()).path("errors");
		assertThat(errors).hasSize(3);
		JsonNode tooLong = errors.path(0);
		assertThat(tooLong.path("row").asInt()).isEqualTo(2);
		assertThat(tooLong.path("column").asString()).isEqualTo("title");
		assertThat(tooLong.path("code").asString()).isEqualTo("TOO_LONG");
		assertThat(tooLong.path("args").path("max").asInt()).isEqualTo(200);
		assertThat(tooLong.path("args").path("length").asInt()).isEqualTo(201);
		assertThat(tooLong.path("message").asString()).isEqualTo("The title.en is longer than 200 characters (201).");
		assertThat(tooLong.path("section").isNull()).isTrue();
		assertThat(errors.path(1).path("code").asString()).isEqualTo("UNKNOWN_TAG");
		assertThat(errors.path(1).path("args").path("tag").asString()).isEqualTo("votes");
		assertThat(errors.path(2).path("code").asString()).isEqualTo("DUPLICATE_PROPOSAL");
		assertThat(errors.path(2).path("args").path("earlier").asInt()).isEqualTo(4);
		assertThat(errors.path(2).path("message").asString()).contains("same title and proposer as row 4");
	}

	@Test
	void pageErrorsNameTheirSection() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String page = "# g0v\n\n## 空氣盒子\n> [name=發表者 Audrey]\n\n官網：ftp://example.org\n\n## 沒有人\n內容\n";
		HttpResponse<String> response = post(slug, "text/markdown; charset=UTF-8", page);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode errors = Http.parse(response.body()).path("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.path(0).path("row").asInt()).isEqualTo(6);
		assertThat(errors.path(0).path("section").asString()).isEqualTo("空氣盒子");
		assertThat(errors.path(0).path("code").asString()).isEqualTo("URL_SCHEME");
		assertThat(errors.path(0).path("args").path("url").asString()).isEqualTo("ftp://example.org");
		assertThat(errors.path(0).path("message").asString()).startsWith("Section \"空氣盒子\" (line 6): ");
		assertThat(errors.path(1).path("section").asString()).isEqualTo("沒有人");
		assertThat(errors.path(1).path("code").asString()).isEqualTo("NO_PROPOSER_LINE");
	}

	@Test
	void aCharsetOtherThanUtf8IsCoded() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		HttpResponse<String> response = post(slug, "text/csv; charset=ISO-8859-1", "title,proposer\r\n");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = Http.parse(response.body()).path("errors").path(0);
		assertThat(error.path("code").asString()).isEqualTo("CHARSET_NOT_UTF8");
		assertThat(error.path("args").path("format").asString()).isEqualTo("CSV");
		assertThat(error.path("args").path("charset").asString()).isEqualTo("ISO-8859-1");
	}

}
