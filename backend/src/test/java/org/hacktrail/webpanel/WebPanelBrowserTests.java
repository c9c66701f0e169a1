package org.hacktrail.webpanel;

import org.hacktrail.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web panel in a real browser against the real backend: a visitor opens it, signs in
 * with a demo persona and sees their name and their role's navigation; the page passes
 * axe's WCAG 2 A/AA rules in both languages.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.web.resources.static-locations=file:../web/target/classes/static/,classpath:/static/")
@ActiveProfiles("demo")
class WebPanelBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aVisitorSignsInAsADemoPersonaAndSeesTheirName() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + this.port, "demo-sign-in")) {
			browser.open("/");
			browser.heading("Hackathons");
			assertThat(browser.waitFor(By.cssSelector("[role=note]")).getText()).contains("Demo mode");
			browser.link("Sign in").click();
			browser.button("Sign in as Demo Organizer 示範主辦");
			browser.screenshot("anonymous");
			browser.assertAccessible();

			browser.button("Sign in as Demo Organizer 示範主辦").click();
			browser.waitForText("Signed in as Demo Organizer 示範主辦");
			// Back where sign-in was asked for, with the organizer's navigation.
			browser.heading("Hackathons");
			assertThat(browser.driver().findElement(By.cssSelector("nav")).getText()).contains("Organize",
					"Batch jobs");
			browser.screenshot("signed-in");
			browser.assertAccessible();

			new Select(browser.field("Language")).selectByValue("zh-TW");
			browser.waitForText("已登入：Demo Organizer 示範主辦");
			assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
			browser.screenshot("signed-in-zh-TW");
			browser.assertAccessible();

			browser.button("登出").click();
			browser.link("登入");
			browser.screenshot("signed-out");
		}
	}

}
