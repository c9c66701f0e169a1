package org.hacktrail.webpanel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Browser;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expo (PAIRWISE) judging in a real browser against the real backend. The round is set up
 * over GraphQL by the test itself (a hackathon of its own with six proposals at tables 1
 * to 6, not the demo data): a judge on a phone (390×844, zh-TW) finds the round on the
 * judge's list and walks six tables — the first only looked at, with written feedback for
 * its team, a comparison sent with a double tap, a table skipped because the team is
 * absent, a comparison answered while the API cannot be reached and then the page
 * reloaded, a comparison, a table skipped for a conflict of interest. The API then holds
 * exactly the answers given, once each (their client ids distinct), the comparison after
 * the skip is with the table before it, the feedback is stored and the conflict is on the
 * organizers' list (source EXPO_SKIP). The organizer reads the expo ranking, where so few
 * comparisons are marked as insufficient evidence, closes the round, selects two
 * proposals (an override, justified: none has sufficient evidence) and publishes from the
 * panel; the public results page then shows the expo ranking with its uncertainty and
 * comparisons, and the justification. Screens never scroll sideways, pass axe's WCAG 2
 * A/AA rules and are kept under target/screenshots/expo-journey/.
 *
 * <p>
 * The judge signs in as the demo persona "judge-private" (the browser needs a session),
 * made a judge of the test's hackathon through an invitation over the API. The panel is
 * served from {@code ../web/target/classes/static/} (run {@code npm run build} in web/
 * first), as in {@link PanelJourneyBrowserTests}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.web.resources.static-locations=file:../web/target/classes/static/,classpath:/static/")
@ActiveProfiles("demo")
class ExpoJourneyBrowserTests {

	static final String JUDGE_PERSONA = "judge-private";

	static final String JUDGE = "Demo Judge (Private Sector) 民間評審";

	static final String ORGANIZER = "Demo Organizer 示範主辦";

	static final List<String> TITLES = List.of("公車動態開放資料", "避難地圖", "空氣品質儀表板", "議事錄搜尋", "公共自行車預測", "無障礙路線");

	static final Duration WAIT = Duration.ofSeconds(60);

	static final String FEEDBACK = "桌面展示清楚，建議補上資料來源的授權說明。";

