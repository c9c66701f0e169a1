package org.hacktrail.webpanel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.hacktrail.support.Browser;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up screens in a real browser against the real backend with the demo
 * profile's SYNTHETIC dataset: an organizer opens the adoption statistics (the charts
 * draw from the demo data; each has its table), filters them, imports a small outcome
 * file and sees the skipped row, then verifies the import's pending row with one decision
 * (by import, after counting it); an anonymous visitor on a phone-width screen opens a
 * project's outcome trail (with that row, now public) and the public statistics with the
 * open-data links. Every screen passes axe's WCAG 2 A/AA rules; screenshots under
 * target/screenshots/followup-journey/.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.web.resources.static-locations=file:../web/target/classes/static/,classpath:/static/")
@ActiveProfiles("demo")
class FollowUpJourneyBrowserTests {

	static final String ORGANIZER = "Demo Organizer 示範主辦";

	@LocalServerPort
	int port;

	@Test
	void anOrganizerReadsTheStatisticsAndImportsOutcomesAndAVisitorReadsAProjectsTrail() throws Exception {
		String projectId = outstandingProjectOnceTheRollupRan();
		try (Browser browser = new Browser("http://localhost:" + this.port, "followup-journey")) {
			browser.open("/");
			signIn(browser, ORGANIZER);

			// Statistics: both charts draw on their canvas, and their figures are in
			// tables.
			browser.link("Statistics").click();
			browser.heading("Adoption statistics");
			WebElement funnel = browser.waitFor(By.cssSelector("canvas[aria-label^='Bar chart of the funnel']"));
			WebElement years = browser.waitFor(By.cssSelector("canvas[aria-label^='Bar chart of funded']"));
			assertThat(paintedPixels(browser, funnel)).isPositive();
			assertThat(paintedPixels(browser, years)).isPositive();
			assertThat(tableText(browser, "Funnel: count at each stage and rates")).contains("Proposals")
				.contains("Integrated");
			assertThat(tableText(browser, "Outcomes by year of the hackathon")).contains("2018").contains("2023");
			browser.screenshot("statistics-organizer");
			browser.assertAccessible();
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", funnel);
			browser.screenshot("statistics-funnel-chart");
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", years);
			browser.screenshot("statistics-years-chart");
			browser.field("Kind of hackathon").sendKeys("Presidential hackathon");
			browser.type("From year", "2020");
			browser.button("Show statistics").click();
			browser.waiting(Duration.ofSeconds(15))
				.until((d) -> !tableText(browser, "Outcomes by year of the hackathon").contains("2019"));
			assertThat(tableText(browser, "Outcomes by year of the hackathon")).contains("2020");
			browser.screenshot("statistics-filtered");
			browser.assertAccessible();

			// Outcome import: one valid row, one without the evidence a FUNDED milestone
			// needs.
			browser.link("Outcomes").click();
			browser.heading("Milestones to verify");
			browser.screenshot("milestones-to-verify");
			browser.assertAccessible();
			browser.link("Import outcomes").click();
			browser.heading("Import outcomes");
			Path file = Files.createTempFile("outcomes", ".csv");
			Files.writeString(file,
					"project_ref,milestone,date,agency,amount,currency,evidence_url\n" + projectId
							+ ",PILOT,2024-01-15,Browser test agency,,,https://example.org/pilot\n" + projectId
							+ ",FUNDED,2024-02-01,Browser test fund,1000,TWD,\n");
			browser.field("File of milestones").sendKeys(file.toAbsolutePath().toString());
			browser.button("Start import").click();
			browser.waitFor(By.cssSelector("progress[aria-label^='Progress of import run']"));
			// Runs execute one at a time: the import may wait for the demo load's
			// follow-up job.
			browser.waiting(Duration.ofSeconds(90))
				.until((d) -> d.findElement(By.tagName("body"))
					.getText()
					.contains("Done: 1 new, 0 changed, 0 unchanged, 1 skipped."));
			assertThat(tableText(browser, "Rows that were skipped, with the reason")).contains("3")
				.contains("evidence");
			browser.link("Download the skipped rows (CSV)");
			browser.screenshot("outcome-import-done");
			browser.assertAccessible();

			// Its valid row waits: the report leads to verifying the import's pending
			// milestones with one decision, after counting them.
			browser.link("Verify the milestones of this import").click();
			browser.heading("Milestones to verify");
			// The import is chosen, and listed among the recent ones with its pending
			// row.
			browser.waiting(Duration.ofSeconds(15))
				.until((d) -> new Select(browser.field("Import")).getFirstSelectedOption()
					.getText()
					.contains("1 pending"));
			assertThat(new Select(browser.field("Import")).getFirstSelectedOption().getText())
				.startsWith("Uploaded file");
			browser.button("Count the matching milestones").click();
			browser.waitForText("1 pending milestone matches.");
			browser.type("Note for every milestone verified", "On the agency's own list.");
			browser.button("Verify 1 milestone").click();
			WebElement confirm = browser.waitFor(By.cssSelector("[role=dialog]"));
			assertThat(confirm.getText()).contains("The 1 pending milestone you counted becomes public");
			browser.screenshot("verify-by-import-confirm");
			confirm.findElement(By.xpath(".//button[normalize-space(.)='Verify them']")).click();
			browser.waitForText("1 milestone verified.");
			browser.screenshot("verified-by-import");
			browser.assertAccessible();
			browser.button("Sign out").click();
			browser.link("Sign in");

			// A visitor on a phone reads the project's trail and the public statistics.
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.open("/projects/" + projectId);
			WebElement trail = browser
				.waitFor(By.xpath("//h2[normalize-space(.)='Outcome trail']/ancestor::section[1]"));
			assertThat(trail.getText()).contains("State").contains("Verified");
			assertThat(trail.findElements(By.cssSelector("ol.trail > li"))).isNotEmpty();
			// The imported row, verified by the organizer's decision, is public.
			assertThat(trail.getText()).contains("Browser test agency");
			assertThat(trail.findElements(By.xpath(".//button[normalize-space(.)='Follow']"))).isEmpty();
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", trail);
			browser.screenshot("project-trail-visitor");
			browser.assertAccessible();
			// The same trail in Traditional Chinese.
			browser.field("Language").sendKeys("正體中文");
			browser.waitForText("成果軌跡");
			browser.screenshot("project-trail-visitor-zh-TW");
			browser.assertAccessible();
			browser.field("語言").sendKeys("English");
			browser.waitForText("Outcome trail");
			browser.link("Statistics").click();
			browser.heading("Adoption statistics");
			browser.waitFor(By.cssSelector("canvas[aria-label^='Bar chart of the funnel']"));
			browser.link("Download projects.csv");
			browser.link("CC-BY-4.0");
			browser.screenshot("statistics-public");
			browser.assertAccessible();
		}
	}

