package org.hacktrail.webpanel;

import org.hacktrail.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team formation in a real browser against the real backend (embedded store, demo data
 * and personas): the demo proposer opens a position on the team of their proposal
 * "災害應變志工媒合"; another person (the private-sector judge persona, here an ordinary
 * participant) finds it through "projects that need a skill" and asks to join for it; the
 * proposer sees the request in the header's bell and on the notifications page, follows
 * it to the team and accepts; the requester sees the acceptance notification and appears
 * among the members and in "My teams", also to the public. Every screen passes axe's WCAG
 * 2 A/AA rules and is kept as a screenshot under target/screenshots/team-journey/.
 *
 * <p>
 * The position's skill is unique per run, so the journey does not depend on what other
 * tests did to the shared demo data of a cached application context.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.web.resources.static-locations=file:../web/target/classes/static/,classpath:/static/")
@ActiveProfiles("demo")
class TeamJourneyBrowserTests {

	static final String PROPOSER = "Demo Proposer 示範提案人";

	static final String REQUESTER = "Demo Judge (Private Sector) 民間評審";

	static final String JOINER = "Demo Judge (Public Sector) 公部門評審";

	static final String HACKATHON = "g0v-hackath65n";

	static final String PROPOSAL = "災害應變志工媒合";

	@LocalServerPort
	int port;

	@Test
	void aProposerOpensAPositionSomeoneAsksToJoinTheProposerAcceptsAndTheNewMemberIsTold() throws Exception {
		String skill = "Frontend " + Long.toString(System.nanoTime(), 36);
		try (Browser browser = new Browser("http://localhost:" + this.port, "team-journey")) {
			// The proposer finds their team through "My teams" and opens a position.
			browser.open("/");
			browser.heading("Hackathons");
			signIn(browser, PROPOSER);
			browser.link("My teams").click();
			browser.heading("My teams");
			browser.screenshot("proposer-my-teams");
			browser.assertAccessible();
			browser.link(PROPOSAL).click();
			browser.heading(PROPOSAL);
			browser.waitFor(By.id("team-heading"));
			browser.button("Open a new position").click();
			browser.type("Skill wanted", skill);
			new Select(browser.field("Role")).selectByVisibleText("Developer");
			browser.type("Description (optional)", "Maps and forms in React");
			browser.screenshot("proposer-opens-position");
			browser.assertAccessible();
			browser.button("Open position").click();
			browser.waitForText("Position " + skill + " opened.");
			assertThat(team(browser)).contains(skill).contains("0 of 1 filled, 1 open");
			browser.screenshot("proposer-position-open");
			browser.assertAccessible();
			signOut(browser);

			// Another person looks for projects that need the skill and asks to join for
			// the position.
			signIn(browser, REQUESTER);
			browser.open("/hackathons/" + HACKATHON);
			browser.link("Find projects that need a skill").click();
			browser.waitFor(By.xpath("//h1[starts-with(normalize-space(.), 'Projects that need a skill at')]"));
			browser.type("Skill", skill);
			browser.button("Find projects").click();
			browser.link(PROPOSAL);
			assertThat(browser.driver().findElement(By.tagName("main")).getText())
				.contains(skill + " (Developer, 1 open)");
			browser.screenshot("requester-skill-search");
			browser.assertAccessible();
			browser.link(PROPOSAL).click();
			browser.heading(PROPOSAL);
			new Select(browser.field("Position you want")).selectByVisibleText(skill + " (Developer, 1 open)");
			browser.type("Message to the team’s leads (optional)", "I build maps with React and can stay all weekend.");
			browser.screenshot("requester-asks-to-join");
			browser.assertAccessible();
			browser.button("Ask to join").click();
			browser.waitForText("Your request was sent to the team’s leads.");
			browser.button("Withdraw my request");
			browser.screenshot("requester-request-waiting");
			browser.assertAccessible();
			signOut(browser);

			// The proposer sees the request in the bell, reads it on the notifications
			// page and accepts it on the team.
			signIn(browser, PROPOSER);
			WebElement bell = browser.waitFor(By.cssSelector("a.bell[aria-label*='unread']"));
			assertThat(bell.getAttribute("aria-label")).matches("Notifications: \\d+ unread");
			bell.click();
			browser.heading("Notifications");
			String received = REQUESTER + " asks to join the team of “" + PROPOSAL + "” as " + skill + ".";
			browser.link(received);
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain("TEAM_JOIN");
			browser.screenshot("proposer-notifications");
			browser.assertAccessible();
			browser.link(received).click();
			browser.heading(PROPOSAL);
			browser.type("Note to " + REQUESTER + " (optional)", "Welcome aboard!");
			browser.screenshot("proposer-sees-request");
			browser.assertAccessible();
			browser.button("Accept " + REQUESTER).click();
			browser.waitForText(REQUESTER + " is now a member.");
			assertThat(team(browser)).contains("1 of 1 filled, 0 open");
			assertThat(members(browser)).contains(REQUESTER).contains("as " + skill);
			browser.screenshot("proposer-accepted");
			browser.assertAccessible();
			signOut(browser);

			// The requester is told, and is a member.
			signIn(browser, REQUESTER);
			browser.waitFor(By.cssSelector("a.bell[aria-label*='unread']")).click();
			browser.heading("Notifications");
			String accepted = "Your request to join the team of “" + PROPOSAL + "” was accepted. Welcome!";
			browser.link(accepted);
			browser.waitForText("Note: Welcome aboard!");
			browser.screenshot("requester-notifications");
			browser.assertAccessible();
			// On a phone-width screen, as at the event.
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.link(accepted).click();
			browser.heading(PROPOSAL);
			assertThat(members(browser)).contains(REQUESTER + " (you)");
			browser.screenshot("requester-is-member-phone");
			browser.assertAccessible();
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			browser.link("My teams").click();
			browser.heading("My teams");
			browser.link(PROPOSAL);
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("you: Developer");
			browser.screenshot("requester-my-teams");
			browser.assertAccessible();

			// The notifications in Traditional Chinese: texts come from the catalog, not
			// from the type names.
			browser.open("/notifications");
			browser.heading("Notifications");
			new Select(browser.field("Language")).selectByValue("zh-TW");
			browser.waitForText("您加入「" + PROPOSAL + "」團隊的申請已被接受。歡迎！");
			browser.button("全部標為已讀").click();
			browser.waitForText("您的通知已全部標為已讀。");
			browser.waitFor(By.cssSelector("a.bell[aria-label='通知：沒有未讀']"));
			browser.screenshot("requester-notifications-zh-TW");
			browser.assertAccessible();
			new Select(browser.field("語言")).selectByValue("en");
			signOut(browser);

			// The public sees the team, and is offered to sign in to join it.
			browser.open("/hackathons/" + HACKATHON);
			browser.link(PROPOSAL).click();
			browser.heading(PROPOSAL);
			assertThat(members(browser)).contains(REQUESTER);
			browser.link("Sign in to ask to join");
			assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Ask to join']"))).isEmpty();
			browser.screenshot("public-team");
			browser.assertAccessible();
		}
	}

