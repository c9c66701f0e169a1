package org.hacktrail.webpanel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zh-TW panel has no English sentence made by the server: every screen a visitor, a
 * proposer, each judge and an organizer reach from the demo data's screens (links
 * followed from the navigation and the pages, one screen per kind of address) is read in
 * Traditional Chinese, and every text (and {@code title}, {@code aria-label},
 * {@code placeholder}) is searched for three or more English words in a row and for
 * internal names (camelCase job names, UPPER_SNAKE constants, parameter keys, UUIDs).
 * Server-made text (history entries, conflict reasons, round history, job names and
 * parameters, notices) must reach the panel as codes with arguments, rendered from its
 * catalogs ({@code web/src/i18n}).
 *
 * <p>
 * What may be English is data people wrote: text the panel marks as English
 * ({@code lang="en"}, as {@code Localized} does for a title that has no Chinese), and the
 * {@link #DATA} values of the demo data that are shown as written (people's names,
 * affiliations, links). One browser, one sign-in per person; nothing is changed while the
 * screens are walked.
 *
 * <p>
 * Then the organizer acts, for the text the server makes only after an action: closes the
 * demo's review round with sheets missing, selects, and weights only academia, so that
 * the selection is stale (a publication blocker) and proposals without an academic sheet
 * are not ranked (an unranked reason); the ranking screen read in zh-TW says both from
 * the catalogs.
 *
 * <p>
 * The panel is served from {@code ../web/target/classes/static/} (run
 * {@code npm run build} in web/ first), as in {@link PanelJourneyBrowserTests}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.web.resources.static-locations=file:../web/target/classes/static/,classpath:/static/",
				"hacktrail.test.fresh-demo=server-text" })
@ActiveProfiles("demo")
@DirtiesContext
class ServerTextBrowserTests {

	static final String HACKATHON = "presidential-hackathon-2026";

	/** Demo personas, as the sign-in page names them. */
	static final List<String> PERSONAS = List.of("Demo Proposer 示範提案人", "Demo Judge (Public Sector) 公部門評審",
			"Demo Judge (Private Sector) 民間評審", "Demo Organizer 示範主辦");

	/**
	 * Data shown as written, in English: a run of English words found inside one of these
	 * is not server-made text.
	 */
	static final List<String> DATA = List.of(
			// People's names and affiliations (personas, demo judges and members).
			"Demo Proposer", "Demo Judge (Public Sector)", "Demo Judge (Private Sector)", "Demo Judge (Academia)",
			"Demo Judge (City Government)", "Demo Judge (Startup)", "Demo Organizer", "Hacktrail Demo Organizing Team",
			"Ministry of Digital Affairs (demo)", "Example Tech Co. (demo)", "National Taiwan University (demo)",
			"Taipei City Government (demo)", "Civic Startup Ltd. (demo)", "Open Data Volunteers (demo)",
			// Skills people asked for, milestones' notes and funders as organizers wrote
			// them.
			"Data science", "SYNTHETIC demo data", "Civic tech programme", "civic tech grant",
			// The judges of the demo's published editions and their affiliations.
			"Demo Expo Judge (Agency)", "Demo Expo Judge (Company)", "Demo Judge (District Office)",
			"Demo Judge (Software Company)", "National Development Council (demo)", "Open Data Consulting Co. (demo)",
			"Da'an District Office (demo)", "Open Source Software Co. (demo)",
			// The sponsor of the demo's open-data award track.
			"Open Data Alliance (demo)",
			// A reason the demo organizer wrote when moving the finalists.
			"Demo: all eight teams that presented are finalists.",
			// Places, as organizers wrote them (the demo's published editions).
			"Academia Sinica, Taipei", "Huashan 1914 Creative Park",
			// Team positions and a join request, as their authors wrote them.
			"Matching API and notifications", "Liaise with city social affairs bureaus",
			"I coordinated disaster relief at a district office.");

	/** At most this many screens per person, so that the walk stays short. */
	static final int MAX_SCREENS = 45;

	static final Duration WAIT = Duration.ofSeconds(30);