	static final Pattern GO_TO = Pattern.compile("前往 (\\d+) 號桌：(.+)");

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Test
	void aJudgeWalksFiveTablesOnAPhoneInChineseAndTheOrganizerSelectsAndPublishesTheExpoRanking() throws Exception {
		// ---- Set-up over the API: a hackathon, six proposals, a judge, a PAIRWISE
		// round.
		Http http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		TestAccounts.Account organizer = accounts.organizer();
		JudgingApi api = new JudgingApi(http, organizer);
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = new ArrayList<>();
		for (String title : TITLES) {
			proposals.add(proposal(http, organizer, hackathon.slug(), title));
		}
		User judgeUser = this.users.signIn(User.DEMO_PROVIDER, JUDGE_PERSONA, JUDGE,
				"judge.private@demo.hacktrail.invalid", false);
		TestAccounts.Account judge = accounts.tokenFor(judgeUser);
		String judgeId = api.judge(hackathon, judge, "PRIVATE").path("id").asString();
		api.configureOk(Http.json()
			.put("roundId", round)
			.put("method", "PAIRWISE")
			.put("cutSize", 2)
			.put("bootstrapReplicates", 200)
			.put("seed", "2026"));
		ObjectNode tables = Http.json();
		ArrayNode list = tables.putObject("input").put("roundId", round).putArray("tables");
		for (int i = 0; i < proposals.size(); i++) {
			list.addObject()
				.put("proposalId", proposals.get(i))
				.put("label", "Table " + (i + 1))
				.put("tableNumber", i + 1);
		}
		JudgingApi.ok(http.graphql("mutation($input: ConfigureExpoTablesInput!) { configureExpoTables(input: $input) "
				+ "{ round { id } } }", tables, organizer.headers()), "configureExpoTables");
		api.statusOk(round, "OPEN", null);

		try (Browser browser = new Browser("http://localhost:" + this.port, "expo-journey")) {
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			// ---- The judge, on a phone, in Chinese.
			browser.open("/sign-in?next=/judge");
			browser.button("Sign in as " + JUDGE).click();
			browser.heading("Judging");
			js(browser, "localStorage.setItem('hacktrail.locale', 'zh-TW');");
			browser.open("/judge");
			WebElement start = waitVisible(browser, "a[href='/judge/rounds/" + round + "/expo']");
			assertThat(start.getText()).isEqualTo("開始走訪各桌");
			assertThat(browser.driver().findElement(By.id("round-" + round)).getText()).contains("評審測試");
			check(browser, "judge-list");
			start.click();

			// 1. The first table: nothing to compare, just look, write feedback for the
			// team and continue.
			Visit first = goTo(browser, 1, 0, 6);
			browser.button("我已到這一桌").click();
			browser.waitForText("第一桌：先看看，看完再繼續");
			check(browser, "first-table");
			browser.type("給團隊的回饋", FEEDBACK);
			browser.button("儲存回饋").click();
			waitForText(browser, "回饋已儲存。");
			browser.button("看完了，繼續").click();

			// 2. Better than the previous one? Both named; a double tap sends one answer.
			Visit second = goTo(browser, 2, 1, 5);
			browser.button("我已到這一桌").click();
			browser.waitForText("比上一桌好嗎？");
			WebElement current = waitVisible(browser, "button[data-winner=CURRENT]");
			assertThat(current.getText()).contains("這一桌較好").contains(second.title);
			assertThat(waitVisible(browser, "button[data-winner=PREVIOUS]").getText()).contains("上一桌較好")
				.contains(first.title);
			check(browser, "compare");
			js(browser, "arguments[0].click(); arguments[0].click();", current);

			// 3. The team is absent: skipped.
			Visit third = goTo(browser, 3, 2, 4);
			browser.button("我已到這一桌").click();
			browser.button("略過：團隊不在").click();

			// 4. Answered while the API cannot be reached: kept on the phone, then the
			// page
			// is reloaded; the answer is sent once, with its client id, after the reload.
			Visit fourth = goTo(browser, 4, 3, 3);
			browser.button("我已到這一桌").click();
			// The comparison is with the last table seen, not the skipped one.
			assertThat(waitVisible(browser, "button[data-winner=PREVIOUS]").getText()).contains(second.title);
			ChromeDriver chrome = (ChromeDriver) browser.driver();
			chrome.executeCdpCommand("Network.enable", Map.of());
			chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/graphql*")));
			waitVisible(browser, "button[data-winner=PREVIOUS]").click();
			waitForText(browser, "連線中斷：您的回答已保存在這支手機上，會自動重新送出。");
			String pendingKey = "hacktrail.expo.pending." + judgeUser.id() + "." + round;
			String pending = (String) js(browser, "return localStorage.getItem(arguments[0]);", pendingKey);
			assertThat(pending).contains("\"winner\":\"PREVIOUS\"").contains(fourth.proposalId);
			check(browser, "answer-kept-offline");
			chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
			browser.driver().navigate().refresh();

			// 5. After the reload: the next table, the kept answer sent.
			Visit fifth = goTo(browser, 5, 4, 2);
			assertThat(js(browser, "return localStorage.getItem(arguments[0]);", pendingKey)).isNull();
			browser.button("我已到這一桌").click();
			waitVisible(browser, "button[data-winner=CURRENT]").click();
			// 6. A conflict of interest noticed at the table: skipped, and declared.
			Visit sixth = goTo(browser, 6, 5, 1);
			browser.button("我已到這一桌").click();
			waitForText(browser, "利益衝突會如同您自行申報一樣記錄給主辦單位");
			check(browser, "sixth-table");
			browser.button("略過：我有利益衝突").click();
			waitForText(browser, "完成：本輪您能評的每一桌都看過了，謝謝！");

			// ---- What the API holds: the answers given, once each.
			JsonNode visits = JudgingApi.ok(http.graphql(
					"query($id: ID!) { expoVisits(roundId: $id) { judgeId number proposalId status clientId "
							+ "previousProposalId winner skipReason } }",
					Http.json().put("id", round), organizer.headers()), "expoVisits");
			List<JsonNode> mine = new ArrayList<>();
			visits.forEach((v) -> {
				if (v.path("judgeId").asString().equals(judgeId)) {
					mine.add(v);
				}
			});
			mine.sort((a, b) -> Integer.compare(a.path("number").asInt(), b.path("number").asInt()));
			assertThat(mine).extracting((v) -> v.path("status").asString())
				.containsExactly("VISITED", "COMPARED", "SKIPPED", "COMPARED", "COMPARED", "SKIPPED");
			assertThat(mine).extracting((v) -> v.path("proposalId").asString())
				.containsExactly(first.proposalId, second.proposalId, third.proposalId, fourth.proposalId,
						fifth.proposalId, sixth.proposalId);
			assertThat(mine.get(1).path("previousProposalId").asString()).isEqualTo(first.proposalId);
			assertThat(mine.get(1).path("winner").asString()).isEqualTo("CURRENT");
			assertThat(mine.get(2).path("skipReason").asString()).isEqualTo("ABSENT");
			assertThat(mine.get(3).path("previousProposalId").asString()).isEqualTo(second.proposalId);
			assertThat(mine.get(3).path("winner").asString()).isEqualTo("PREVIOUS");
			assertThat(pending).contains(mine.get(3).path("clientId").asString());
			assertThat(mine.get(4).path("previousProposalId").asString()).isEqualTo(fourth.proposalId);
			assertThat(mine.get(4).path("winner").asString()).isEqualTo("CURRENT");
			assertThat(mine.get(5).path("skipReason").asString()).isEqualTo("CONFLICT");
			Set<String> clientIds = new HashSet<>();
			mine.forEach((v) -> clientIds.add(v.path("clientId").asString()));
			assertThat(clientIds).hasSize(6).doesNotContain("", "null");
			// The feedback is the team's, stored with the judge; the conflict is on the
			// organizers' list, declared by the judge at the expo.
			assertThat(JudgingApi
				.ok(http.graphql("query($r: ID!, $p: ID!) { myTeamFeedback(roundId: $r, proposalId: $p) { text } }",
						Http.json().put("r", round).put("p", first.proposalId), judge.headers()), "myTeamFeedback")
				.path("text")
				.asString()).isEqualTo(FEEDBACK);
			JsonNode panel = JudgingApi.ok(http.graphql(
					"query($s: String!) { judges(hackathonSlug: $s) { id conflicts { proposalId status source "
							+ "history { actor action } } } }",
					Http.json().put("s", hackathon.slug()), organizer.headers()), "judges");
			assertThat(panel).hasSize(1);
			assertThat(panel.get(0).path("id").asString()).isEqualTo(judgeId);
			JsonNode conflicts = panel.get(0).path("conflicts");
			assertThat(conflicts).hasSize(1);
			assertThat(conflicts.get(0).path("proposalId").asString()).isEqualTo(sixth.proposalId);
			assertThat(conflicts.get(0).path("status").asString()).isEqualTo("ACTIVE");
			assertThat(conflicts.get(0).path("source").asString()).isEqualTo("EXPO_SKIP");
			assertThat(conflicts.get(0).path("history").findValuesAsString("actor")).containsExactly("JUDGE");
			JsonNode ranking = JudgingApi.ok(http.graphql(
					"query($id: ID!) { expoRanking(roundId: $id) { comparisonsCounted firstVisits skippedVisits "
							+ "lines { proposalId comparisons sufficientEvidence inTopN } } }",
					Http.json().put("id", round), organizer.headers()), "expoRanking");
			assertThat(ranking.path("comparisonsCounted").asInt()).isEqualTo(3);
			assertThat(ranking.path("firstVisits").asInt()).isEqualTo(1);
			assertThat(ranking.path("skippedVisits").asInt()).isEqualTo(2);
			ranking.path("lines").forEach((line) -> {
				assertThat(line.path("sufficientEvidence").asBoolean()).isFalse();
				assertThat(line.path("inTopN").asBoolean()).isFalse();
			});

			// ---- The organizer reads the expo ranking, on a desktop screen.
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			js(browser, "localStorage.setItem('hacktrail.locale', 'en');");
			browser.open("/judge");
			browser.heading("Judging");
			browser.button("Sign out").click();
			browser.link("Sign in");
			String results = "/organize/hackathons/" + hackathon.slug() + "/judging/rounds/" + round + "/ranking";
			browser.open("/sign-in?next=" + results);
			browser.button("Sign in as " + ORGANIZER).click();
			waitVisible(browser, "[data-testid=expo-ranking] table.ranking");
			waitForText(browser, "3 comparisons counted · 1 first visit · 2 skipped · 0 judges at a table now");
			String main = browser.driver().findElement(By.tagName("main")).getText();
			assertThat(main).contains("Expo ranking")
				.contains("Rank interval (90 %)")
				.contains("P(top 2)")
				.contains("insufficient evidence")
				.contains(JUDGE)
				.contains("Table 1");
			check(browser, "organizer-expo-ranking");

			// ---- The organizer closes the round, selects on the expo ranking and
			// publishes. With so few comparisons no proposal has sufficient evidence, so
			// the ranking proposes no top N: choosing two is an override, with a written
			// justification.
			browser.button("Close the round").click();
			WebElement closing = waitVisible(browser, "[role=dialog]");
			closing.findElement(By.xpath(".//button[normalize-space(.)='Close the round']")).click();
			waitForText(browser, "Save the selection");
			WebElement selection = waitVisible(browser, "[data-testid=expo-selection]");
			assertThat(selection.getText()).contains("6 of 6 proposals ranked, from 3 comparisons by 1 judge")
				.contains("Strength")
				.contains("Comparisons")
				.doesNotContain("Divergence");
			List<WebElement> boxes = selection.findElements(By.cssSelector("table.ranking input[type=checkbox]"));
			assertThat(boxes).hasSize(6);
			assertThat(boxes).noneMatch(WebElement::isSelected);
			List<String> chosen = new ArrayList<>();
			for (WebElement box : boxes.subList(0, 2)) {
				String name = box.getAttribute("aria-label");
				chosen.add(name.substring("Select ".length()));
				box.click();
			}
			browser.type("Justification of the override", "Chosen by the expo jury at the closing session.");
			browser.button("Save the selection").click();
			waitForText(browser, "Current selection");
			check(browser, "organizer-expo-selected");
			browser.button("Publish the results").click();
			WebElement publishing = waitVisible(browser, "[role=dialog]");
			// The open cases of so thin a ranking (insufficient evidence) are published
			// knowingly.
			for (WebElement knowingly : publishing.findElements(By.cssSelector("input[type=checkbox]"))) {
				knowingly.click();
			}
			publishing.findElement(By.xpath(".//button[normalize-space(.)='Publish']")).click();
			waitForText(browser, "Published.");
			JsonNode published = JudgingApi.ok(http.graphql(
					"query($id: ID!) { judgingRound(roundId: $id) { status selection { proposalIds kind } } }",
					Http.json().put("id", round), organizer.headers()), "judgingRound");
			assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
			assertThat(published.path("selection").path("kind").asString()).isEqualTo("OVERRIDE");
			assertThat(published.path("selection").path("proposalIds")).hasSize(2);

			// ---- The public results page shows the published expo ranking.
			browser.link("See the public results").click();
			WebElement expo = waitVisible(browser, "table.ranking caption");
			new WebDriverWait(browser.driver(), WAIT).until((d) -> d.findElement(By.tagName("main"))
				.getText()
				.contains("Expo ranking by strength, with its uncertainty and the comparisons of each proposal"));
			String page = browser.driver().findElement(By.tagName("main")).getText();
			assertThat(page).contains("Shortlisted:", chosen.get(0), chosen.get(1))
				.contains("Method hacktrail-pairwise-1: 3 comparisons by 1 judge")
				.contains("Rank interval (90 %)")
				.contains("P(top 2)")
				.contains("insufficient evidence")
				.contains("Chosen by the expo jury at the closing session.")
				.contains("scripts/recompute-ranking results.json")
				.doesNotContain("Mean score per criterion");
			assertThat(expo.isDisplayed()).isTrue();
			check(browser, "public-expo-results");
		}
	}

