package org.hacktrail.followup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVRecord;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.CsvFiles;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-data package: its files are served with ETags and caching, the ZIP holds the
 * same files, the tables hold what the open-data rules allow (published data, VERIFIED
 * milestones, nothing personal), and the whole package passes the Frictionless validator
 * ({@code web/scripts/validate-datapackage.cjs}, the npm packages {@code datapackage} and
 * {@code tableschema}), which refuses a broken one.
 */
@ServiceTest
class OpenDataPackageTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	OpenDataPackage dataPackage;

	@TempDir
	Path folder;

	@Test
	void thePackageHoldsThePublishedDataPassesTheValidatorAndABrokenOneDoesNot() throws Exception {
		TestAccounts.Account proposer = new TestAccounts(this.users, this.tokens).user(FollowUpFixtures.unique("bob"));
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Hackathon published = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.FOLLOW_UP,
				LocalDate.of(2017, 8, 1), LocalDate.of(2017, 8, 3));
		Hackathon judging = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.JUDGING,
				LocalDate.of(2018, 2, 1), LocalDate.of(2018, 2, 2));
		Project project = fixtures.project("Package project " + FollowUpFixtures.unique("p"),
				"https://github.com/o/package", "open-data");
		Project hidden = fixtures.project("Package hidden", null);
		var outstanding = fixtures.proposal(published, "Bus stop data", proposer.id(), project, 4,
				List.of("open-data", "transport"), ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW,
				ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST, ProposalStatus.OUTSTANDING);
		var unlinked = fixtures.proposal(published, "Unlinked idea, \"quoted\"\nsecond line", null, null, 1, List.of(),
				ProposalStatus.SUBMITTED);
		var draft = fixtures.proposal(published, "Draft", null, null, 1, List.of());
		var notYet = fixtures.proposal(judging, "Still judged", null, hidden, 1, List.of(), ProposalStatus.SUBMITTED);
		OutcomeMilestone funded = fixtures.milestone(project, MilestoneType.FUNDED, LocalDate.of(2018, 1, 15),
				VerificationState.VERIFIED, "Ministry of Digital Affairs", "1500000.50", "TWD");
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(funded.id())),
				new Update().set("note", "Call Bob at 0912-345-678")
					.set("reportedBy", proposer.id())
					.set("level", AgencyLevel.CENTRAL.name())
					.set("programme", "Civic tech grants"),
				FollowUpStates.MILESTONES);
		OutcomeMilestone pending = fixtures.milestone(project, MilestoneType.ADOPTED, LocalDate.of(2018, 6, 1),
				VerificationState.PENDING, "Taipei City", null, null);
		this.dataPackage.refresh();

		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<byte[]> descriptorResponse = get(client, "/api/opendata/datapackage.json", null);
		assertThat(descriptorResponse.statusCode()).isEqualTo(200);
		assertThat(descriptorResponse.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		JsonNode descriptor = Http.parse(new String(descriptorResponse.body(), StandardCharsets.UTF_8));
		assertThat(descriptor.path("profile").asString()).isEqualTo("tabular-data-package");
		assertThat(descriptor.path("licenses").path(0).path("name").asString()).isEqualTo("CC-BY-4.0");
		assertThat(descriptor.path("contributors").path(0).path("role").asString()).isEqualTo("publisher");
		assertThat(descriptor.path("contributors").path(0).path("title").asString()).isNotBlank()
			.doesNotContainIgnoringCase("hacktrail");
		assertThat(descriptor.path("resources").findValuesAsString("path")).containsExactly("data/hackathons.csv",
				"data/projects.csv", "data/proposals.csv", "data/awards.csv", "data/milestones.csv");

		Files.write(this.folder.resolve("datapackage.json"), descriptorResponse.body());
		Files.createDirectories(this.folder.resolve("data"));
		Map<String, byte[]> served = new HashMap<>();
		served.put("datapackage.json", descriptorResponse.body());
		for (JsonNode resource : descriptor.path("resources")) {
			String path = resource.path("path").asString();
			HttpResponse<byte[]> file = get(client, "/api/opendata/" + path, null);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
			assertThat(resource.path("bytes").asLong()).isEqualTo(file.body().length);
			assertThat(resource.path("hash").asString()).isEqualTo("sha256:" + sha256(file.body()));
			assertCached(client, "/api/opendata/" + path, file);
			Files.write(this.folder.resolve(path), file.body());
			served.put(path, file.body());
		}
		assertCached(client, "/api/opendata/datapackage.json", descriptorResponse);

		// The ZIP: the same files, byte for byte.
		HttpResponse<byte[]> zip = get(client, "/api/opendata/datapackage.zip", null);
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
		assertCached(client, "/api/opendata/datapackage.zip", zip);
		Map<String, byte[]> zipped = new HashMap<>();
		try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				zipped.put(entry.getName(), entries.readAllBytes());
			}
		}
		assertThat(zipped.keySet()).containsExactlyInAnyOrderElementsOf(served.keySet());
		served.forEach((name, bytes) -> assertThat(zipped.get(name)).as(name).isEqualTo(bytes));

		// What the tables hold.
		List<CSVRecord> proposals = csv(served, "proposals");
		assertThat(proposals).extracting((r) -> r.get("proposal_id"))
			.contains(outstanding.id(), unlinked.id())
			.doesNotContain(draft.id(), notYet.id());
		CSVRecord unlinkedRow = row(proposals, "proposal_id", unlinked.id());
		assertThat(unlinkedRow.get("project_id")).isEmpty();
		assertThat(unlinkedRow.get("title_en")).isEqualTo("Unlinked idea, \"quoted\"\nsecond line");
		CSVRecord outstandingRow = row(proposals, "proposal_id", outstanding.id());
		assertThat(outstandingRow.get("award")).isEqualTo("OUTSTANDING");
		assertThat(outstandingRow.get("team_size")).isEqualTo("4");
		assertThat(outstandingRow.get("shortlisted")).isEqualTo("true");
		assertThat(outstandingRow.get("issue_areas")).isEqualTo("open-data;transport");
		assertThat(row(csv(served, "awards"), "proposal_id", outstanding.id()).get("year")).isEqualTo("2017");
		// An OUTSTANDING proposal without a published Hacktrail round: the outstanding
		// track.
		CSVRecord award = row(csv(served, "awards"), "proposal_id", outstanding.id());
		assertThat(award.get("track_id")).isEqualTo(published.id() + ".outstanding");
		assertThat(award.get("track_slug")).isEqualTo("outstanding");
		assertThat(award.get("track_name_en")).isEqualTo("Outstanding teams");
		assertThat(award.get("track_name_zh_tw")).isEqualTo("卓越團隊");
		assertThat(award.get("award")).isEqualTo("OUTSTANDING");
		CSVRecord hackathon = row(csv(served, "hackathons"), "hackathon_id", published.id());
		assertThat(hackathon.get("starts_on")).isEqualTo("2017-08-01");
		assertThat(hackathon.get("ends_on")).isEqualTo("2017-08-03");
		assertThat(csv(served, "hackathons")).extracting((r) -> r.get("hackathon_id")).doesNotContain(judging.id());
		CSVRecord projectRow = row(csv(served, "projects"), "project_id", project.id());
		assertThat(projectRow.get("state")).isEqualTo("FUNDED");
		assertThat(projectRow.get("first_funded_on")).isEqualTo("2018-01-15");
		assertThat(projectRow.get("verified_milestones")).isEqualTo("1");
		assertThat(csv(served, "projects")).extracting((r) -> r.get("project_id")).doesNotContain(hidden.id());
		List<CSVRecord> milestones = csv(served, "milestones");
		CSVRecord milestone = row(milestones, "milestone_id", funded.id());
		assertThat(milestone.toMap()).containsEntry("amount", "1500000.5")
			.containsEntry("currency", "TWD")
			.containsEntry("agency", "Ministry of Digital Affairs")
			.containsEntry("level", "CENTRAL")
			.containsEntry("programme", "Civic tech grants")
			.containsEntry("verified_by", "ORGANIZER")
			.containsEntry("year", "2018");
		assertThat(milestone.get("evidence_url")).startsWith("https://example.org/evidence/");
		assertThat(milestone.get("verified_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(milestones).extracting((r) -> r.get("milestone_id")).doesNotContain(pending.id());
		String everything = new String(zip.body(), StandardCharsets.UTF_8);
		for (byte[] bytes : served.values()) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			assertThat(text).doesNotContain(proposer.id(), proposer.user().email(), "0912-345-678");
		}
		assertThat(everything).isNotEmpty();

		// The Frictionless validator accepts the package as served...
		assertThat(validate(this.folder)).isEqualTo(new Validation(0, "valid"));

		// ...and refuses a broken one: a schema that calls an amount an integer and a
		// header that names a column the schema does not have.
		ObjectNode broken = (ObjectNode) Http.parse(Files.readString(this.folder.resolve("datapackage.json")));
		for (JsonNode resource : broken.path("resources")) {
			if (resource.path("name").asString().equals("milestones")) {
				for (JsonNode field : resource.path("schema").path("fields")) {
					if (field.path("name").asString().equals("amount")) {
						((ObjectNode) field).put("type", "integer");
					}
				}
			}
		}
		Files.writeString(this.folder.resolve("datapackage.json"), broken.toString());
		Validation refused = validate(this.folder);
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.output()).contains("milestones, row", "\"1500000.5\"", "\"amount\"", "integer");

		Files.write(this.folder.resolve("datapackage.json"), descriptorResponse.body());
		String hackathons = Files.readString(this.folder.resolve("data/hackathons.csv"));
		Files.writeString(this.folder.resolve("data/hackathons.csv"), hackathons.replaceFirst("starts_on", "start"));
		Validation renamed = validate(this.folder);
		assertThat(renamed.exitCode()).isEqualTo(1);
		assertThat(renamed.output()).contains("hackathons", "header");
	}

	@Test
	void anUnknownFileIsNotFoundWithTheFilesThereAre() {
		HttpResponse<String> missing = Http.localhost(this.port).get("/api/opendata/data/users.csv");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(Http.parse(missing.body()).path("message").asString()).contains("'users.csv'", "milestones.csv");
	}

	/** A second request with the file's ETag is a 304 with no body. */
	private void assertCached(HttpClient client, String path, HttpResponse<byte[]> first)
			throws IOException, InterruptedException {
		String etag = first.headers().firstValue("ETag").orElse("");
		assertThat(etag).as(path).matches("\"[0-9a-f]{64}\"").isEqualTo("\"" + sha256(first.body()) + "\"");
		assertThat(first.headers().firstValue("Cache-Control").orElse("")).as(path)
			.contains("max-age=60")
			.contains("public");
		HttpResponse<byte[]> again = get(client, path, etag);
		assertThat(again.statusCode()).as(path).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(get(client, path, "\"other\"").statusCode()).isEqualTo(200);
	}

	private HttpResponse<byte[]> get(HttpClient client, String path, String ifNoneMatch)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static List<CSVRecord> csv(Map<String, byte[]> files, String table) {
		return CsvFiles.records(new String(files.get("data/" + table + ".csv"), StandardCharsets.UTF_8));
	}

	static CSVRecord row(List<CSVRecord> rows, String column, String value) {
		return rows.stream().filter((r) -> r.get(column).equals(value)).findFirst().orElseThrow();
	}

	static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Validation(int exitCode, String output) {
	}

	/** Runs the Frictionless validator on the package in {@code folder}. */
	static Validation validate(Path folder) throws IOException, InterruptedException {
		Path web = Path.of("..", "web").toAbsolutePath().normalize();
		Path script = web.resolve("scripts/validate-datapackage.cjs");
		assertThat(web.resolve("node_modules/datapackage")).as("the npm package datapackage: run npm ci in web/")
			.exists();
		Process process = new ProcessBuilder("node", script.toString(), folder.resolve("datapackage.json").toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		return new Validation(process.waitFor(), output);
	}

}
