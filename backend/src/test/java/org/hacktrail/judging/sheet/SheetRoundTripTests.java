package org.hacktrail.judging.sheet;

import java.util.List;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.StoreCommands;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge's hot paths cost a fixed, small number of store round trips, each by id or by
 * one batch of ids, whatever the number of proposals: counted with a MongoDB driver
 * command listener. The two lookups that authenticate a bearer token are left out (a
 * browser session costs none).
 */
@ServiceTest
class SheetRoundTripTests {

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	StoreCommands commands;

	@Test
	void thePanelReadCostsSixRoundTripsAndASaveFourWhateverTheNumberOfProposals() {
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		TestAccounts.Account organizer = accounts.organizer();
		JudgingApi api = new JudgingApi(Http.localhost(this.port), organizer);
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "REVIEW");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = api.proposals(hackathon, 12);
		TestAccounts.Account judge = accounts.user("trips-pub");
		api.judge(hackathon, judge, "PUBLIC");
		api.judge(hackathon, accounts.user("trips-priv"), "PRIVATE");
		api.configureOk(JudgingApi.roundInput(roundId, 2));
		api.assignOk(roundId, "3");
		api.statusOk(roundId, "OPEN", null);
		for (int i = 0; i < 6; i++) {
			api.score(roundId, proposals.get(i), 5, 5, judge);
		}

		List<String> sent = sent(() -> assertThat(api.myAssignments(roundId, judge).hasErrors()).isFalse());
		// Round, judge record, the judge's work, their sheets (one $in on ids), the
		// round's hackathon (its name), and
		// the proposals (one batch): six, whether the judge has 6 proposals or 600.
		assertThat(store(sent)).as("%s", sent)
			.containsExactly("find:judging_rounds", "find:judges", "find:judge_assignments", "find:score_sheets",
					"find:hackathons", "find:proposals");

		sent = sent(() -> assertThat(
				api.save(JudgingApi.sheetInput(roundId, proposals.get(7), 4.0, null, null), judge).hasErrors())
			.isFalse());
		assertThat(store(sent)).as("first save: %s", sent)
			.containsExactly("find:judging_rounds", "find:judges", "find:judge_assignments", "insert:score_sheets");

		sent = sent(() -> assertThat(
				api.submit(JudgingApi.sheetInput(roundId, proposals.get(7), 4.0, 6.0, 0), judge).hasErrors())
			.isFalse());
		assertThat(store(sent)).as("save and submit: %s", sent)
			.containsExactly("find:judging_rounds", "find:judges", "find:judge_assignments",
					"findAndModify:score_sheets");
	}

	/**
	 * The commands the block sent, as {@code name:collection} (connection handshakes and
	 * health pings left out: {@link StoreCommands}).
	 */
	private List<String> sent(StoreCommands.Block block) {
		return this.commands.recording(block)
			.stream()
			.map((command) -> command.name() + ":" + ((command.collection() != null) ? command.collection() : ""))
			.toList();
	}

	/** The commands other than the bearer-token authentication (api_tokens, users). */
	private static List<String> store(List<String> commands) {
		return commands.stream().filter((c) -> !c.endsWith(":api_tokens") && !c.endsWith(":users")).toList();
	}

}
