package org.hacktrail.judging.result;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.Round;
import org.hacktrail.judging.award.RoundAwards;
import org.hacktrail.judging.expo.ExpoEvidence;
import org.hacktrail.judging.ranking.EvidenceCoverage;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.RubricCriterion;
import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.DomainException;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The open data of a hackathon's published rounds: {@code results.json}, written from the
 * records of {@link ResultsJson} (everything needed to recompute each round's ranking,
 * and the published ranking and selection), and {@code results.csv} (one row per sheet
 * and criterion, with the proposal's published result). Built from the frozen snapshots
 * only; nothing before publication.
 */
@Component
public class ResultsExport {

	public static final String FORMAT = ResultsJson.FORMAT;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	private final PublishedAwards awards;

	ResultsExport(MongoTemplate mongo, HackathonService hackathons, RoundService rounds, ProposalLookup proposals,
			PublishedAwards awards) {
		this.awards = awards;
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.rounds = rounds;
		this.proposals = proposals;
	}

	/**
	 * A hackathon's published rounds in order, with their rounds and the titles of the
	 * proposals named.
	 */
	record Published(Hackathon hackathon, List<Entry> rounds, Map<String, LocalizedText> titles) {
	}

	record Entry(JudgingRound round, PublishedRound results) {
	}

	Published load(String slug) {
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(slug);
		Map<String, JudgingRound> judged = new HashMap<>();
		this.rounds.storedRounds(hackathon.id())
			.stream()
			.filter((r) -> r.status() == RoundStatus.PUBLISHED)
			.forEach((r) -> judged.put(r.id(), r));
		Map<String, PublishedRound> snapshots = new HashMap<>();
		if (!judged.isEmpty()) {
			this.mongo.find(new Query(Criteria.where("_id").in(judged.keySet())), PublishedRound.class)
				.forEach((p) -> snapshots.put(p.id(), p));
		}
		List<String> order = new ArrayList<>(hackathon.rounds().stream().map(Round::id).toList());
		judged.keySet().stream().filter((id) -> !order.contains(id)).sorted().forEach(order::add);
		List<Entry> entries = new ArrayList<>();
		Set<String> proposalIds = new HashSet<>();
		for (String id : order) {
			if (judged.containsKey(id) && snapshots.containsKey(id)) {
				entries.add(new Entry(judged.get(id), snapshots.get(id)));
				proposalIds.addAll(snapshots.get(id).proposalIds());
			}
		}
		if (entries.isEmpty()) {
			throw DomainException.notFound("The hackathon " + slug + " has no published results yet.");
		}
		Map<String, LocalizedText> titles = new HashMap<>();
		this.proposals.byIds(proposalIds).forEach((id, proposal) -> titles.put(id, proposal.title()));
		return new Published(hackathon, entries, titles);
	}

	public String json(String slug) {
		Published published = load(slug);
		List<ResultsJson.RoundEntry> rounds = new ArrayList<>();
		for (Entry entry : published.rounds()) {
			rounds.add(roundEntry(entry.results(), entry.round().publishedAt(), published.titles()));
		}
		Map<String, List<RoundAwards.PublishedAward>> byRound = this.awards.of(published.hackathon().id(),
				published.rounds().stream().map(Entry::results).toList());
		List<ResultsJson.Award> awards = new ArrayList<>();
		for (Entry entry : published.rounds()) {
			for (RoundAwards.PublishedAward award : byRound.getOrDefault(entry.round().id(), List.of())) {
				awards.add(ResultsJson.Award.of(entry.round().id(), award, published.titles()));
			}
		}
		return write(new ResultsJson(ResultsJson.Hackathon.of(published.hackathon()), rounds, awards));
	}

	/**
	 * Indented JSON text of a {@link ResultsJson} (or any tree of records, maps and
	 * lists).
	 */
	public static String write(Object tree) {
		return JSON.writeValueAsString(tree);
	}

	/**
	 * One published round of either method as it appears in {@code results.json}: a
	 * PAIRWISE round's {@link PairwiseResultsJson}, a RUBRIC round's
	 * {@link ResultsJson.Round}.
	 */
	public static ResultsJson.RoundEntry roundEntry(PublishedRound results, @Nullable Instant publishedAt,
			Map<String, LocalizedText> titles) {
		ExpoEvidence expo = results.expo();
		return (expo != null) ? PairwiseResultsJson.of(results, expo, publishedAt, titles)
				: roundJson(results, publishedAt, titles);
	}

	/**
	 * One published RUBRIC round as it appears in {@code results.json} (public for tests
	 * of the reference script).
	 * @param titles proposal titles by id
	 */
	public static ResultsJson.Round roundJson(PublishedRound results, @Nullable Instant publishedAt,
			Map<String, LocalizedText> titles) {
		return ResultsJson.Round.of(results, publishedAt, titles);
	}

	/**
	 * One row per counted sheet and criterion (row kind SHEET) of a RUBRIC round, with
	 * the round's parameters and the proposal's published result (rank, final score,
	 * selection and, from method 2 on, its evidence coverage — sheets against k,
	 * SUFFICIENT or INSUFFICIENT — P(top N) and rank interval, empty when unknown). A
	 * PAIRWISE round has two rows per comparison (row kind COMPARISON), one for each of
	 * its proposals (outcome WON or LOST, the other proposal as opponent), and one per
	 * skipped table (SKIP; a skip for a conflict of interest is left out); the proposal's
	 * columns are its published result (final score: its score μ, with its variance;
	 * evidence: comparisons against m). For spreadsheet apps, text cells (titles, round
	 * names) that would run as formulas get a leading apostrophe.
	 */
	public String csv(String slug, CsvFlavour flavour) {
		Published published = load(slug);
		StringWriter out = new StringWriter();
		try (CsvFlavour.Printer csv = flavour.printer(out, CSVFormat.RFC4180.builder()
			.setHeader("round_id", "round_name", "round_kind", "algorithm_version", "seed", "normalise",
					"outstanding_quota", "proposal_id", "proposal_title", "proposal_rank", "proposal_final_score",
					"proposal_selected", "judge_id", "judge_sector", "sector_weight", "criterion_id",
					"criterion_weight", "scale_min", "scale_max", "score", "proposal_sheet_count",
					"judges_per_proposal", "proposal_evidence", "proposal_probability_top_n", "row_kind",
					"comparison_id", "comparison_outcome", "opponent_id", "answered_at", "comparison_sequence",
					"skip_reason", "proposal_score_variance", "proposal_rank_low", "proposal_rank_high")
			.get())) {
			for (Entry entry : published.rounds()) {
				PublishedRound results = entry.results();
				if (results.expo() != null) {
					PairwiseCsv.rows(csv, results, results.expo(), published.titles());
					continue;
				}
				Map<String, RankedProposal> lines = new HashMap<>();
				results.ranking().ranking().forEach((l) -> lines.put(l.proposalId(), l));
				Set<String> selected = new HashSet<>(results.selection().proposalIds());
				for (SubmittedSheet sheet : results.sheets()) {
					RankedProposal line = lines.get(sheet.proposalId());
					EvidenceCoverage evidence = (line != null) ? line.evidence() : null;
					LocalizedText title = published.titles().get(sheet.proposalId());
					for (RubricCriterion criterion : results.config().criteria()) {
						csv.printRecord(results.id(), results.name().primary(), results.kind().name(),
								results.ranking().algorithmVersion(), Long.toUnsignedString(results.config().seed()),
								results.config().normalise(), results.cut(), sheet.proposalId(),
								(title != null) ? title.primary() : "", (line != null) ? line.rank() : "",
								(line != null) ? line.finalScore() : "", selected.contains(sheet.proposalId()),
								sheet.judgeId(), sheet.sector().name(),
								results.config().sectorWeights().get(sheet.sector()), criterion.id(),
								criterion.weight(), criterion.scaleMin(), criterion.scaleMax(),
								sheet.scores().get(criterion.id()), (evidence != null) ? evidence.sheetCount() : "",
								(evidence != null) ? evidence.sheetsRequired() : "",
								(evidence != null) ? (evidence.sufficient() ? "SUFFICIENT" : "INSUFFICIENT") : "",
								(line != null && line.probabilityTopN() != null) ? line.probabilityTopN() : "", "SHEET",
								"", "", "", "", "", "", "",
								(line != null && line.rankLow() != null) ? line.rankLow() : "",
								(line != null && line.rankHigh() != null) ? line.rankHigh() : "");
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

}