	/**
	 * Finds, in the page's text and in the attributes people read (outside elements
	 * marked as English data, code and form fields), after taking out the {@link #DATA}
	 * values given as {@code arguments[0]}: runs of three or more English words, internal
	 * names (camelCase, UPPER_SNAKE constants, {@code key.name=} parameters) and UUIDs.
	 * Returns "text ⟨where⟩" per finding.
	 */
	static final String FIND_ENGLISH = """
			const data = arguments[0];
			const patterns = [
			  /(?:[("“'‘]?[A-Za-z][A-Za-z'’-]*[)"”'’.,:;!?]*\\s+){2,}[("“'‘]?[A-Za-z][A-Za-z'’-]*[)"”'’.,:;!?]*/g,
			  /\\b[a-z]+[A-Z][A-Za-z]*\\b/g,
			  /\\b[A-Z]{2,}(?:_[A-Z]+)+\\b/g,
			  /\\b[a-z]+(?:\\.[a-z][A-Za-z]*)+=/g,
			  /\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b/g,
			];
			const skip = (el) => !el || !!el.closest('script,style,noscript,template,code,pre,textarea,[lang^="en"],[translate="no"]');
			const where = (el) => {
			  const parts = [];
			  for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
			    parts.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
			  }
			  return parts.join(' > ');
			};
			const found = [];
			const look = (text, el) => {
			  // Addresses are shown as written (links, evidence).
			  let rest = (text || '').replace(/https?:\\/\\/\\S+/g, ' · ');
			  for (const value of data) rest = rest.split(value).join(' · ');
			  for (const pattern of patterns) {
			    for (const m of rest.matchAll(pattern)) found.push(m[0].trim() + ' ⟨' + where(el) + '⟩');
			  }
			};
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			  if (!skip(n.parentElement)) look(n.nodeValue, n.parentElement);
			}
			for (const el of document.body.querySelectorAll('[title],[aria-label],[placeholder]')) {
			  if (skip(el)) continue;
			  for (const a of ['title', 'aria-label', 'placeholder']) if (el.hasAttribute(a)) look(el.getAttribute(a), el);
			}
			return found;""";

	/**
	 * The proposals whose history has an entry Hacktrail made (moved by teams or judging,
	 * imported), that the signed-in person may read: the walk starts at them, since the
	 * proposals it finds by following links may have none.
	 */
	static final String PROPOSALS_WITH_HACKTRAIL_HISTORY = """
			const done = arguments[arguments.length - 1];
			const post = (query) => fetch('/graphql', { method: 'POST', credentials: 'same-origin',
			  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1] || '') },
			  body: JSON.stringify({ query }) }).then((r) => r.json());
			(async () => {
			  const found = [];
			  const editions = await post('{ hackathons(first: 100) { edges { node { slug } } } }');
			  for (const edge of editions.data?.hackathons?.edges ?? []) {
			    const page = await post('{ proposals(hackathonSlug: ' + JSON.stringify(edge.node.slug) + ', first: 100) { edges { node { id history { actor reason } } } } }');
			    for (const p of page.data?.proposals?.edges ?? []) {
			      if ((p.node.history ?? []).some((h) => h.actor === 'SYSTEM' || (h.reason ?? '').startsWith('Imported'))) found.push('/proposals/' + p.node.id);
			    }
			  }
			  return found.slice(0, 3);
			})().then(done, () => done([]));""";