	/**
	 * A table the judge was sent to: its number on the heading, and the proposal there.
	 */
	record Visit(int table, String title, String proposalId) {
	}

	/**
	 * Waits for "前往 n 號桌：title" of the judge's n-th visit, with the visits done and the
	 * tables left as the server counts them; returns the table.
	 */
	private Visit goTo(Browser browser, int number, int answered, int remaining) {
		WebElement heading = new WebDriverWait(browser.driver(), WAIT)
			.withMessage(() -> "visit " + number + " did not come: " + mainText(browser))
			.until((d) -> d.findElements(By.cssSelector("[data-testid=expo-visit][data-visit='" + number + "'] h2"))
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElse(null));
		Matcher matcher = GO_TO.matcher(heading.getText());
		assertThat(matcher.matches()).as(heading.getText()).isTrue();
		int table = Integer.parseInt(matcher.group(1));
		String title = matcher.group(2);
		assertThat(title).isEqualTo(TITLES.get(table - 1));
		assertThat(browser.driver().findElement(By.cssSelector("[data-testid=expo-progress]")).getText())
			.contains("已完成 " + answered + " 次訪桌 · 還有 " + remaining + " 桌");
		assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
		return new Visit(table, title, proposalIdAt(table));
	}

	private final List<String> proposalIds = new ArrayList<>();

