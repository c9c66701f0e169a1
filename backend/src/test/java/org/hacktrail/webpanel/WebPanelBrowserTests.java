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
 * The web panel in a real browser against the real backend: a visitor opens it, signs in with a demo persona and
 * sees their name; the page passes axe's WCAG 2 A/AA rules in both languages.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WebPanelBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aVisitorSignsInAsADemoPersonaAndSeesTheirName() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + this.port, "demo-sign-in")) {
			browser.open("/");
			browser.waitFor(By.xpath("//h1[normalize-space(.)='Hacktrail']"));
			assertThat(browser.waitFor(By.cssSelector("[role=note]")).getText()).contains("Demo mode");
			browser.button("Sign in as Demo Organizer 示範主辦");
			browser.screenshot("anonymous");
			browser.assertAccessible();

			browser.button("Sign in as Demo Organizer 示範主辦").click();
			browser.waitForText("Signed in as Demo Organizer 示範主辦");
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Roles: Organizer");
			browser.screenshot("signed-in");
			browser.assertAccessible();

			new Select(browser.driver().findElement(By.xpath("//label[.//span[normalize-space(.)='Language']]//select")))
				.selectByValue("zh-TW");
			browser.waitForText("已登入：Demo Organizer 示範主辦");
			assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
			browser.screenshot("signed-in-zh-TW");
			browser.assertAccessible();

			browser.button("登出").click();
			browser.button("以「Demo Organizer 示範主辦」登入");
			browser.screenshot("signed-out");
		}
	}

}
