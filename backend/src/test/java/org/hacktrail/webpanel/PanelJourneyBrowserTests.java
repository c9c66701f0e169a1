package org.hacktrail.webpanel;

import org.hacktrail.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel's main journey in a real browser against the real backend (embedded store,
 * demo personas): an organizer creates a hackathon and opens it for proposals; a proposer
 * pitches and submits a proposal; an anonymous visitor finds it on the hackathon page.
 * Every screen visited passes axe's WCAG 2 A/AA rules and is kept as a screenshot under
 * target/screenshots/panel-journey/. Controls are found by their accessible names.
 *
 * <p>
 * The panel is served from {@code ../web/target/classes/static/} first (the web module's
 * fresh build output, as {@code npm run build} leaves it), then from the classpath: the
 * test sees the panel of this working tree without installing the web jar into the local
 * Maven repository, and in a full reactor build both are the same files.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.web.resources.static-locations=file:../web/target/classes/static/,classpath:/static/")
@ActiveProfiles("demo")
class PanelJourneyBrowserTests {

	static final String ORGANIZER = "Demo Organizer 示範主辦";

	static final String PROPOSER = "Demo Proposer 示範提案人";

	@LocalServerPort
	int port;

	@Test
	void anOrganizerOpensAHackathonAProposerSubmitsAndTheAnonymousPublicFindsIt() throws Exception {
		String slug = "journey-" + Long.toString(System.nanoTime(), 36);
		String hackathonName = "Journey Hackathon " + slug;
		String proposalTitle = "Open bus data for everyone";
		try (Browser browser = new Browser("http://localhost:" + this.port, "panel-journey")) {
			// Anonymous start page.
			browser.open("/");
			browser.heading("Hackathons");
			browser.screenshot("home-anonymous");
			browser.assertAccessible();

			// The organizer signs in and creates a hackathon.
			signIn(browser, ORGANIZER);
			browser.link("Organize").click();
			browser.heading("Organize");
			browser.screenshot("organize");
			browser.assertAccessible();
			browser.link("Create a hackathon").click();
			browser.heading("Create a hackathon");
			browser.type("Address name (slug)", slug);
			browser.type("Name in English", hackathonName);
			browser.type("Name in Traditional Chinese", "旅程黑客松");
			browser.setValue(browser.field("Starts (Asia/Taipei)"), "2026-12-05T09:00");
			browser.setValue(browser.field("Ends (Asia/Taipei)"), "2026-12-06T18:00");
			browser.type("Location", "Taipei");
			browser.screenshot("create-hackathon-filled");
			browser.assertAccessible();
			browser.button("Create hackathon").click();

			browser.heading("Set up " + hackathonName);
			assertThat(phase(browser)).isEqualTo("Draft");
			browser.screenshot("hackathon-draft");
			browser.assertAccessible();
			browser.button("Move to Open for proposals").click();
			browser.waitFor(By.xpath("//button[normalize-space(.)='Move to Pitching']"));
			assertThat(phase(browser)).isEqualTo("Open for proposals");
			// Dates are shown in the hackathon's time zone on its public page.
			browser.link("Public page").click();
			browser.heading(hackathonName);
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Asia/Taipei")
				.contains("Dec 5, 2026, 9:00 AM GMT+8");
			browser.screenshot("hackathon-open");
			browser.assertAccessible();
			browser.button("Sign out").click();
			browser.link("Sign in");

			// The proposer pitches a proposal and submits it.
			signIn(browser, PROPOSER);
			browser.open("/hackathons/" + slug);
			browser.heading(hackathonName);
			browser.link("Propose a project").click();
			browser.heading("Propose a project at " + hackathonName);
			browser.type("Title in English", proposalTitle);
			browser.type("Title in Traditional Chinese", "公車資料開放");
			browser.type("Summary in English", "Real-time bus positions as open data.\nFor every city.");
			browser.type("Skills needed", "frontend, data");
			browser.button("Add a link").click();
			browser.type("Address of link 1", "ftp://example.org/video");
			browser.button("Create proposal").click();
			// A link that is not http(s) is refused before anything is sent, next to its
			// field.
			browser.waitForText("Enter a full address starting with http:// or https://.");
			browser.screenshot("proposal-invalid-link");
			browser.assertAccessible();
			browser.type("Address of link 1", "https://example.org/pitch");
			browser.button("Create proposal").click();

			browser.heading(proposalTitle);
			assertThat(status(browser)).isEqualTo("Draft");
			browser.screenshot("proposal-draft");
			browser.assertAccessible();
			// Submitting is at the top of the page, and asks first.
			browser.button("Submit proposal").click();
			WebElement confirm = browser.waitFor(By.cssSelector("[role=dialog]"));
			assertThat(confirm.getText()).contains("Submit this proposal?").contains(proposalTitle);
			confirm.findElement(By.xpath(".//button[normalize-space(.)='Submit']")).click();
			browser.waitForText("Submitted: the proposal is now public.");
			assertThat(status(browser)).isEqualTo("Submitted");
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("History");
			browser.screenshot("proposal-submitted");
			browser.assertAccessible();
			browser.button("Sign out").click();
			browser.link("Sign in");

			// An anonymous visitor on a phone-width screen finds it on the hackathon
			// page, also through the text filter.
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.open("/hackathons/" + slug);
			browser.heading(hackathonName);
			browser.link(proposalTitle);
			browser.type("Search title, summary or proposer", "bus data");
			browser.button("Show proposals").click();
			browser.link(proposalTitle);
			browser.screenshot("public-hackathon-page");
			browser.assertAccessible();
			browser.link(proposalTitle).click();
			browser.heading(proposalTitle);
			assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Submit proposal']")))
				.isEmpty();
			browser.screenshot("public-proposal-page");
			browser.assertAccessible();

			// The same page in Traditional Chinese.
			browser.field("Language").sendKeys("正體中文");
			browser.waitForText("提案人");
			assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
			browser.screenshot("public-proposal-page-zh-TW");
			browser.assertAccessible();
		}
	}

	private static void signIn(Browser browser, String persona) {
		browser.link("Sign in").click();
		browser.heading("Sign in");
		browser.button("Sign in as " + persona).click();
		browser.waitFor(By.xpath("//button[normalize-space(.)='Sign out']"));
		browser.waitForText("Signed in as " + persona);
	}

	private static String phase(Browser browser) {
		WebElement badge = browser.waitFor(By.cssSelector("#phase-heading + p .badge"));
		return badge.getText();
	}

	private static String status(Browser browser) {
		return browser.waitFor(By.cssSelector("dl.facts dd .badge")).getText();
	}

}
