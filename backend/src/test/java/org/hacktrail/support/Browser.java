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
		return new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public void waitForText(String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until((d) -> d.findElement(By.tagName("body")).getText().contains(text));
	}

	/** A button found the way a screen-reader user finds it: by its accessible name. */
	public WebElement button(String accessibleName) {
		return waitFor(By.xpath("//button[normalize-space(.)=" + xpathLiteral(accessibleName) + "]"));
	}

	/** A link found by its accessible name (its text). */
	public WebElement link(String accessibleName) {
		return waitFor(By.xpath("//a[normalize-space(.)=" + xpathLiteral(accessibleName) + "]"));
	}

	/**
	 * A form control found by the text of its label, the way a screen-reader user finds
	 * it.
	 */
	public WebElement field(String label) {
		String literal = xpathLiteral(label);
		// A label is either the whole text of <label for=…>, or a <span> inside a <label>
		// that wraps its control.
		WebElement element = waitFor(
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
