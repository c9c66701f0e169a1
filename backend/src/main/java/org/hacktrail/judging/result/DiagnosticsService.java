package org.hacktrail.judging.result;

import java.util.HashMap;
import java.util.Map;

import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.ranking.RoundDiagnostics;
import org.hacktrail.judging.ranking.service.Pseudonyms;
import org.hacktrail.judging.ranking.service.RankingService;
import org.hacktrail.judging.round.RoundService;
import org.springframework.stereotype.Service;

/**
 * A round's diagnostics for its organizers (docs/judging-method.md, "Diagnostics for
 * organizers"): computed from the same input as the ranking shown to them, with each
 * pseudonymous judge id resolved back to the panel's judge, which only organizers see.
 */
@Service
class DiagnosticsService {

	private final JudgingAccess access;

	private final RoundService rounds;

	private final RankingService ranking;

	private final JudgePanelService panel;

	private final Pseudonyms pseudonyms;

	DiagnosticsService(JudgingAccess access, RoundService rounds, RankingService ranking, JudgePanelService panel,
			Pseudonyms pseudonyms) {
		this.access = access;
		this.rounds = rounds;
		this.ranking = ranking;
		this.panel = panel;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * @param judges the panel's judges by pseudonym (those who scored, at least)
	 */
	record DiagnosticsView(RoundService.RoundContext round, RoundDiagnostics diagnostics, Map<String, Judge> judges) {
	}

	DiagnosticsView diagnostics(String roundId) {
		this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		RankingService.Computed computed = this.ranking.compute(context);
		RoundDiagnostics diagnostics = RoundDiagnostics.of(computed.input(), computed.result());
		Map<String, Judge> judges = new HashMap<>();
		for (Judge judge : this.panel.judgesOf(context.judging().hackathonId())) {
			judges.put(this.pseudonyms.of(judge.hackathonId(), judge.userId()), judge);
		}
		return new DiagnosticsView(context, diagnostics, judges);
	}

}
