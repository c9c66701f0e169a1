package org.hacktrail.webpanel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.support.Browser;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel on a phone (390×844 CSS px, an iPhone 12–15 in portrait) in English and in
 * Traditional Chinese, against the real backend with the demo data: the main screens a
 * visitor, a judge and an organizer reach never scroll sideways
 * ({@code document.documentElement.scrollWidth <= window.innerWidth}: the tables read as
 * cards, see {@code web/src/components/TableScroll.tsx}); the header is one short line
 * with a menu button (opened and closed with the keyboard here); the score sheet's first
 * score field is on the first screen. Every screen passes axe's WCAG 2 A/AA rules and is
 * kept as a screenshot under target/screenshots/phone-layout/.
 *
 * <p>
 * One application and one browser for everything: each person signs in once and reads
 * their screens in both languages (the language is the panel's stored choice, as the
 * language menu stores it). Nothing is changed on the server but the one draft the slider
 * test's tap scores; the application is this test's own (closed after it), since another
 * journey closes the round it needs open.
 *
 * <p>
 * The panel is served from {@code ../web/target/classes/static/} (run
 * {@code npm run build} in web/ first), as in {@link PanelJourneyBrowserTests}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.web.resources.static-locations=file:../web/target/classes/static/,classpath:/static/",
				// A context of its own, with fresh demo data: the judging journey, which
				// shares the other browser tests' context, closes and publishes the demo
				// round whose open score sheet this test reads.
				"hacktrail.test.fresh-demo=phone-layout" })
@ActiveProfiles("demo")
@DirtiesContext
class PhoneLayoutBrowserTests {

	static final String HACKATHON = "presidential-hackathon-2026";

	static final String JUDGE = "Demo Judge (Public Sector) 公部門評審";

	static final String ORGANIZER = "Demo Organizer 示範主辦";

	static final int WIDTH = 390;

	static final int HEIGHT = 844;

	/** The header of a signed-in person (with the demo banner) at most this high. */
	static final int HEADER_MAX = 140;

	static final List<String> LOCALES = List.of("en", "zh-TW");

	static final Duration WAIT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Test
	void everyMainScreenFitsAPhoneInBothLanguages() throws Exception {
		waitForTheStatisticsRollup();
		try (Browser browser = new Browser("http://localhost:" + this.port, "phone-layout")) {
			// A window of 390×844 leaves a smaller page in headless Chromium (its window
			// keeps room for browser controls): the page itself is set to a phone's size,
			// as a phone lays it out (meta viewport, overlay scrollbars).
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));

			// ---- A visitor: the addresses are found in English, then read in both
			// languages.
			browser.open("/hackathons/" + HACKATHON);
			assertThat(viewport(browser)).as("the page's inner size").isEqualTo(List.of(WIDTH, HEIGHT));
			String proposal = path(waitVisible(browser, "main a[href^='/proposals/']").getAttribute("href"));
			Map<String, String> visitor = new LinkedHashMap<>();
			visitor.put("home", "/");
			visitor.put("hackathon", "/hackathons/" + HACKATHON);
			visitor.put("proposal", proposal);
			visitor.put("results", "/hackathons/" + HACKATHON + "/results");
			// A published ranking (the demo's past community edition): winners, the
			// ranking
			// table and the open-data downloads.
			visitor.put("published-results", "/hackathons/g0v-hackath66n-demo/results");
			visitor.put("statistics", "/statistics");
			Map<String, String> visitorWaits = Map.of("home", "main a[href^='/hackathons/']", "hackathon",
					"main a[href^='/proposals/']", "published-results", "main a[href$='/results.json']", "statistics",
					"main table");
			for (String locale : LOCALES) {
				setLocale(browser, locale);
				for (Map.Entry<String, String> screen : visitor.entrySet()) {
					check(browser, locale, "visitor-" + screen.getKey(), screen.getValue(),
							visitorWaits.get(screen.getKey()));
				}
			}