	/**
	 * As the organizer, on the demo's OPEN review round: closes it with its missing
	 * sheets confirmed, selects its first proposal, then weights only academia (reasons
	 * written in Chinese, as an organizer of the demo would). Returns the round's id and
	 * the errors.
	 */
	static final String ACT_ON_THE_REVIEW_ROUND = """
			const done = arguments[arguments.length - 1];
			const post = (query, variables) => fetch('/graphql', { method: 'POST', credentials: 'same-origin',
			  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1] || '') },
			  body: JSON.stringify({ query, variables }) }).then((r) => r.json());
			(async () => {
			  const rounds = await post('query($s: String!) { judgingRounds(hackathonSlug: $s) { id status } }', { s: arguments[0] });
			  const round = (rounds.data?.judgingRounds ?? []).find((r) => r.status === 'OPEN');
			  if (!round) return { errors: ['no OPEN round: ' + JSON.stringify(rounds)] };
			  const results = [];
			  results.push(await post('mutation($i: ChangeRoundStatusInput!) { changeRoundStatus(input: $i) { round { id } } }',
			    { i: { roundId: round.id, to: 'CLOSED', confirmIncomplete: true, reason: '示範：評分期限已到，未送出的評分表不列入這次的排名。' } }));
			  const ranking = await post('query($id: ID!) { roundRanking(roundId: $id) { outstandingQuota lines { proposalId } } }', { id: round.id });
			  const cut = ranking.data?.roundRanking?.outstandingQuota;
			  const first = ranking.data?.roundRanking?.lines?.[0]?.proposalId;
			  results.push(await post('mutation($i: SelectProposalsInput!) { selectProposals(input: $i) { round { id } } }',
			    { i: { roundId: round.id, proposalIds: [first], quotaOverride: cut !== 1 ? true : null,
			           justification: '示範：評審團討論後，先選出這一件提案進入下一階段。' } }));
			  results.push(await post('mutation($i: ConfigureRoundInput!) { configureRound(input: $i) { round { id } } }',
			    { i: { roundId: round.id, reason: '示範：這次只採計學界評審的評分，其他類別權重為零。',
			           sectorWeights: [{ sector: 'PUBLIC', weight: 0 }, { sector: 'PRIVATE', weight: 0 }, { sector: 'ACADEMIC', weight: 1 }] } }));
			  return { round: round.id, errors: results.flatMap((r) => (r.errors ?? []).map((e) => e.message)) };
			})().then(done, (e) => done({ errors: [String(e)] }));""";

	/**
	 * Counts, in every page, the requests the panel made whose answer it has not read yet
	 * ({@code window.__hacktrailRequests}): the GraphQL client reads its answers with
	 * {@code text()}; an answer read otherwise counts as read after 5 s.
	 */
	static final String COUNT_REQUESTS = """
			(() => {
			  let open = 0;
			  Object.defineProperty(window, '__hacktrailRequests', { get: () => open });
			  const fetch = window.fetch;
			  window.fetch = function (...args) {
			    open++;
			    let counted = true;
			    const done = () => { if (counted) { counted = false; open--; } };
			    return fetch.apply(this, args).then((response) => {
			      for (const read of ['text', 'json']) {
			        const original = response[read].bind(response);
			        response[read] = () => original().finally(done);
			      }
			      setTimeout(done, 5000);
			      return response;
			    }, (error) => { done(); throw error; });
			  };
			})();""";

	/**
	 * True once the screen has its heading, nothing shows as loading and every request is
	 * answered and read, and still so a moment later (React has rendered what the last
	 * answer brought).
	 */
	static final String SETTLED = """
			const done = arguments[arguments.length - 1];
			const quiet = () => !!document.querySelector('main h1')
			  && !document.querySelector('main .loading, main [aria-busy="true"]')
			  && window.__hacktrailRequests === 0;
			if (!quiet()) done(false);
			else setTimeout(() => done(quiet()), 30);""";

	@LocalServerPort
	int port;