	/**
	 * The proposer makes a one-use invitation link for their team and copies it from the
	 * panel; someone not signed in opens it, is sent to sign in and comes back to it,
	 * sees which team invites them and joins; the link then no longer works, for anyone.
	 */
	@Test
	void aProposerSharesAnInvitationLinkAndThePersonWhoOpensItJoinsOnce() throws Exception {
		String message = "Table 7, ask for the map people " + Long.toString(System.nanoTime(), 36);
		try (Browser browser = new Browser("http://localhost:" + this.port, "team-link-journey")) {
			browser.open("/");
			browser.heading("Hackathons");
			signIn(browser, PROPOSER);
			browser.link("My teams").click();
			browser.heading("My teams");
			browser.link(PROPOSAL).click();
			browser.heading(PROPOSAL);
			browser.waitFor(By.id("team-heading"));
			browser.type("Message shown with the link (optional)", message);
			new Select(browser.field("Valid for")).selectByVisibleText("1 day");
			browser.button("Create invitation link").click();
			browser.waitForText("Invitation link created. Copy it now: it is shown only this once.");
			String url = browser.field("Invitation link").getAttribute("value");
			assertThat(url).startsWith("http://localhost:" + this.port + "/teams/join/htl_");
			browser.screenshot("proposer-link-created");
			browser.assertAccessible();
			signOut(browser);

			// Someone who is not signed in opens the link, signs in, and is brought back
			// to it.
			browser.driver().get(url);
			browser.heading("Join a team");
			browser.link("Sign in to answer").click();
			browser.heading("Sign in");
			browser.button("Sign in as " + JOINER).click();
			browser.heading("Join a team");
			browser.waitForText("The team of “" + PROPOSAL + "”");
			browser.waitForText(message);
			browser.screenshot("joiner-sees-invitation");
			browser.assertAccessible();
			browser.button("Join the team").click();
			browser.waitForText("Welcome to the team!");
			browser.link("See the proposal and its team").click();
			browser.heading(PROPOSAL);
			assertThat(members(browser)).contains(JOINER + " (you)");
			browser.screenshot("joiner-is-member");
			browser.assertAccessible();

			// Used once, the link says so instead of offering to join again.
			browser.driver().get(url);
			browser.heading("Join a team");
			browser.waitForText("This invitation link has already been used: each link works once.");
			assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Join the team']")))
				.isEmpty();
			signOut(browser);
		}
	}

	private static void signIn(Browser browser, String persona) {
		browser.link("Sign in").click();
		browser.heading("Sign in");
		browser.button("Sign in as " + persona).click();
		browser.waitFor(By.xpath("//button[normalize-space(.)='Sign out']"));
		browser.waitForText("Signed in as " + persona);
	}

	private static void signOut(Browser browser) {
		browser.button("Sign out").click();
		browser.link("Sign in");
	}

	private static String team(Browser browser) {
		return browser.waitFor(By.id("team")).getText();
	}

	private static String members(Browser browser) {
		return browser.waitFor(By.cssSelector("#team ul.members")).getText();
	}

}
