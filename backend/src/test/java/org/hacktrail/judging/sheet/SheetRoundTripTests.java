package org.hacktrail.judging.sheet;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge's hot paths cost a fixed, small number of store round trips, each by id or by
 * one batch of ids, whatever the number of proposals: counted with a MongoDB driver
 * command listener. The two lookups that authenticate a bearer token are left out (a
 * browser session costs none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SheetRoundTripTests {

	static final List<String> COMMANDS = new CopyOnWriteArrayList<>();

	static final Set<String> IGNORED = Set.of("hello", "ismaster", "isMaster", "saslStart", "saslContinue");

	@TestConfiguration(proxyBeanMethods = false)
	static class CountCommands {

		@Bean
		MongoClientSettingsBuilderCustomizer countJudgingCommands() {
			CommandListener listener = new CommandListener() {

				@Override
				public void commandStarted(CommandStartedEvent event) {
					if (!IGNORED.contains(event.getCommandName())) {
						var value = event.getCommand().get(event.getCommandName());
						COMMANDS.add(event.getCommandName() + ":"
								+ ((value != null && value.isString()) ? value.asString().getValue() : ""));
					}
				}

			};
			return (settings) -> settings.addCommandListener(listener);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

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

		COMMANDS.clear();
		assertThat(api.myAssignments(roundId, judge).hasErrors()).isFalse();
		// Round, judge record, the judge's work, their sheets (one $in on ids), the
		// round's hackathon (its name), and
		// the proposals (one batch): six, whether the judge has 6 proposals or 600.
		assertThat(store(COMMANDS)).as("%s", COMMANDS)
			.containsExactly("find:judging_rounds", "find:judges", "find:judge_assignments", "find:score_sheets",
					"find:hackathons", "find:proposals");

		COMMANDS.clear();
		assertThat(api.save(JudgingApi.sheetInput(roundId, proposals.get(7), 4.0, null, null), judge).hasErrors())
			.isFalse();
		assertThat(store(COMMANDS)).as("first save: %s", COMMANDS)
			.containsExactly("find:judging_rounds", "find:judges", "find:judge_assignments", "insert:score_sheets");

		COMMANDS.clear();
		assertThat(api.submit(JudgingApi.sheetInput(roundId, proposals.get(7), 4.0, 6.0, 0), judge).hasErrors())
			.isFalse();
		assertThat(store(COMMANDS)).as("save and submit: %s", COMMANDS)
			.containsExactly("find:judging_rounds", "find:judges", "find:judge_assignments",
					"findAndModify:score_sheets");
	}

	/** The commands other than the bearer-token authentication (api_tokens, users). */
	private static List<String> store(List<String> commands) {
		return commands.stream().filter((c) -> !c.endsWith(":api_tokens") && !c.endsWith(":users")).toList();
	}

}
