package org.hacktrail.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reason codes the panel must say ({@code web/src/i18n/refusals/codes.json}, which
 * the panel's tests hold its catalogs to) are {@link Refusal}'s, with the names of their
 * arguments. After a change to {@link Refusal}, refresh the file with
 * {@code mvn -o test -Dtest=RefusalCatalogTests -Dhacktrail.update-refusal-codes=true}.
 */
class RefusalCatalogTests {

	static final Path CODES = Path.of("..", "web", "src", "i18n", "refusals", "codes.json");

	@Test
	void thePanelsListOfCodesIsTheServers() throws IOException {
		StringBuilder json = new StringBuilder("{\n");
		Refusal[] all = Refusal.values();
		for (int i = 0; i < all.length; i++) {
			json.append("  \"")
				.append(all[i].name())
				.append("\": [")
				.append(String.join(", ", all[i].argNames().stream().map((name) -> "\"" + name + "\"").toList()))
				.append((i + 1 < all.length) ? "],\n" : "]\n");
		}
		json.append("}\n");
		if (Boolean.getBoolean("hacktrail.update-refusal-codes")) {
			Files.writeString(CODES, json.toString());
		}
		assertThat(Files.readString(CODES)).as("web/src/i18n/refusals/codes.json (refresh: see this class)")
			.isEqualTo(json.toString());
	}

	@Test
	void docsApiErrorsListsEveryCode() throws IOException {
		String docs = Files.readString(Path.of("..", "docs", "api-errors.md"));
		for (Refusal refusal : Refusal.values()) {
			assertThat(docs).as("docs/api-errors.md's table lists %s", refusal)
				.contains("| `" + refusal.name() + "` |");
		}
	}

	@Test
	void theEnglishMessageIsTheTemplateWithItsValues() {
		DomainException refused = DomainException.badInput("title", Refusal.TOO_LONG, "max", 1000);
		assertThat(refused.getMessage()).isEqualTo("The title is longer than 1000 characters.");
		assertThat(refused.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
		assertThat(refused.details()).containsEntry("field", "title")
			.containsEntry("reason", "TOO_LONG")
			.containsEntry("args", Map.of("max", 1000));
		DomainException conflict = DomainException.refused(ErrorCode.CONFLICT, Refusal.ALREADY_MEMBER);
		assertThat(conflict.details()).doesNotContainKey("field").containsEntry("reason", "ALREADY_MEMBER");
		assertThat(DomainException.badInput("tags", Refusal.UNKNOWN_TAG, "value", "x", "allowed", List.of("a", "b"))
			.getMessage()).isEqualTo("Unknown tag 'x'; use one of: a, b.");
	}

	@Test
	void aMissingOrUnknownArgumentIsCaughtInTests() {
		assertThatThrownBy(() -> DomainException.badInput("title", Refusal.TOO_LONG))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> DomainException.badInput("title", Refusal.REQUIRED, "max", 3))
			.isInstanceOf(AssertionError.class);
	}

}