	/**
	 * The demo dataset loads when the application is ready and then runs the statistics
	 * roll-up: wait for it, and pick an outstanding project of a published presidential
	 * edition (it has a verified trail).
	 */
	private String outstandingProjectOnceTheRollupRan() throws InterruptedException {
		Http http = Http.localhost(this.port);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (true) {
			Http.GraphQlResult stats = http.graphql("{ outcomeStatistics { computedAt total { proposals } } }");
			if (stats.errorCode() == null && !stats.data().path("outcomeStatistics").path("computedAt").isNull()
					&& stats.data().path("outcomeStatistics").path("total").path("proposals").asInt() > 0) {
				break;
			}
			assertThat(Instant.now()).as("the statistics roll-up ran").isBefore(deadline);
			Thread.sleep(100);
		}
		Http.GraphQlResult proposals = http.graphql("""
				{ proposals(hackathonSlug: "synthetic-presidential-2019", filter: { status: [OUTSTANDING] }, first: 5) {
				    edges { node { project { id outcomes { verification } } } } } }""");
		assertThat(proposals.errorCode()).isNull();
		for (JsonNode edge : proposals.data().path("proposals").path("edges")) {
			JsonNode project = edge.path("node").path("project");
			if (!project.isMissingNode() && !project.isNull() && !project.path("outcomes").isEmpty()) {
				return project.path("id").asString();
			}
		}
		throw new AssertionError(
				"No outstanding project with a trail in the synthetic 2019 edition: " + proposals.body());
	}

	private static long paintedPixels(Browser browser, WebElement canvas) {
		Object count = ((JavascriptExecutor) browser.driver()).executeScript("""
				const c = arguments[0]; const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				let n = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; } return n;""", canvas);
		return ((Number) count).longValue();
	}

	private static String tableText(Browser browser, String caption) {
		return browser.waitFor(By.xpath("//table[caption[normalize-space(.)='" + caption + "']]")).getText();
	}

	private static void signIn(Browser browser, String persona) {
		browser.link("Sign in").click();
		browser.heading("Sign in");
		browser.button("Sign in as " + persona).click();
		browser.waitFor(By.xpath("//button[normalize-space(.)='Sign out']"));
		browser.waitForText("Signed in as " + persona);
	}

}