	@Test
	void noScreenShowsServerMadeEnglishInChinese() throws Exception {
		Map<String, Set<String>> english = new java.util.TreeMap<>();
		try (Browser browser = new Browser("http://localhost:" + this.port, "server-text")) {
			((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", COUNT_REQUESTS));
			browser.open("/");
			setLocale(browser, "zh-TW");
			browser.open("/");
			loaded(browser);
			assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
			theSearchFindsWhatItLooksFor(browser);
			walk(browser, "visitor", english);
			for (String persona : PERSONAS) {
				setLocale(browser, "en");
				browser.open("/sign-in");
				browser.button("Sign in as " + persona).click();
				browser.waitFor(By.xpath("//button[normalize-space(.)='Sign out']"));
				walk(browser, persona, english);
				setLocale(browser, "en");
				browser.open("/");
				browser.openMenu();
				browser.button("Sign out").click();
				browser.link("Sign in");
			}
			actAndRead(browser, english);
		}
		assertThat(english).as("English sentences in the zh-TW panel, by screen:\n%s", report(english)).isEmpty();
	}

	/**
	 * The search is not blind: server-made English and internal names put into the page
	 * are found, and data marked as English or listed as data is not.
	 */
	@SuppressWarnings("unchecked")
	private static void theSearchFindsWhatItLooksFor(Browser browser) {
		js(browser,
				"""
								// Outside the panel's root, which React may render again meanwhile.
						const main = document.body.appendChild(document.createElement('div'));
						main.className = 'probes';
								for (const [text, lang] of [['由 Demo Organizer 示範主辦 啟動', null], ['平台說：The first team member joined.', null],
								    ['statisticsRollup', null], ['PARTNER_AGENCY', null], ['hacktrail.requestedBy=u1', null],
								    ['A title written in English', 'en']]) {
								  const p = document.createElement('p');
								  p.className = 'probe';
								  p.textContent = text;
								  if (lang) p.lang = lang;
								  main.appendChild(p);
								}""");
		List<String> found = ((List<String>) js(browser, FIND_ENGLISH, DATA)).stream()
			.filter((run) -> run.contains("p.probe"))
			.map((run) -> run.substring(0, run.indexOf(" ⟨")))
			.toList();
		assertThat(found).contains("The first team member joined.", "statisticsRollup", "PARTNER_AGENCY",
				"hacktrail.requestedBy=");
		assertThat(String.join("\n", found)).doesNotContain("Demo Organizer").doesNotContain("written in English");
		js(browser, "document.querySelector('div.probes').remove();");
	}

	/**
	 * Reads every screen reachable from the person's first screens in zh-TW, one address
	 * per kind (ids replaced), and records the English runs found on each.
	 */
	private static void walk(Browser browser, String who, Map<String, Set<String>> english) throws Exception {
		setLocale(browser, "zh-TW");
		browser.open("/");
		@SuppressWarnings("unchecked")
		List<String> proposals = (List<String>) ((JavascriptExecutor) browser.driver())
			.executeAsyncScript(PROPOSALS_WITH_HACKTRAIL_HISTORY);
		Deque<String> queue = new ArrayDeque<>(proposals);
		queue.addAll(List.of("/", "/hackathons/" + HACKATHON, "/hackathons/" + HACKATHON + "/results", "/statistics",
				"/me", "/teams", "/notifications", "/judge", "/organize", "/organize/jobs", "/organize/outcomes",
				"/organize/hackathons/" + HACKATHON, "/organize/hackathons/" + HACKATHON + "/judging"));
		Set<String> seeded = new java.util.HashSet<>(proposals);
		if (who.startsWith("Demo Organizer")) {
			assertThat(proposals).as("proposals whose history Hacktrail wrote, for the organizer to read").isNotEmpty();
		}
		Set<String> kinds = new LinkedHashSet<>();
		Map<String, Integer> perKind = new HashMap<>();
		int screens = 0;
		while (!queue.isEmpty() && screens < MAX_SCREENS) {
			String path = queue.poll();
			String kind = kind(path);
			if ((perKind.getOrDefault(kind, 0) >= 2 && !seeded.contains(path)) || !kinds.add(path)) {
				continue;
			}
			perKind.merge(kind, 1, Integer::sum);
			browser.open(path);
			if (!loaded(browser)) {
				continue;
			}
			screens++;
			assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
			@SuppressWarnings("unchecked")
			List<String> runs = (List<String>) js(browser, FIND_ENGLISH, DATA);
			if (!runs.isEmpty()) {
				english.computeIfAbsent(who + " " + path, (k) -> new LinkedHashSet<>()).addAll(runs);
			}
			if (english.containsKey(who + " " + path)) {
				browser.screenshot(who.replaceAll("[^A-Za-z]+", "-") + path.replace('/', '_'));
			}
			@SuppressWarnings("unchecked")
			List<String> links = (List<String>) js(browser,
					"""
							return Array.from(document.querySelectorAll('a[href^="/"]'))
							  .map((a) => a.getAttribute('href').split('#')[0])
							  .filter((h) => !/^\\/(api|graphql|graphiql|sign-in|oauth2|login|logout)/.test(h) && !h.includes('/edit?'));""");
			queue.addAll(links);
		}
		if (who.startsWith("Demo Organizer")) {
			assertThat(kinds.stream().map(ServerTextBrowserTests::kind))
				.as("the organizer's screens with server-made text were read")
				.contains("/organize/jobs", "/organize/hackathons/:id/judging",
						"/organize/hackathons/:id/judging/rounds/:id", "/notifications", "/statistics");
		}
		// What was read, for whoever wonders whether a screen was walked.
		System.out
			.println("ServerTextBrowserTests: " + who + " read " + screens + " screens; addresses opened: " + kinds);
	}

	/**
	 * Acts as the organizer ({@link #ACT_ON_THE_REVIEW_ROUND}) and reads the round's
	 * ranking in zh-TW: a publication blocker and an unranked reason are shown, and the
	 * screen has no server-made English.
	 */
	@SuppressWarnings("unchecked")
	private static void actAndRead(Browser browser, Map<String, Set<String>> english) throws Exception {
		setLocale(browser, "en");
		browser.open("/sign-in");
		browser.button("Sign in as Demo Organizer 示範主辦").click();
		browser.waitFor(By.xpath("//button[normalize-space(.)='Sign out']"));
		Map<String, Object> acted = (Map<String, Object>) ((JavascriptExecutor) browser.driver())
			.executeAsyncScript(ACT_ON_THE_REVIEW_ROUND, HACKATHON);
		assertThat((List<String>) acted.get("errors")).as("the organizer's actions").isEmpty();
		setLocale(browser, "zh-TW");
		String path = "/organize/hackathons/" + HACKATHON + "/judging/rounds/" + acted.get("round") + "/ranking";
		browser.open(path);
		assertThat(loaded(browser)).as(path).isTrue();
		browser.waiting(WAIT).until((d) -> !d.findElements(By.cssSelector("ul.blockers li")).isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector("ul.blockers")).getText())
			.as("the stale selection, said from the catalog")
			.contains("選出提案之後排名已有變動");
		assertThat(browser.driver().findElement(By.tagName("main")).getText())
			.as("proposals without an academic sheet are not ranked, and say why in Chinese")
			.contains("評分表都來自權重為 0 的類別");
		List<String> runs = (List<String>) js(browser, FIND_ENGLISH, DATA);
		if (!runs.isEmpty()) {
			english.computeIfAbsent("Demo Organizer, after acting, " + path, (k) -> new LinkedHashSet<>()).addAll(runs);
			browser.screenshot("Demo-Organizer-after-acting");
		}
	}

	/**
	 * The kind of a screen: its address with ids (anything with a digit or longer than 24
	 * characters) and query values replaced.
	 */
	static String kind(String path) {
		String[] parts = path.split("\\?", 2);
		StringBuilder kind = new StringBuilder();
		for (String segment : parts[0].split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			kind.append('/').append(segment.matches(".*\\d.*") || segment.length() > 24 ? ":id" : segment);
		}
		if (parts.length > 1) {
			kind.append('?').append(parts[1].replaceAll("=[^&]*", "="));
		}
		return kind.isEmpty() ? "/" : kind.toString();
	}

	/**
	 * Waits until the screen has its heading, nothing is loading and no request the panel
	 * made is unanswered ({@link #SETTLED}); false for a screen that does not load (e.g.
	 * one the person may not open), which is skipped.
	 */
	private static boolean loaded(Browser browser) {
		try {
			browser.waiting(WAIT)
				.until((d) -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript(SETTLED)));
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String report(Map<String, Set<String>> english) {
		StringBuilder out = new StringBuilder();
		english.forEach((screen, runs) -> {
			out.append(screen).append('\n');
			runs.forEach((run) -> out.append("    ").append(run).append('\n'));
		});
		return out.toString();
	}

	private static void setLocale(Browser browser, String locale) {
		js(browser, "localStorage.setItem('hacktrail.locale', arguments[0]);", locale);
	}

	private static Object js(Browser browser, String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

}
