package org.hacktrail.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium driven by Selenium, for end-to-end tests of the web panel.
 * Screenshots land in {@code target/screenshots/<test>/}; accessibility is checked with
 * axe (WCAG 2 A and AA rules).
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = System.getProperty("hacktrail.chromium", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("hacktrail.chromedriver", "/usr/bin/chromedriver");

	static final long POLL_MILLIS = 50;

	private final ChromeDriver driver;

	private final Path screenshots;

	private final String base;

	private int step;

	public Browser(String base, String testName) throws IOException {
		this.base = base;
		this.screenshots = Path.of("target", "screenshots", testName);
		Files.createDirectories(this.screenshots);
		// Selenium Manager must not try to download a driver: there is no internet here.
		System.setProperty("SE_OFFLINE", "true");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		Path profile = Files.createTempDirectory("hacktrail-chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
		this.driver = new ChromeDriver(service, options);
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get(this.base + path);
	}

	public WebElement waitFor(By locator) {
		return waiting(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public void waitForText(String text) {
		waiting(Duration.ofSeconds(15)).until((d) -> d.findElement(By.tagName("body")).getText().contains(text));
	}

	/**
	 * A wait of at most this long that looks every {@value #POLL_MILLIS} ms: Selenium's
	 * default of 500 ms added a quarter of a second, on average, to every step of every
	 * journey.
	 */
	public WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.pollingEvery(Duration.ofMillis(POLL_MILLIS));
		return wait;
	}

	/** A button found the way a screen-reader user finds it: by its accessible name. */
	public WebElement button(String accessibleName) {
		return reachable(By.xpath("//button[normalize-space(.)=" + xpathLiteral(accessibleName) + "]"));
	}

	/** A link found by its accessible name (its text). */
	public WebElement link(String accessibleName) {
		return reachable(By.xpath("//a[normalize-space(.)=" + xpathLiteral(accessibleName) + "]"));
	}

	/**
	 * An element once it is visible; on a phone-width screen, a control in the header's
	 * folded menu (the navigation, the language, signing out) is reached the way a person
	 * reaches it: by opening the menu first.
	 */
	private WebElement reachable(By locator) {
		List<WebElement> found = this.driver.findElements(locator);
		if (!found.isEmpty() && found.stream().noneMatch(WebElement::isDisplayed)
				&& found.stream().anyMatch((element) -> inClosedMenu(element))) {
			openMenu();
		}
		return waitFor(locator);
	}

	private boolean inClosedMenu(WebElement element) {
		return (Boolean) this.driver
			.executeScript("return !!arguments[0].closest('.app-header:not(.menu-open) .app-menu');", element);
	}

	/**
	 * Opens the header's menu where it is folded (phone-width screens); does nothing
	 * where the header shows everything.
	 */
	public void openMenu() {
		for (WebElement toggle : this.driver
			.findElements(By.cssSelector("button.menu-toggle[aria-expanded='false']"))) {
			if (toggle.isDisplayed()) {
				toggle.click();
				waitFor(By.cssSelector(".app-header.menu-open .app-menu"));
			}
		}
	}

	/**
	 * A form control found by the text of its label, the way a screen-reader user finds
	 * it.
	 */
	public WebElement field(String label) {
		String literal = xpathLiteral(label);
		// A label is either the whole text of <label for=…>, or a <span> inside a <label>
		// that wraps its control.
		WebElement element = reachable(
				By.xpath("//label[normalize-space(.)=" + literal + " or ./span[normalize-space(.)=" + literal + "]]"));
		String id = element.getAttribute("for");
		if (id != null && !id.isEmpty()) {
			return this.driver.findElement(By.id(id));
		}
		return element.findElement(By.xpath(".//input|.//select|.//textarea"));
	}

	/** Types into a control found by its label, replacing what was there. */
	public WebElement type(String label, String text) {
		WebElement element = field(label);
		element.clear();
		element.sendKeys(text);
		return element;
	}

	/**
	 * Sets a control's value as a person's input would (React sees an input event). For
	 * controls whose typing format depends on the browser's locale, such as
	 * {@code datetime-local}.
	 */
	public void setValue(WebElement element, String value) {
		((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
					+ "setter.call(arguments[0], arguments[1]);"
					+ "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", element, value);
	}

	/** The main heading of the current screen, once it has this text. */
	public WebElement heading(String text) {
		return waitFor(By.xpath("//h1[normalize-space(.)=" + xpathLiteral(text) + "]"));
	}

	/** Saves a numbered screenshot of the current page as a test artifact. */
	public Path screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Path target = this.screenshots.resolve(String.format("%02d-%s.png", ++this.step, name));
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/**
	 * Fails with the list of violations if axe finds any WCAG 2 A or AA violation on the
	 * current page.
	 */
	public void assertAccessible() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(this.driver);
		List<Rule> violations = results.getViolations();
		assertThat(violations)
			.as(() -> violations.stream()
				.map((rule) -> rule.getId() + ": " + rule.getHelp() + " "
						+ rule.getNodes()
							.stream()
							.map((node) -> String.valueOf(node.getTarget()))
							.collect(Collectors.joining(", ")))
				.collect(Collectors.joining("\n")))
			.isEmpty();
	}

	private static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "',\"'\",'") + "')";
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
