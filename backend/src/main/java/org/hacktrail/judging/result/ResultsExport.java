package org.hacktrail.judging.result;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.Round;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.JudgeSummary;
import org.hacktrail.judging.ranking.NormalisedSheet;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.SectorScore;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.ranking.UnrankedProposal;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.RubricCriterion;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.DomainException;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The open data of a hackathon's published rounds: {@code results.json} (everything
 * needed to recompute each round's ranking — rubric and weights, sector weights,
 * normalisation, N, B, seed, algorithm version, pseudonymous judges with their sectors,
 * every counted sheet, vote totals — and the published ranking, ties, unranked proposals
 * and selection with its justification) and {@code results.csv} (one row per sheet and
 * criterion, with the proposal's published result). Built from the frozen snapshots only;
 * nothing before publication.
 *
 * <p>
 * Numbers are JSON numbers written as Java prints doubles (the shortest text that reads
 * back as the same double), so a reader that parses them as IEEE doubles gets the exact
 * values the ranking used. The seed is a string: an unsigned 64-bit integer does not fit
 * a JSON number in most readers.
 */
@Component
public class ResultsExport {

	public static final String FORMAT = "hacktrail-results-1";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	ResultsExport(MongoTemplate mongo, HackathonService hackathons, RoundService rounds, ProposalLookup proposals) {
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.rounds = rounds;
		this.proposals = proposals;
	}

	/**
	 * A hackathon's published rounds in order, with their rounds and the proposals named.
	 */
	record Published(Hackathon hackathon, List<Entry> rounds, Map<String, Proposal> proposals) {
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
		return new Published(hackathon, entries, this.proposals.byIds(proposalIds));
	}

	public String json(String slug) {
		Published published = load(slug);
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", FORMAT);
		Hackathon hackathon = published.hackathon();
		Map<String, Object> about = new LinkedHashMap<>();
		about.put("slug", hackathon.slug());
		about.put("name", text(hackathon.name()));
		about.put("kind", hackathon.kind().name());
		about.put("edition", hackathon.edition());
		about.put("phase", hackathon.phase().name());
		about.put("outstandingQuota", hackathon.outstandingQuota());
		root.put("hackathon", about);
		root.put("method", "docs/judging-method.md (hacktrail-rubric-1); recompute with scripts/recompute-ranking");
		List<Object> rounds = new ArrayList<>();
		for (Entry entry : published.rounds()) {
			rounds.add(roundJson(entry.results(), entry.round().publishedAt(), published.proposals()));
		}
		root.put("rounds", rounds);
		return write(root);
	}

	/** Indented JSON text of a tree of maps, lists and values. */
	public static String write(Object tree) {
		return JSON.writeValueAsString(tree);
	}

	/**
	 * One published round as it appears in {@code results.json} (public for tests of the
	 * reference script).
	 */
	public static Map<String, Object> roundJson(PublishedRound results, @Nullable Instant publishedAt,
			Map<String, Proposal> proposals) {
		RankingResult ranking = results.ranking();
		Map<String, Object> round = new LinkedHashMap<>();
		round.put("id", results.id());
		round.put("name", text(results.name()));
		round.put("kind", results.kind().name());
		round.put("publishedAt", (publishedAt != null) ? publishedAt.toString() : null);
		round.put("algorithmVersion", ranking.algorithmVersion());
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("normalise", results.config().normalise());
		Map<String, Object> weights = new LinkedHashMap<>();
		for (Sector sector : Sector.values()) {
			weights.put(sector.name(), results.config().sectorWeights().get(sector));
		}
		parameters.put("sectorWeights", weights);
		parameters.put("outstandingQuota", results.cut());
		parameters.put("bootstrapReplicates", results.config().bootstrapReplicates());
		parameters.put("seed", Long.toUnsignedString(results.config().seed()));
		round.put("parameters", parameters);
		List<Object> criteria = new ArrayList<>();
		for (RubricCriterion criterion : results.config().criteria()) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("id", criterion.id());
			c.put("name", text(criterion.name()));
			c.put("description", text(criterion.description()));
			c.put("weight", criterion.weight());
			c.put("scaleMin", criterion.scaleMin());
			c.put("scaleMax", criterion.scaleMax());
			criteria.add(c);
		}
		round.put("rubric", criteria);
		if (results.vote() != null) {
			Map<String, Object> vote = new LinkedHashMap<>();
			vote.put("mode", results.vote().mode().name());
			vote.put("weight", results.vote().weight());
			vote.put("credits", results.vote().credits());
			vote.put("ballots", results.vote().ballots());
			vote.put("totals", results.vote().totals());
			round.put("publicVote", vote);
		}
		else {
			round.put("publicVote", null);
		}
		List<Object> proposalList = new ArrayList<>();
		for (String id : results.proposalIds()) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("id", id);
			Proposal proposal = proposals.get(id);
			p.put("title", (proposal != null) ? text(proposal.title()) : null);
			proposalList.add(p);
		}
		round.put("proposals", proposalList);
		Map<String, Sector> judges = new java.util.TreeMap<>();
		results.sheets().forEach((sheet) -> judges.put(sheet.judgeId(), sheet.sector()));
		List<Object> judgeList = new ArrayList<>();
		judges.forEach((id, sector) -> judgeList.add(entry("id", id, "sector", sector.name())));
		round.put("judges", judgeList);
		Map<String, NormalisedSheet> normalised = new HashMap<>();
		ranking.sheets().forEach((s) -> normalised.put(s.proposalId() + '\u0000' + s.judgeId(), s));
		List<Object> sheets = new ArrayList<>();
		for (SubmittedSheet sheet : results.sheets()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("judge", sheet.judgeId());
			s.put("sector", sheet.sector().name());
			s.put("proposal", sheet.proposalId());
			s.put("scores", sheet.scores());
			NormalisedSheet n = normalised.get(sheet.proposalId() + '\u0000' + sheet.judgeId());
			s.put("total", (n != null) ? n.total() : null);
			s.put("normalised", (n != null) ? n.normalised() : null);
			sheets.add(s);
		}
		round.put("sheets", sheets);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("proposalCount", ranking.round().proposalCount());
		summary.put("rankedCount", ranking.round().rankedCount());
		summary.put("sheetCount", ranking.round().sheetCount());
		summary.put("judgeCount", ranking.round().judgeCount());
		summary.put("mean", ranking.round().mean());
		summary.put("standardDeviation", ranking.round().standardDeviation());
		summary.put("normalisedStandardDeviation", ranking.round().normalisedStandardDeviation());
		round.put("summary", summary);
		List<Object> judgeSummaries = new ArrayList<>();
		for (JudgeSummary judge : ranking.judges()) {
			Map<String, Object> j = new LinkedHashMap<>();
			j.put("judge", judge.judgeId());
			j.put("sector", judge.sector().name());
			j.put("sheetCount", judge.sheetCount());
			j.put("mean", judge.mean());
			j.put("standardDeviation", judge.standardDeviation());
			j.put("treatment", judge.treatment().name());
			judgeSummaries.add(j);
		}
		round.put("normalisation", judgeSummaries);
		List<Object> lines = new ArrayList<>();
		for (RankedProposal line : ranking.ranking()) {
			lines.add(line(line));
		}
		round.put("ranking", lines);
		List<Object> ties = new ArrayList<>();
		for (TieGroup tie : ranking.ties()) {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("rank", tie.rank());
			t.put("proposals", tie.proposalIds());
			t.put("acrossCut", tie.acrossCut());
			ties.add(t);
		}
		round.put("ties", ties);
		List<Object> unranked = new ArrayList<>();
		for (UnrankedProposal u : ranking.unranked()) {
			unranked.add(entry("proposal", u.proposalId(), "reason", u.reason()));
		}
		round.put("unranked", unranked);
		Selection selection = results.selection();
		Map<String, Object> chosen = new LinkedHashMap<>();
		chosen.put("kind", selection.kind().name());
		chosen.put("proposals", selection.proposalIds());
		chosen.put("topN", selection.topN());
		chosen.put("justification", selection.justification());
		chosen.put("tieResolution", selection.tieResolution());
		chosen.put("decidedAt", selection.at().toString());
		round.put("selection", chosen);
		return round;
	}

	private static Map<String, Object> line(RankedProposal line) {
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("proposal", line.proposalId());
		l.put("rank", line.rank());
		l.put("finalScore", line.finalScore());
		List<Object> sectors = new ArrayList<>();
		for (SectorScore score : line.sectorScores()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("sector", score.sector().name());
			s.put("sheetCount", score.sheetCount());
			s.put("mean", score.mean());
			s.put("weight", score.weight());
			sectors.add(s);
		}
		l.put("sectorScores", sectors);
		l.put("voteTotal", line.voteTotal());
		l.put("voteScore", line.voteScore());
		l.put("missingSectors", line.missingSectors().stream().map(Enum::name).toList());
		l.put("divergence", line.divergence());
		l.put("divergent", line.divergent());
		l.put("tied", line.tied());
		l.put("inTopN", line.inTopN());
		l.put("rankLow", line.rankLow());
		l.put("rankHigh", line.rankHigh());
		l.put("bootstrapRankP5", line.bootstrapRankP5());
		l.put("bootstrapRankP95", line.bootstrapRankP95());
		l.put("probabilityTopN", line.probabilityTopN());
		l.put("straddlesCut", line.straddlesCut());
		return l;
	}

	/**
	 * One row per counted sheet and criterion, with the round's parameters and the
	 * proposal's published result; for spreadsheet apps, text cells (titles, round names)
	 * that would run as formulas get a leading apostrophe.
	 */
	public String csv(String slug, CsvFlavour flavour) {
		Published published = load(slug);
		StringWriter out = new StringWriter();
		try (CsvFlavour.Printer csv = flavour.printer(out,
				CSVFormat.RFC4180.builder()
					.setHeader("round_id", "round_name", "round_kind", "algorithm_version", "seed", "normalise",
							"outstanding_quota", "proposal_id", "proposal_title", "proposal_rank",
							"proposal_final_score", "proposal_selected", "judge_id", "judge_sector", "sector_weight",
							"criterion_id", "criterion_weight", "scale_min", "scale_max", "score")
					.get())) {
			for (Entry entry : published.rounds()) {
				PublishedRound results = entry.results();
				Map<String, RankedProposal> lines = new HashMap<>();
				results.ranking().ranking().forEach((l) -> lines.put(l.proposalId(), l));
				Set<String> selected = new HashSet<>(results.selection().proposalIds());
				for (SubmittedSheet sheet : results.sheets()) {
					RankedProposal line = lines.get(sheet.proposalId());
					Proposal proposal = published.proposals().get(sheet.proposalId());
					for (RubricCriterion criterion : results.config().criteria()) {
						csv.printRecord(results.id(), results.name().primary(), results.kind().name(),
								results.ranking().algorithmVersion(), Long.toUnsignedString(results.config().seed()),
								results.config().normalise(), results.cut(), sheet.proposalId(),
								(proposal != null) ? proposal.title().primary() : "", (line != null) ? line.rank() : "",
								(line != null) ? line.finalScore() : "", selected.contains(sheet.proposalId()),
								sheet.judgeId(), sheet.sector().name(),
								results.config().sectorWeights().get(sheet.sector()), criterion.id(),
								criterion.weight(), criterion.scaleMin(), criterion.scaleMax(),
								sheet.scores().get(criterion.id()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/**
	 * A two-entry object whose keys keep their order (Map.of's order changes from run to
	 * run).
	 */
	private static Map<String, Object> entry(String key1, Object value1, String key2, Object value2) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key1, value1);
		map.put(key2, value2);
		return map;
	}

	private static @Nullable Map<String, Object> text(@Nullable LocalizedText text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("zhTW", text.zhTW());
		map.put("en", text.en());
		return map;
	}

}
