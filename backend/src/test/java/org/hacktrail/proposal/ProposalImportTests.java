package org.hacktrail.proposal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hacktrail.support.CsvFiles;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV import and export over REST: the answer, all-or-nothing, skipInvalid, dryRun,
 * idempotence, round trips, malformed files and who may do it.
 */
class ProposalImportTests extends ProposalApiTestSupport {

	static final String TRICKY_SUMMARY = "第一行, with a comma\r\n\"quoted\" 🙂 second line\nthird ,\"\" end ";

	@Autowired
	MongoTemplate mongo;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	HttpResponse<String> importCsv(String slug, byte[] body, String query, String contentType,
			TestAccounts.Account as) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.http.base() + "/api/hackathons/" + slug + "/proposals/import"
					+ ((query != null) ? "?" + query : "")))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (as != null) {
			request.header("Authorization", "Bearer " + as.secret());
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> importCsv(String slug, String csv, String query) {
		return importCsv(slug, csv.getBytes(StandardCharsets.UTF_8), query, "text/csv", this.organizer);
	}

	JsonNode importOk(String slug, String csv, String query) {
		HttpResponse<String> response = importCsv(slug, csv, query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.parse(response.body());
	}

	HttpResponse<byte[]> export(String slug, TestAccounts.Account as) {
		return export(slug, null, as);
	}

	HttpResponse<byte[]> export(String slug, String query, TestAccounts.Account as) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
				this.http.base() + "/api/hackathons/" + slug + "/proposals.csv" + ((query != null) ? "?" + query : "")))
			.timeout(Duration.ofSeconds(60))
			.GET();
		if (as != null) {
			request.header("Authorization", "Bearer " + as.secret());
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.client.send(request, handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	long count(String slug) {
		String id = this.api.hackathonId(slug);
		return this.mongo.count(new Query(Criteria.where("hackathonId").is(id)), Proposal.class);
	}

	static String csv(String... lines) {
		return String.join("\r\n", lines) + "\r\n";
	}

	static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	@Test
	void importsCreateThenReimportingChangesNothing() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String file = csv("title,proposer,summary,channel,tags,needs,repository_url,other_urls",
				"真的假的 Cofacts,Billion,協作查核,#cofacts,open-government;媒體識讀,前端;Data science,"
						+ "https://github.com/cofacts/rumors-api,https://cofacts.tw https://hackmd.io/x",
				"Air map,Audrey,\"Two\nlines\",,environment,,,");
		JsonNode first = importOk(slug, file, null);
		assertThat(first.toString()).isEqualTo("{\"created\":2,\"updated\":0,\"unchanged\":0,\"errors\":[]}");
		JsonNode again = importOk(slug, file, null);
		assertThat(again.toString()).isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":2,\"errors\":[]}");
		assertThat(count(slug)).isEqualTo(2);

		JsonNode listed = this.api.list(slug, null, "TITLE", null, null, null).data().path("proposals");
		assertThat(listed.path("edges")).hasSize(2);
		String cofactsId = listed.path("edges").get(1).path("node").path("id").asString();
		JsonNode cofacts = this.api.get(cofactsId, this.organizer);
		assertThat(cofacts.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(cofacts.path("title").path("zhTW").asString()).isEqualTo("真的假的 Cofacts");
		assertThat(cofacts.path("proposerId").isNull()).isTrue();
		assertThat(cofacts.path("tags").findValuesAsString("id")).containsExactly("open-government", "media-literacy");
		assertThat(cofacts.path("links").findValuesAsString("type")).containsExactly("REPOSITORY", "OTHER", "OTHER");
		assertThat(cofacts.path("history").get(0).path("reason").asString()).isEqualTo("Imported from CSV");
	}

	@Test
	void aChangedRowUpdatesOnlyTheColumnsTheFileHas() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		importOk(slug, csv("title,proposer,summary,channel", "Air map,Audrey,First,#air"), null);
		// Case and spacing of title and proposer do not matter: same proposal.
		JsonNode result = importOk(slug, csv("proposer,title,summary", "audrey,AIR  MAP,Second"), null);
		assertThat(result.path("updated").asInt()).isEqualTo(1);
		assertThat(result.path("created").asInt()).isZero();
		JsonNode edge = this.api.list(slug, null, null, null, null, null).data().path("proposals").path("edges").get(0);
		JsonNode proposal = this.api.get(edge.path("node").path("id").asString(), this.organizer);
		assertThat(proposal.path("summary").path("en").asString()).isEqualTo("Second");
		assertThat(proposal.path("channel").asString()).as("no channel column: left alone").isEqualTo("#air");
		assertThat(proposal.path("title").path("en").asString()).as("the title keeps its spelling")
			.isEqualTo("Air map");
	}

	@Test
	void anyErrorMeansNothingIsWrittenUnlessSkipInvalid() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String file = csv("title,proposer,tags,website_url", "Good one,A,education,https://ok.example",
				"Bad tag,B,astrology,", "Bad link,C,,javascript:alert(1)", ",D,,", "Another good,E,,");
		HttpResponse<String> stopped = importCsv(slug, file, null);
		assertThat(stopped.statusCode()).isEqualTo(400);
		JsonNode body = Http.parse(stopped.body());
		assertThat(body.path("created").asInt()).isZero();
		assertThat(body.path("errors")).hasSize(3);
		assertThat(body.path("errors").get(0).path("row").asInt()).isEqualTo(3);
		assertThat(body.path("errors").get(0).path("column").asString()).isEqualTo("tags");
		assertThat(body.path("errors").get(0).path("message").asString()).contains("astrology");
		assertThat(body.path("errors").get(1).path("row").asInt()).isEqualTo(4);
		assertThat(body.path("errors").get(1).path("column").asString()).isEqualTo("website_url");
		assertThat(body.path("errors").get(2).path("row").asInt()).isEqualTo(5);
		assertThat(body.path("errors").get(2).path("column").asString()).isEqualTo("title");
		assertThat(count(slug)).isZero();

		JsonNode dryRun = importOk(slug, file, "skipInvalid=true&dryRun=true");
		assertThat(dryRun.path("created").asInt()).isEqualTo(2);
		assertThat(dryRun.path("errors")).hasSize(3);
		assertThat(count(slug)).as("a dry run writes nothing").isZero();

		JsonNode skipped = importOk(slug, file, "skipInvalid=true");
		assertThat(skipped.path("created").asInt()).isEqualTo(2);
		assertThat(skipped.path("errors")).hasSize(3);
		assertThat(count(slug)).isEqualTo(2);
	}

	@Test
	void aDryRunAnswersLikeTheImportAndWritesNothing() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String file = csv("title,proposer", "One,A", "Two,B");
		assertThat(importOk(slug, file, "dryRun=true").toString())
			.isEqualTo("{\"created\":2,\"updated\":0,\"unchanged\":0,\"errors\":[]}");
		assertThat(count(slug)).isZero();
	}

	@Test
	void duplicateRowsAreReportedWithTheEarlierRow() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		HttpResponse<String> response = importCsv(slug,
				csv("title,proposer", "Same idea,Ann", "Other,Bo", "SAME IDEA!,ann"), null);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = Http.parse(response.body()).path("errors").get(0);
		assertThat(error.path("row").asInt()).isEqualTo(4);
		assertThat(error.path("message").asString()).contains("row 2");
		assertThat(count(slug)).isZero();
	}

	@Test
	void tenThousandCharactersFitASummaryButNotATitle() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String summary = "長".repeat(10_000);
		JsonNode ok = importOk(slug, csv("title,proposer,summary", "Long summary,A," + quoted(summary)), null);
		assertThat(ok.path("created").asInt()).isEqualTo(1);
		HttpResponse<String> tooLong = importCsv(slug,
				csv("title,proposer,summary", "x".repeat(10_000) + ",A,", "Fine,B," + quoted(summary + "!")), null);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		JsonNode errors = Http.parse(tooLong.body()).path("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("title");
		assertThat(errors.get(0).path("message").asString()).contains("200");
		assertThat(errors.get(1).path("column").asString()).isEqualTo("summary");
		assertThat(errors.get(1).path("message").asString()).contains("10000");
	}

	@Test
	void malformedFilesAreRefusedWithAClearMessage() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		HttpResponse<String> unbalanced = importCsv(slug, csv("title,proposer", "ok,A", "\"not closed,B", "x,C"), null);
		assertThat(unbalanced.statusCode()).isEqualTo(400);
		JsonNode error = Http.parse(unbalanced.body()).path("errors").get(0);
		assertThat(error.path("row").asInt()).isEqualTo(3);
		assertThat(error.path("message").asString()).contains("quote");

		HttpResponse<String> latin1 = importCsv(slug,
				"title,proposer\r\nCaf\u00e9,A\r\n".getBytes(StandardCharsets.ISO_8859_1), null, "text/csv",
				this.organizer);
		assertThat(latin1.statusCode()).isEqualTo(400);
		assertThat(Http.parse(latin1.body()).path("errors").get(0).path("message").asString()).contains("UTF-8");

		HttpResponse<String> declaredLatin1 = importCsv(slug, "title,proposer\r\n".getBytes(StandardCharsets.UTF_8),
				null, "text/csv; charset=ISO-8859-1", this.organizer);
		assertThat(declaredLatin1.statusCode()).isEqualTo(400);
		assertThat(declaredLatin1.body()).contains("UTF-8");

		HttpResponse<String> empty = importCsv(slug, new byte[0], null, "text/csv", this.organizer);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("empty");

		HttpResponse<String> unknown = importCsv(slug, csv("title,proposer,score", "x,y,1"), null);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(Http.parse(unknown.body()).path("errors").get(0).path("message").asString()).contains("score")
			.contains("repository_url");

		assertThat(importOk(slug, csv("title,proposer,needs"), null).toString())
			.isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":0,\"errors\":[]}");
		assertThat(count(slug)).isZero();
	}

	@Test
	void aStrayQuoteOrANulByteRefusesTheWholeFileWithRowAndColumn() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		for (String skipInvalid : new String[] { null, "skipInvalid=true" }) {
			HttpResponse<String> quote = importCsv(slug, csv("title,proposer", "Fine,A", "ab\"cd,B"), skipInvalid);
			assertThat(quote.statusCode()).as(quote.body()).isEqualTo(400);
			JsonNode quoteError = Http.parse(quote.body()).path("errors").get(0);
			assertThat(quoteError.path("row").asInt()).isEqualTo(3);
			assertThat(quoteError.path("column").asString()).isEqualTo("title");
			assertThat(quoteError.path("message").asString()).contains("quote inside an unquoted cell");

			HttpResponse<String> nul = importCsv(slug, csv("title,proposer", "Fine,A", "Nul\u0000byte,B"), skipInvalid);
			assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
			JsonNode nulError = Http.parse(nul.body()).path("errors").get(0);
			assertThat(nulError.path("row").asInt()).isEqualTo(3);
			assertThat(nulError.path("column").asString()).isEqualTo("title");
			assertThat(nulError.path("message").asString()).contains("U+0000");
		}
		assertThat(count(slug)).isZero();
	}

	@Test
	void onlyOrganizersImport() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		byte[] file = csv("title,proposer", "x,y").getBytes(StandardCharsets.UTF_8);
		assertThat(importCsv(slug, file, null, "text/csv", null).statusCode()).isEqualTo(401);
		assertThat(importCsv(slug, file, null, "text/csv", this.alice).statusCode()).isEqualTo(403);
		assertThat(importCsv("no-such-hackathon", file, null, "text/csv", this.organizer).statusCode()).isEqualTo(404);
		assertThat(importCsv(slug, file, null, "application/json", this.organizer).statusCode()).isEqualTo(415);
		assertThat(count(slug)).isZero();
	}

	@Test
	void bodiesOverFiveMegabytesGet413() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		byte[] big = new byte[5 * 1024 * 1024 + 10];
		java.util.Arrays.fill(big, (byte) 'a');
		HttpResponse<String> response = importCsv(slug, big, null, "text/csv", this.organizer);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("limit");
	}

	@Test
	void exportThenImportIsANoOpAndRoundTripsByteForByte() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String file = csv(String.join(",", ProposalCsv.COLUMNS),
				String.join(",", quoted("零時政府 \"g0v\", 真的假的 🧐"), quoted("唐鳳, Audrey"),
						quoted("數位發展部, Ministry of Digital Affairs"), quoted(TRICKY_SUMMARY), "#cofacts",
						"open-government;media-literacy", quoted("前端;Data, science"), "https://youtu.be/x",
						"https://slides.example/s", "https://hackmd.io/n", "https://cofacts.tw",
						"https://github.com/cofacts/rumors-api", "https://a.example/1 https://b.example/2?q=1"),
				"English only,Bob,,,,,,,,,,,");
		importOk(slug, file, null);
		// A proposal entered over GraphQL (bilingual, links in another order) exports and
		// imports back unchanged.
		var input = ProposalApi.proposalInput(slug, "雙語提案", "Bilingual proposal");
		input.putObject("summary").put("zhTW", "中文摘要").put("en", "English summary");
		input.put("proposerName", "Carol").put("proposerAffiliation", "g0v");
		var links = input.putArray("links");
		links.addObject().put("type", "WEBSITE").put("url", "https://site.example");
		links.addObject().put("type", "OTHER").put("url", "https://other.example");
		links.addObject().put("type", "SLIDES").put("url", "https://slides.example");
		String graphqlId = this.api.createOk(input, this.organizer).path("id").asString();

		HttpResponse<byte[]> exported = export(slug, this.organizer);
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(exported.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains(slug + "-proposals.csv"));
		String text = new String(exported.body(), StandardCharsets.UTF_8);
		assertThat(text).contains(quoted(TRICKY_SUMMARY))
			.contains("唐鳳, Audrey")
			.contains("數位發展部, Ministry of Digital Affairs")
			.contains("Carol,g0v,");

		HttpResponse<String> reimported = importCsv(slug, exported.body(), null, "text/csv", this.organizer);
		assertThat(reimported.body()).isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":3,\"errors\":[]}");
		assertThat(export(slug, this.organizer).body()).isEqualTo(exported.body());
		JsonNode bilingual = this.api.get(graphqlId, this.organizer);
		assertThat(bilingual.path("summary").path("en").asString()).isEqualTo("English summary");
		assertThat(bilingual.path("version").asInt()).as("not rewritten").isZero();

		ProposalCsv.Parsed parsed = ProposalCsv.parse(exported.body());
		assertThat(parsed.rows().stream().map((row) -> row.cell("proposer")))
			.as("file order, then the proposal entered later")
			.containsExactly("唐鳳, Audrey", "Bob", "Carol");
		ProposalCsv.Row tricky = parsed.rows().get(0);
		assertThat(tricky.cell("summary").getBytes(StandardCharsets.UTF_8))
			.isEqualTo(TRICKY_SUMMARY.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The given columns of each data row, as a set (rows imported together export in id
	 * order, not file order).
	 */
	static java.util.Set<List<String>> rows(byte[] file, List<String> columns) {
		ProposalCsv.Parsed parsed = ProposalCsv.parse(file);
		assertThat(parsed.errors()).isEmpty();
		java.util.Set<List<String>> rows = new java.util.HashSet<>();
		for (ProposalCsv.Row row : parsed.rows()) {
			rows.add(columns.stream().map(row::cell).toList());
		}
		return rows;
	}

	@Test
	void theSpreadsheetExportNeutralisesFormulasAndTheDefaultStaysAsTyped() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		List<String> columns = List.of("title", "proposer", "summary", "channel", "needs", "website_url");
		// Each trigger starts a title, a proposer and a summary (titles and proposers are
		// stripped on input, so a
		// leading tab or CR survives only in a summary); a trigger later in a cell
		// changes nothing. Links cannot
		// start with a trigger (http and https only), so the link carries them inside.
		List<List<String>> typed = List.of(
				List.of("=HYPERLINK(\"http://evil\",\"click\")", "+Mallory", "-2+3+cmd|' /C calc'!A0", "@cofacts",
						"=1+1", "https://a.example/?q=1+1&x=-@"),
				List.of("+SUM(1,2)", "-Bob", "\t=1+1 after a tab", "=chan", "+plus", ""),
				List.of("-1 minus one", "@alice", "\r=after a carriage return", "-chan", "-minus;@at", ""),
				List.of("@SUM(A1)", "=Eve", "@here", "", "", ""), List.of("Plain = title + with - triggers @ inside",
						"Dana", "a=b\n=a later line starts with =", "#g0v", "C++", "https://b.example/=x"));
		List<String> lines = new ArrayList<>();
		lines.add(String.join(",", columns));
		typed.forEach((row) -> lines.add(String.join(",", row.stream().map(ProposalImportTests::quoted).toList())));
		assertThat(importOk(slug, csv(lines.toArray(String[]::new)), null).path("created").asInt()).isEqualTo(5);

		HttpResponse<byte[]> asTyped = export(slug, this.organizer);
		assertThat(rows(asTyped.body(), columns)).as("the default export, as typed").isEqualTo(Set.copyOf(typed));
		assertThat(importCsv(slug, asTyped.body(), null, "text/csv", this.organizer).body())
			.as("the default export still round-trips")
			.isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":5,\"errors\":[]}");
		assertThat(export(slug, this.organizer).body()).isEqualTo(asTyped.body());

		HttpResponse<byte[]> safe = export(slug, "for=spreadsheet", this.organizer);
		assertThat(safe.statusCode()).isEqualTo(200);
		assertThat(safe.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(safe.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains(slug + "-proposals-spreadsheet.csv"));
		Set<List<String>> expected = new java.util.HashSet<>();
		typed.forEach((row) -> expected.add(row.stream().map(CsvFiles::forSpreadsheet).toList()));
		assertThat(rows(safe.body(), columns)).isEqualTo(expected);
		String safeText = new String(safe.body(), StandardCharsets.UTF_8);
		assertThat(safeText).as("BOM and header as in the default export")
			.startsWith("\uFEFF" + String.join(",", ProposalCsv.COLUMNS) + "\r\n")
			.contains("'=HYPERLINK(", "'+Mallory", "'-2+3+cmd", "'@cofacts", "'\t=1+1 after a tab",
					"\"'\r=after a carriage return\"", "'-minus;@at", "Plain = title + with - triggers @ inside,Dana,")
			.doesNotContain("''");

		// Not a round trip: the apostrophes are read back as typed, never stripped.
		JsonNode reimport = importOk(slug, new String(safe.body(), StandardCharsets.UTF_8), "dryRun=true");
		assertThat(reimport.path("unchanged").asInt()).as(reimport.toString()).isEqualTo(1);
		String other = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		importCsv(other, safe.body(), null, "text/csv", this.organizer);
		assertThat(rows(export(other, this.organizer).body(), columns)).isEqualTo(expected);
	}

	@Test
	void anyOtherValueOfForIsA400NamingTheAllowedValue() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		importOk(slug, csv("title,proposer", "=1+1,A"), null);
		for (String query : List.of("for=excel", "for=", "for=Spreadsheet", "for=spreadsheet&for=excel")) {
			HttpResponse<byte[]> refused = export(slug, query, this.organizer);
			assertThat(refused.statusCode()).as(query).isEqualTo(400);
			JsonNode body = Http.parse(new String(refused.body(), StandardCharsets.UTF_8));
			assertThat(body.path("code").asString()).isEqualTo("BAD_USER_INPUT");
			assertThat(body.path("message").asString()).as(query).contains("'for'", "'spreadsheet'");
		}
		assertThat(export(slug, "for=spreadsheet", null).statusCode()).as("anonymous, public hackathon").isEqualTo(200);
	}

	@Test
	void rowsImportedTogetherExportInTheFilesOrder() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		List<String> proposers = new ArrayList<>();
		List<String> lines = new ArrayList<>(List.of("title,proposer"));
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 40; i++) {
			String proposer = "P" + random.nextInt(1_000_000) + "-" + i;
			proposers.add(proposer);
			lines.add("Idea " + (40 - i) + "," + proposer);
		}
		importOk(slug, csv(lines.toArray(String[]::new)), null);
		importOk(slug, csv("title,proposer", "Second file,Zed", "Another,Amy"), null);
		proposers.addAll(List.of("Zed", "Amy"));

		ProposalCsv.Parsed exported = ProposalCsv.parse(export(slug, this.organizer).body());
		assertThat(exported.rows().stream().map((row) -> row.cell("proposer")).toList()).isEqualTo(proposers);
	}

	@Test
	void theProposersOrganisationIsImportedExportedToOrganizersAndChangedOnlyByItsColumn() {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		String file = csv("title,proposer,proposer_affiliation", "Air map,Audrey, Taipei City Government ",
				"Bus app,Ben,");
		assertThat(importOk(slug, file, null).path("created").asInt()).isEqualTo(2);
		assertThat(importOk(slug, file, null).path("unchanged").asInt()).as("re-import").isEqualTo(2);
		JsonNode edges = this.api.list(slug, null, "TITLE", null, null, null).data().path("proposals").path("edges");
		String airMap = edges.get(0).path("node").path("id").asString();
		assertThat(this.api.get(airMap, this.organizer).path("proposerAffiliation").asString())
			.isEqualTo("Taipei City Government");
		assertThat(this.api.get(airMap, null).path("proposerAffiliation").isNull()).as("anonymous").isTrue();
		assertThat(this.api.get(edges.get(1).path("node").path("id").asString(), this.organizer)
			.path("proposerAffiliation")
			.isNull()).isTrue();

		ProposalCsv.Parsed exported = ProposalCsv.parse(export(slug, this.organizer).body());
		assertThat(exported.rows().stream().map((row) -> row.cell("proposer_affiliation")).toList())
			.containsExactly("Taipei City Government", "");
		assertThat(ProposalCsv.parse(export(slug, null).body())
			.rows()
			.stream()
			.map((row) -> row.cell("proposer_affiliation"))
			.toList()).as("anonymous export").containsExactly("", "");

		assertThat(importOk(slug, csv("title,proposer,summary", "Air map,Audrey,New summary"), null).path("updated")
			.asInt()).isEqualTo(1);
		assertThat(this.api.get(airMap, this.organizer).path("proposerAffiliation").asString())
			.as("no column: left alone")
			.isEqualTo("Taipei City Government");
		importOk(slug, csv("title,proposer,proposer_affiliation", "Air map,Audrey,g0v"), null);
		assertThat(this.api.get(airMap, this.organizer).path("proposerAffiliation").asString()).isEqualTo("g0v");
		JsonNode tooLong = importOk(slug,
				csv("title,proposer,proposer_affiliation", "Air map,Audrey," + "x".repeat(201)), "skipInvalid=true");
		assertThat(tooLong.path("errors").get(0).path("column").asString()).isEqualTo("proposer_affiliation");
	}

	@Test
	void anOrganizerEntersTheOrganisationOfAProposerWithoutAnAccount() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		JsonNode created = this.api.createOk(ProposalApi.proposalInput(slug, null, "Entered idea")
			.put("proposerName", "Carol")
			.put("proposerAffiliation", "Ministry of Digital Affairs"), this.organizer);
		assertThat(created.path("proposerAffiliation").asString()).isEqualTo("Ministry of Digital Affairs");
		ObjectNode update = Http.json().put("id", created.path("id").asString()).put("proposerAffiliation", "");
		assertThat(this.api.update(update, this.organizer).hasErrors()).isFalse();
		assertThat(this.api.get(created.path("id").asString(), this.organizer).path("proposerAffiliation").isNull())
			.isTrue();
		assertThat(this.api
			.create(ProposalApi.proposalInput(slug, null, "My own idea").put("proposerAffiliation", "g0v"), this.alice)
			.errorCode()).as("a user proposer's organisations are their account's").isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void theExportShowsWhatTheCallerMaySee() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		importOk(slug, csv("title,proposer", "Public one,A"), null);
		this.api.createOk(ProposalApi.proposalInput(slug, null, "Alice's draft"), this.alice);
		String anonymous = new String(export(slug, null).body(), StandardCharsets.UTF_8);
		assertThat(anonymous).contains("Public one").doesNotContain("Alice's draft");
		String organizerView = new String(export(slug, this.organizer).body(), StandardCharsets.UTF_8);
		assertThat(organizerView).contains("Public one").contains("Alice's draft");
		String draftHackathon = this.api.hackathon("COMMUNITY", "DRAFT");
		assertThat(export(draftHackathon, null).statusCode()).isEqualTo(404);
		assertThat(export(draftHackathon, this.organizer).statusCode()).isEqualTo(200);
	}

	@Test
	void concurrentImportsOfOneFileCreateEachProposalOnce() throws Exception {
		String slug = this.api.hackathon("COMMUNITY", "FOLLOW_UP");
		List<String> lines = new ArrayList<>();
		lines.add("title,proposer,summary");
		for (int i = 0; i < 50; i++) {
			lines.add("Idea " + i + ",Person " + (i % 7) + ",Summary " + i);
		}
		String file = csv(lines.toArray(String[]::new));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<HttpResponse<String>>> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results.add(pool.submit(() -> importCsv(slug, file, null)));
		}
		for (Future<HttpResponse<String>> result : results) {
			assertThat(result.get().statusCode()).isEqualTo(200);
		}
		pool.shutdown();
		assertThat(count(slug)).isEqualTo(50);
		assertThat(importOk(slug, file, null).path("unchanged").asInt()).isEqualTo(50);
	}

}
