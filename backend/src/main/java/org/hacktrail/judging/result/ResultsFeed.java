package org.hacktrail.judging.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.platform.AtomFeed;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The Atom feed of published judging results ({@code /api/feeds/results.atom}): one entry
 * per published round, newest publication first (at most {@link AtomFeed#MAX_ENTRIES}),
 * titled in both languages, with the selected proposals and a link to the hackathon's
 * public results page. Only PUBLISHED rounds with their frozen snapshot are in it, so
 * nothing before publication is; the entry's id comes from the round's id and its
 * {@code updated} is the publication time.
 */
@Component
class ResultsFeed {

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final ProposalLookup proposals;

	ResultsFeed(MongoTemplate mongo, HackathonService hackathons, ProposalLookup proposals) {
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.proposals = proposals;
	}

	String atom(String base) {
		Query newest = new Query(Criteria.where("status").is(RoundStatus.PUBLISHED))
			.with(Sort.by(Sort.Direction.DESC, "publishedAt", "_id"))
			.limit(AtomFeed.MAX_ENTRIES);
		newest.fields().include("hackathonId", "status", "publishedAt");
		List<JudgingRound> rounds = this.mongo.find(newest, JudgingRound.class);
		Map<String, PublishedRound> snapshots = new HashMap<>();
		Set<String> hackathonIds = new HashSet<>();
		if (!rounds.isEmpty()) {
			Query published = new Query(Criteria.where("_id").in(rounds.stream().map(JudgingRound::id).toList()));
			published.fields().include("hackathonId", "name", "cut", "selection");
			this.mongo.find(published, PublishedRound.class).forEach((p) -> snapshots.put(p.id(), p));
			rounds.forEach((r) -> hackathonIds.add(r.hackathonId()));
		}
		Map<String, Hackathon> hackathonsById = new HashMap<>();
		this.hackathons.findAllById(hackathonIds)
			.stream()
			.filter(Hackathon::isPublic)
			.forEach((h) -> hackathonsById.put(h.id(), h));
		Set<String> selected = new HashSet<>();
		snapshots.values().forEach((s) -> selected.addAll(selectedOf(s)));
		Map<String, Proposal> titles = selected.isEmpty() ? Map.of() : this.proposals.byIds(selected);

		List<AtomFeed.Entry> entries = new ArrayList<>();
		for (JudgingRound round : rounds) {
			PublishedRound snapshot = snapshots.get(round.id());
			Hackathon hackathon = hackathonsById.get(round.hackathonId());
			Instant publishedAt = round.publishedAt();
			if (snapshot == null || hackathon == null || publishedAt == null) {
				continue;
			}
			entries.add(entry(round, snapshot, hackathon, publishedAt, titles, base));
		}
		return AtomFeed.write(AtomFeed.stableId("feed:results"), "Hacktrail 評審結果 / Hacktrail judging results",
				base + "/api/feeds/results.atom", base + "/hackathons", entries);
	}

	private static AtomFeed.Entry entry(JudgingRound round, PublishedRound snapshot, Hackathon hackathon,
			Instant publishedAt, Map<String, Proposal> proposals, String base) {
		LocalizedText event = hackathon.name();
		LocalizedText name = snapshot.name();
		String zh = either(event.zhTW(), event.en()) + "・" + either(name.zhTW(), name.en()) + " 評審結果";
		String en = either(event.en(), event.zhTW()) + " · " + either(name.en(), name.zhTW()) + ": results";
		List<String> chosen = new ArrayList<>();
		for (String id : selectedOf(snapshot)) {
			Proposal proposal = proposals.get(id);
			if (proposal != null) {
				chosen.add(AtomFeed.bilingual(proposal.title().zhTW(), proposal.title().en()));
			}
		}
		String summary = "入選 Selected (" + chosen.size() + "): " + String.join("; ", chosen);
		return new AtomFeed.Entry(AtomFeed.stableId("results:" + round.id()), AtomFeed.bilingual(zh, en), publishedAt,
				base + "/hackathons/" + hackathon.slug() + "/results",
				base + "/api/hackathons/" + hackathon.slug() + "/results.json", summary);
	}

	private static List<String> selectedOf(PublishedRound snapshot) {
		return (snapshot.selection() != null) ? snapshot.selection().proposalIds() : List.of();
	}

	private static String either(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : (second != null) ? second : "";
	}

}
