package org.hacktrail.followup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.hacktrail.proposal.ProjectMetadataField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading g0v.json files: the specification's sample and real files from g0v projects
 * (see {@code resources/g0v-json/README.md}), and the ways a hand-written file goes
 * wrong. Plain Java.
 */
class G0vJsonFileTests {

	static String fixture(String name) {
		try (InputStream in = G0vJsonFileTests.class.getResourceAsStream("/g0v-json/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void theSpecificationsSampleAsPublishedIsBrokenAndSaysWhere() {
		G0vJsonFile file = G0vJsonFile.read(fixture("sample-g0v.json"));
		assertThat(file.broken()).isTrue();
		assertThat(file.values()).isEmpty();
		assertThat(file.problem()).startsWith("g0v.json is not valid JSON at line 14");
	}

	@Test
	void theSampleWithItsMissingCommaGivesItsFieldsAndIgnoresEmptyOnes() {
		G0vJsonFile file = G0vJsonFile
			.read(fixture("sample-g0v.json").replace("\"licenses\": [\"CC-BY\"]\n", "\"licenses\": [\"CC-BY\"],\n"));
		assertThat(file.broken()).isFalse();
		assertThat(file.problem()).isNull();
		assertThat(file.values()).containsEntry(ProjectMetadataField.NAME_EN, "g0vsite")
			.containsEntry(ProjectMetadataField.NAME_ZH, "零時政府官網")
			.containsEntry(ProjectMetadataField.DESCRIPTION_EN, "g0v.tw site")
			.containsEntry(ProjectMetadataField.DESCRIPTION_ZH, "g0v 官網")
			.containsEntry(ProjectMetadataField.HOMEPAGE, "http://g0v.tw/")
			.doesNotContainKey(ProjectMetadataField.THUMBNAIL);
		assertThat(file.keywords()).containsExactly("community", "g0v.tw", "communication");
		assertThat(file.status()).isEqualTo("Beta/Planning/Released/Archived");
	}

	@Test
	void moedictsFileInSchemaV1ShapesGivesTheFirstThumbnailAndNoChineseName() {
		G0vJsonFile file = G0vJsonFile.read(fixture("moedict-webkit.g0v.json"));
		assertThat(file.broken()).isFalse();
		assertThat(file.problem()).isNull();
		assertThat(file.values()).hasSize(5)
			.containsEntry(ProjectMetadataField.NAME_EN, "moedict")
			.containsEntry(ProjectMetadataField.DESCRIPTION_EN, "moedict: Dictionaries from Ministry of Education")
			.containsEntry(ProjectMetadataField.DESCRIPTION_ZH, "萌典: 教育部字典匯總")
			.containsEntry(ProjectMetadataField.HOMEPAGE, "https://moedict.tw/")
			.containsEntry(ProjectMetadataField.THUMBNAIL, "https://pbs.twimg.com/media/BQMX_oGCEAIaAEQ.png");
		assertThat(file.status()).isEqualTo("beta");
		assertThat(file.keywords()).containsExactly("livescript", "sass", "bootstrap");
	}

	@Test
	void cofactsFileWithOlderShapesGivesEveryTextField() {
		G0vJsonFile file = G0vJsonFile.read(fixture("cofacts-rumors-api.g0v.json"));
		assertThat(file.broken()).isFalse();
		assertThat(file.problem()).isNull();
		assertThat(file.values()).hasSize(6)
			.containsEntry(ProjectMetadataField.NAME_EN, "cofacts")
			.containsEntry(ProjectMetadataField.NAME_ZH, "真的假的")
			.containsEntry(ProjectMetadataField.HOMEPAGE, "https://rumors.hacktabl.org/")
			.containsEntry(ProjectMetadataField.THUMBNAIL, "https://avatars2.githubusercontent.com/u/26894329?s=400");
		assertThat(file.values().get(ProjectMetadataField.DESCRIPTION_ZH)).startsWith("開放大眾編輯的闢謠").endsWith("不同的聲音。");
	}

	@Test
	void aFieldOfTheWrongTypeOrABadAddressIsAProblemAndTheRestIsRead() {
		G0vJsonFile file = G0vJsonFile.read("""
				{"author": "a", "name": 42, "name_zh": "地號轉地圖", "homepage": "javascript:alert(1)",
				 "thumbnail": ["", "ftp://x.example/p.png"], "keywords": "open data", "unknown": {"x": [1]}}
				""");
		assertThat(file.broken()).isFalse();
		assertThat(file.values()).containsOnlyKeys(ProjectMetadataField.NAME_ZH);
		assertThat(file.problems()).containsExactly("name is not a text.",
				"homepage is not an http or https address: 'javascript:alert(1)'.",
				"thumbnail is not an http or https address: 'ftp://x.example/p.png'.",
				"keywords is not a list of texts.");
	}

	@Test
	void aFileThatIsNotAJsonObjectIsBroken() {
		assertThat(G0vJsonFile.read("[1, 2]").problem()).isEqualTo("g0v.json is not a JSON object.");
		assertThat(G0vJsonFile.read("").problem()).isEqualTo("g0v.json is empty.");
		assertThat(G0vJsonFile.read("\uFEFF{\"name\": \"bom\"}").values()).containsEntry(ProjectMetadataField.NAME_EN,
				"bom");
		assertThat(G0vJsonFile.read("{\"name\": \"x\"").broken()).isTrue();
	}

}