			// ---- A judge: the list and the score sheet.
			setLocale(browser, "en");
			browser.open("/sign-in?next=/judge");
			browser.button("Sign in as " + JUDGE).click();
			browser.heading("Judging");
			String sheet = path(waitVisible(browser, "main a[href*='/judge/rounds/']").getAttribute("href"));
			for (String locale : LOCALES) {
				setLocale(browser, locale);
				check(browser, locale, "judge-list", "/judge", "main a[href*='/judge/rounds/']");
				assertCompactHeader(browser, locale);
				check(browser, locale, "judge-sheet", sheet, "main input[type=number]");
				assertFirstScoreOnFirstScreen(browser, locale);
			}
			// The menu, with the keyboard: it opens on the button, Escape closes it and
			// gives the focus back.
			setLocale(browser, "en");
			browser.open("/judge");
			browser.heading("Judging");
			useTheMenuWithTheKeyboard(browser);
			signOut(browser);

			// ---- An organizer: the round's judging, progress and ranking, batch jobs.
			browser.open("/sign-in?next=/organize/hackathons/" + HACKATHON + "/judging");
			browser.button("Sign in as " + ORGANIZER).click();
			String judging = "/organize/hackathons/" + HACKATHON + "/judging";
			String round = path(waitVisible(browser, "main a[href*='/judging/rounds/']").getAttribute("href"));
			for (String locale : LOCALES) {
				setLocale(browser, locale);
				check(browser, locale, "organizer-judging", judging, "main table");
				check(browser, locale, "organizer-ranking", round + "/ranking", "main table.ranking");
				check(browser, locale, "organizer-jobs", "/organize/jobs", "main table");
				check(browser, locale, "organizer-timetable", round + "/timetable", "main form.timetable");
				// A proposal put in the pitch order gets its Up, Down and Take out
				// buttons: the widest card still fits (nothing is saved).
				waitVisible(browser, "main button[data-action='add']").click();
				waitVisible(browser, "main button[data-action='remove']");
				Number wide = (Number) js(browser, "return document.documentElement.scrollWidth;");
				assertThat(wide.intValue())
					.as("the timetable with a pitch order (%s) scrolls sideways: %s", locale, widest(browser))
					.isLessThanOrEqualTo(WIDTH);
				browser.screenshot("organizer-timetable-ordered-" + locale);
				// The award track form with its proposal picker (BY_CHOICE): long titles
				// wrap, nothing scrolls sideways (nothing is saved).
				check(browser, locale, "organizer-hackathon", "/organize/hackathons/" + HACKATHON,
						"main #award-tracks-heading");
				waitVisible(browser, "section[aria-labelledby='award-tracks-heading'] > button").click();
				new Select(waitVisible(browser, "section[aria-labelledby='award-tracks-heading'] form select"))
					.selectByValue("BY_CHOICE");
				waitVisible(browser, "main .proposal-picker input[type=checkbox]");
				Number picker = (Number) js(browser, "return document.documentElement.scrollWidth;");
				assertThat(picker.intValue())
					.as("the award track form's proposal picker (%s) scrolls sideways: %s", locale, widest(browser))
					.isLessThanOrEqualTo(WIDTH);
				browser.screenshot("organizer-track-picker-" + locale);
				browser.assertAccessible();
			}
			// On a tablet in portrait the ranking is a table again, wider than the
			// screen:
			// it scrolls inside its frame, and says so.
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 768, "height", 1024, "deviceScaleFactor", 1, "mobile", true));
			check(browser, "zh-TW", "organizer-ranking-tablet", round + "/ranking", "main table.ranking");
			WebElement frame = browser.driver().findElement(By.cssSelector("main .table-scroll:has(> table.ranking)"));
			assertThat(frame.getAttribute("class")).contains("overflowing");
			assertThat(browser.driver()
				.findElement(By
					.xpath("//p[@class='scroll-cue'][following-sibling::*[1][.//table[contains(@class,'ranking')]]]"))
				.getText()).isEqualTo("左右捲動可看更多欄位 →");
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));

			// Signing out through the menu, in Chinese.
			browser.openMenu();
			browser.button("登出").click();
			browser.link("登入");
		}
	}

	/**
	 * A finger that scrolls the page across a score slider sets no score; a tap does. The
	 * phone is emulated as above (390×844, mobile) and the finger is a W3C touch pointer
	 * (WebDriver actions, which ChromeDriver turns into touch input): headless Chromium
	 * then scrolls the page itself on a vertical pan over the slider
	 * ({@code touch-action:
	 * pan-y}) and cancels the pointer, as a phone does. Changes one draft on the server:
	 * a proposal the judge had not started, scored by the tap.
	 */
	@Test
	void aVerticalSwipeOverASliderScrollsThePageAndLeavesTheCriterionUnscored() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + this.port, "phone-slider-touch")) {
			ChromeDriver driver = (ChromeDriver) browser.driver();
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
			driver.executeCdpCommand("Emulation.setTouchEmulationEnabled",
					Map.of("enabled", true, "maxTouchPoints", 5));
			browser.open("/sign-in?next=/judge");
			setLocale(browser, "en");
			browser.open("/sign-in?next=/judge");
			browser.button("Sign in as " + JUDGE).click();
			browser.heading("Judging");
			// A proposal the judge has not started: every criterion unscored.
			String sheet = path(
					waitVisible(browser, "main li.assigned:has(.sheet-not_started) a").getAttribute("href"));
			setLocale(browser, "zh-TW");
			browser.open(sheet);
			WebElement slider = waitVisible(browser, "main input[type=range]");
			String criterion = slider.getAttribute("aria-labelledby").replaceFirst("-label$", "");
			WebElement number = driver.findElement(By.id(criterion));
			assertThat(number.getAttribute("value")).isEmpty();
			assertThat(unscored(browser, criterion)).isEqualTo("未評分");

			// A vertical swipe up that starts on the slider, as a thumb scrolls a page.
			js(browser, "arguments[0].scrollIntoView({block: 'center'});", slider);
			Number before = (Number) js(browser, "return window.scrollY;");
			int[] point = pointOn(browser, slider, 0.7);
			swipe(driver, point[0], point[1], point[0] + 4, point[1] - 250);
			until(browser, (d) -> ((Number) js(browser, "return window.scrollY;")).intValue() > before.intValue() + 100,
					"the page scrolls under the finger");
			// The gesture is over and nothing was committed: no value, still "not
			// scored".
			until(browser, (d) -> slider.getAttribute("data-gesture") == null, "the gesture ends");
			assertThat(number.getAttribute("value")).as("the score after a vertical swipe").isEmpty();
			assertThat(unscored(browser, criterion)).isEqualTo("未評分");
			assertThat(slider.getAttribute("aria-valuetext")).isEqualTo("尚未評分");
			assertThat(slider.getAttribute("class")).contains("unscored");
			browser.screenshot("after-vertical-swipe-zh-TW");

			// The same in English.
			setLocale(browser, "en");
			browser.open(sheet);
			WebElement english = waitVisible(browser, "main input[type=range]");
			js(browser, "arguments[0].scrollIntoView({block: 'center'});", english);
			Number top = (Number) js(browser, "return window.scrollY;");
			point = pointOn(browser, english, 0.3);
			swipe(driver, point[0], point[1], point[0] - 3, point[1] - 250);
			until(browser, (d) -> ((Number) js(browser, "return window.scrollY;")).intValue() > top.intValue() + 100,
					"the page scrolls under the finger");
			assertThat(driver.findElement(By.id(criterion)).getAttribute("value")).isEmpty();
			assertThat(unscored(browser, criterion)).isEqualTo("Not scored");

			// A tap on the slider sets a score where the finger lands.
			js(browser, "arguments[0].scrollIntoView({block: 'center'});", english);
			point = pointOn(browser, english, 0.7);
			PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
			Sequence tap = new Sequence(finger, 0);
			tap.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), point[0], point[1]));
			tap.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
			tap.addAction(new Pause(finger, Duration.ofMillis(50)));
			tap.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
			driver.perform(List.of(tap));
			WebElement field = driver.findElement(By.id(criterion));
			until(browser, (d) -> !field.getAttribute("value").isEmpty(), "a tap sets a score");
			double value = Double.parseDouble(field.getAttribute("value"));
			assertThat(value).isBetween(Double.parseDouble(english.getAttribute("min")),
					Double.parseDouble(english.getAttribute("max")));
			assertThat(driver.findElements(By.cssSelector("[data-testid='" + criterion + "-unscored']"))).isEmpty();
			assertThat(english.getAttribute("aria-valuetext")).isNotEqualTo("not scored");
			browser.screenshot("after-tap-en");
		}
	}

	/**
	 * The "not scored" badge of a criterion (by its number field's id,
	 * score-<criterion>).
	 */
	private static String unscored(Browser browser, String fieldId) {
		return browser.driver().findElement(By.cssSelector("[data-testid='" + fieldId + "-unscored']")).getText();
	}

	/**
	 * A point inside an element, a fraction of its width from its left edge, in the
	 * viewport.
	 */
	@SuppressWarnings("unchecked")
	private static int[] pointOn(Browser browser, WebElement element, double across) {
		List<Number> box = (List<Number>) js(browser,
				"const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", element);
		return new int[] { (int) (box.get(0).doubleValue() + box.get(2).doubleValue() * across),
				(int) (box.get(1).doubleValue() + box.get(3).doubleValue() / 2) };
	}

	/** A finger down at one point, moved over 300 ms to another, and lifted. */
	private static void swipe(ChromeDriver driver, int fromX, int fromY, int toX, int toY) {
		PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
		Sequence swipe = new Sequence(finger, 0);
		swipe.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), fromX, fromY));
		swipe.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
		swipe.addAction(new Pause(finger, Duration.ofMillis(50)));
		swipe.addAction(finger.createPointerMove(Duration.ofMillis(300), PointerInput.Origin.viewport(), toX, toY));
		swipe.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
		driver.perform(List.of(swipe));
	}

	private static void until(Browser browser, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> done,
			String what) {
		browser.waiting(Duration.ofSeconds(10)).withMessage(what).until(done);
	}

	/**
	 * Opens a screen in the current language once its content is there, and checks it: no
	 * sideways scrolling, no serious accessibility violation.
	 */
	private static void check(Browser browser, String locale, String name, String path, String content)
			throws Exception {
		browser.open(path);
		WebDriverWait wait = browser.waiting(WAIT);
		wait.withMessage(() -> name + " (" + locale + ") did not load: " + mainText(browser))
			.until((d) -> !d.findElements(By.cssSelector("main h1")).isEmpty()
					&& d.findElements(By.cssSelector("main .loading")).isEmpty()
					&& (content == null || !d.findElements(By.cssSelector(content)).isEmpty()));
		assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(locale);
		browser.screenshot(name + "-" + locale);
		fullPage(browser, name + "-" + locale);
		List<WebElement> tables = browser.driver().findElements(By.cssSelector("main table.ranking"));
		if (tables.isEmpty()) {
			tables = browser.driver().findElements(By.cssSelector("main table"));
		}
		if (!tables.isEmpty()) {
			// The ranking, or else the first table, as a phone shows it.
			js(browser, "arguments[0].scrollIntoView();", tables.get(0));
			browser.screenshot(name + "-" + locale + "-table");
			js(browser, "window.scrollTo(0, 0);");
		}
		Number scrollWidth = (Number) js(browser, "return document.documentElement.scrollWidth;");
		Number innerWidth = (Number) js(browser, "return window.innerWidth;");
		assertThat(scrollWidth.intValue())
			.as("%s (%s) scrolls sideways; widest elements: %s", name, locale, widest(browser))
			.isLessThanOrEqualTo(innerWidth.intValue());
		browser.assertAccessible();
	}

	/**
	 * A screenshot of the whole page, to review the phone layout of a long screen (its
	 * tables as cards) in one picture: {@code full-<name>.png} beside the numbered steps.
	 */
	@SuppressWarnings("unchecked")
	private static void fullPage(Browser browser, String name) throws IOException {
		ChromeDriver driver = (ChromeDriver) browser.driver();
		Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
		Files.write(Path.of("target", "screenshots", "phone-layout", "full-" + name + ".png"),
				Base64.getDecoder().decode((String) shot.get("data")));
	}

	/** The header (with the demo banner) takes a small part of the first screen. */
	private static void assertCompactHeader(Browser browser, String locale) {
		Number bottom = (Number) js(browser, "return document.querySelector('header').getBoundingClientRect().bottom;");
		assertThat(bottom.intValue()).as("the header's bottom edge (%s), in CSS px", locale)
			.isLessThanOrEqualTo(HEADER_MAX);
	}

	/**
	 * The score sheet's first score field is within the first screen, without scrolling.
	 */
	private static void assertFirstScoreOnFirstScreen(Browser browser, String locale) {
		js(browser, "window.scrollTo(0, 0);");
		Number top = (Number) js(browser,
				"return document.querySelector('main input[type=number]').getBoundingClientRect().top + window.scrollY;");
		Number bottom = (Number) js(browser,
				"return document.querySelector('main input[type=number]').getBoundingClientRect().bottom + window.scrollY;");
		assertThat(top.intValue()).as("the first score field's top (%s), in CSS px", locale)
			.isLessThanOrEqualTo(HEIGHT);
		assertThat(bottom.intValue()).as("the first score field's bottom (%s), in CSS px", locale)
			.isLessThanOrEqualTo(HEIGHT);
	}

	private static void useTheMenuWithTheKeyboard(Browser browser) throws Exception {
		WebElement toggle = browser.waitFor(By.cssSelector("header button[aria-controls]"));
		assertThat(toggle.getAccessibleName()).isEqualTo("Menu");
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.driver().findElement(By.cssSelector("nav")).isDisplayed()).isFalse();
		js(browser, "arguments[0].focus();", toggle);
		toggle.sendKeys(Keys.ENTER);
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		WebElement nav = browser.waitFor(By.cssSelector("nav"));
		assertThat(nav.getText()).contains("Judging").contains("My profile");
		assertThat(browser.driver().findElement(By.cssSelector(".app-menu")).getText()).contains("Sign out");
		browser.screenshot("menu-open-en");
		browser.assertAccessible();
		// Tab goes from the button into the menu; Escape closes it from there.
		browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
		WebElement inside = browser.driver().switchTo().activeElement();
		assertThat((Boolean) js(browser, "return !!arguments[0].closest('.app-menu');", inside)).isTrue();
		inside.sendKeys(Keys.ESCAPE);
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(toggle);
		assertThat(nav.isDisplayed()).isFalse();
	}

	private static void signOut(Browser browser) {
		browser.openMenu();
		browser.button("Sign out").click();
		browser.link("Sign in");
	}

	/**
	 * Sets the panel's language as the language menu stores it; the next page load reads
	 * it.
	 */
	private static void setLocale(Browser browser, String locale) {
		js(browser, "localStorage.setItem('hacktrail.locale', arguments[0]);", locale);
	}

	private static WebElement waitVisible(Browser browser, String css) {
		return browser.waiting(WAIT)
			.until((d) -> d.findElements(By.cssSelector(css))
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElse(null));
	}

	/**
	 * The elements sticking out furthest to the right, to say what makes a page scroll
	 * sideways.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> widest(Browser browser) {
		List<Object> found = (List<Object>) js(browser,
				"""
						return Array.from(document.querySelectorAll('body *'))
						  .map((e) => [e, e.getBoundingClientRect().right])
						  .filter(([, right]) => right > window.innerWidth)
						  .sort((a, b) => b[1] - a[1]).slice(0, 5)
						  .map(([e, right]) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
						    + ' ' + Math.round(right) + 'px: ' + (e.textContent || '').trim().slice(0, 40));""");
		return new ArrayList<>(found.stream().map(String::valueOf).toList());
	}

	@SuppressWarnings("unchecked")
	private static List<Integer> viewport(Browser browser) {
		List<Number> size = (List<Number>) js(browser, "return [window.innerWidth, window.innerHeight];");
		return size.stream().map(Number::intValue).toList();
	}

	private static String mainText(Browser browser) {
		List<WebElement> main = browser.driver().findElements(By.tagName("main"));
		return main.isEmpty() ? "(no main)" : main.get(0).getText();
	}

	private static Object js(Browser browser, String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

	private static String path(String url) {
		int start = url.indexOf("://");
		return (start < 0) ? url : url.substring(url.indexOf('/', start + 3));
	}

	/**
	 * The demo data's statistics roll-up runs once the application is ready: wait for it,
	 * so that the statistics have their tables and the batch jobs screen has a run.
	 */
	private void waitForTheStatisticsRollup() throws InterruptedException {
		Http http = Http.localhost(this.port);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (true) {
			Http.GraphQlResult stats = http.graphql("{ outcomeStatistics { computedAt } }");
			if (stats.errorCode() == null && !stats.data().path("outcomeStatistics").path("computedAt").isNull()) {
				return;
			}
			assertThat(Instant.now()).as("the statistics roll-up ran").isBefore(deadline);
			Thread.sleep(100);
		}
	}

}