	private String proposalIdAt(int table) {
		return this.proposalIds.get(table - 1);
	}

	private String proposal(Http http, TestAccounts.Account organizer, String slug, String title) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("hackathonSlug", slug).put("proposerName", "示範提案人");
		input.putObject("title")
			.put("zhTW", title)
			.put("en", "Proposal " + UUID.randomUUID().toString().substring(0, 4));
		String id = JudgingApi.ok(http.graphql(
				"mutation($input: CreateProposalInput!) { createProposal(input: $input) " + "{ proposal { id } } }",
				variables, organizer.headers()), "createProposal")
			.path("proposal")
			.path("id")
			.asString();
		ObjectNode move = Http.json();
		move.putObject("input").put("proposalId", id).put("to", "SUBMITTED");
		JudgingApi.ok(http.graphql("mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) "
				+ "{ proposal { status } } }", move, organizer.headers()), "transitionProposal");
		this.proposalIds.add(id);
		return id;
	}

	/**
	 * No sideways scrolling at phone width, no WCAG 2 A/AA violation; a screenshot kept.
	 */
	private static void check(Browser browser, String name) throws Exception {
		new WebDriverWait(browser.driver(), WAIT)
			.until((d) -> d.findElements(By.cssSelector("main .loading")).isEmpty());
		browser.screenshot(name);
		Number overflow = (Number) js(browser,
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("%s: the page's horizontal overflow in CSS pixels", name)
			.isLessThanOrEqualTo(0);
		browser.assertAccessible();
	}

	private static void waitForText(Browser browser, String text) {
		new WebDriverWait(browser.driver(), WAIT)
			.withMessage(() -> "waiting for \"" + text + "\": " + mainText(browser))
			.until((d) -> d.findElement(By.tagName("body")).getText().contains(text));
	}

	private static WebElement waitVisible(Browser browser, String css) {
		return new WebDriverWait(browser.driver(), WAIT).until((d) -> d.findElements(By.cssSelector(css))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

	private static String mainText(Browser browser) {
		List<WebElement> main = browser.driver().findElements(By.tagName("main"));
		return main.isEmpty() ? "(no main)" : main.get(0).getText();
	}

	private static Object js(Browser browser, String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

}
