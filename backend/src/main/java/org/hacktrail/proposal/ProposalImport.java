package org.hacktrail.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.ProposalCsv.Row;
import org.hacktrail.proposal.ProposalCsv.RowError;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * CSV and 松後推坑 page (Markdown) import and export of a hackathon's proposals (organizers).
 * Both readers give the same rows ({@link ProposalCsv.Row}); this class checks and writes
 * them the same way, whichever format they came from.
 *
 * <p>
 * A row is matched to a proposal by the natural key: hackathon + normalised title +
 * normalised proposer name (a unique index). Matched proposals get the row's values for
 * the columns the file has (a column left out of the file leaves that field alone; an
 * empty cell clears it); new rows become SUBMITTED proposals with no proposer account.
 * Re-importing a file changes nothing, and so does importing an export.
 *
 * <p>
 * The CSV {@code title} and {@code summary} are the proposal's primary language: Chinese
 * when the proposal has a Chinese title, English otherwise. A new row's language is
 * guessed from its title (Han characters or Bopomofo: Chinese). The other language of a
 * bilingual proposal is edited over GraphQL; an import never erases it.
 *
 * <p>
 * A page ({@link ProposalMarkdown}) carries the title (and its English part when the
 * heading has both), proposer, summary, links with their labels, and, when the section
 * has them, the channel and contacts (a {@code 現在就入坑} line) and the skills wanted
 * ({@code 徵求} lines); it leaves tags and the proposer's organisation alone. Its 徵求 lines
 * list the team's open positions too: importing the page back into the same hackathon
 * does not turn a position of the proposal's team into a skill of the proposal.
 */
@Service
public class ProposalImport {

	/** What an import did (or, for a dry run, would do): the JSON answer. */
	public record Result(int created, int updated, int unchanged, List<RowError> errors) {
	}

	/**
	 * The answer, and whether errors stopped the import (nothing was written, nor would
	 * be).
	 */
	public record Outcome(Result result, boolean stopped) {

		static Outcome stopped(List<RowError> errors) {
			return new Outcome(new Result(0, 0, 0, errors), true);
		}

	}

	/** Columns an import writes to a matched proposal, as stored fields. */
	private static final List<String> CONTENT_FIELDS = List.of("summary", "channel", "channelKey", "tags", "needs",
			"needKeys", "links", "repositoryKey", "searchText", "proposerAffiliation", "contacts", "title",
			"updatedAt");

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final ProposalService proposals;

	private final ProposalTags tags;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final ObjectProvider<ProposalTeamFacts> teamFacts;

	ProposalImport(MongoTemplate mongo, HackathonService hackathons, ProposalService proposals, ProposalTags tags,
			CurrentUser currentUser, Clock clock, ObjectProvider<ProposalTeamFacts> teamFacts) {
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.tags = tags;
		this.currentUser = currentUser;
		this.clock = clock;
		this.teamFacts = teamFacts;
	}

	/** Where rows come from: what the history of a created proposal says. */
	private enum Source {

		CSV(ChangeCode.IMPORTED_CSV), PAGE(ChangeCode.IMPORTED_PAGE);

		private final ChangeCode reason;

		Source(ChangeCode reason) {
			this.reason = reason;
		}

	}

	/**
	 * Imports a CSV file. With any error nothing is written, unless {@code skipInvalid};
	 * a {@code dryRun} answers exactly as the import would and writes nothing.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public Outcome importCsv(String slug, byte[] body, boolean skipInvalid, boolean dryRun) {
		Hackathon hackathon = requireOpen(slug);
		return importRows(hackathon, ProposalCsv.parse(body), Source.CSV, skipInvalid, dryRun);
	}

	/**
	 * Imports a g0v 松後推坑 page (Markdown, UTF-8) with the same rules as a CSV file: each
	 * proposal section is a row, its errors name the section and the line.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public Outcome importMarkdown(String slug, byte[] body, boolean skipInvalid, boolean dryRun) {
		Hackathon hackathon = requireOpen(slug);
		return importRows(hackathon, ProposalMarkdown.parse(body), Source.PAGE, skipInvalid, dryRun);
	}

	private Hackathon requireOpen(String slug) {
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(slug);
		if (hackathon.isArchived()) {
			throw DomainException.badInput("hackathon", Refusal.HACKATHON_ARCHIVED, "slug", slug);
		}
		return hackathon;
	}

	private Outcome importRows(Hackathon hackathon, ProposalCsv.Parsed parsed, Source source, boolean skipInvalid,
			boolean dryRun) {
		List<RowError> errors = new ArrayList<>(parsed.errors());
		if (parsed.fatal()) {
			return Outcome.stopped(errors);
		}

		Map<String, Proposal> existing = new HashMap<>();
		Query all = new Query(Criteria.where("hackathonId").is(hackathon.id()));
		// The import compares and rewrites content only: leave the bulky derived search
		// text and the history out.
		all.fields().exclude("searchText").exclude("history");
		this.mongo.find(all, Proposal.class).forEach((p) -> existing.put(p.naturalKey(), p));
		Map<String, List<ProposalTeamFacts.OpenSeats>> openPositions = Map.of();
		ProposalTeamFacts facts = this.teamFacts.getIfAvailable();
		if (source == Source.PAGE && facts != null && !existing.isEmpty()) {
			openPositions = facts.openPositions(existing.values().stream().map(Proposal::id).toList());
		}
		Map<String, Integer> rowOfKey = new HashMap<>();
		Instant now = this.clock.instant();
		String me = this.currentUser.requireId();
		List<Proposal> created = new ArrayList<>();
		ImportIds ids = new ImportIds();
		List<Proposal> updated = new ArrayList<>();
		int unchanged = 0;
		for (Row row : parsed.rows()) {
			Candidate candidate = candidate(row, errors);
			if (candidate == null) {
				continue;
			}
			String key = Proposal.naturalKey(Keys.title(candidate.title()), Keys.title(candidate.proposer()));
			Integer earlier = rowOfKey.putIfAbsent(key, row.row());
			if (earlier != null) {
				errors.add(new RowError(row.row(), ProposalCsv.TITLE, row.section(),
						ProposalImportCode.DUPLICATE_PROPOSAL, ProposalImportCode.args("earlier", earlier),
						row.fromPage()
								? "Section \"" + row.section() + "\" (line " + row.row()
										+ ") has the same title and proposer as the section at line " + earlier
										+ "; each proposal appears once."
								: "Row " + row.row() + " has the same title and proposer as row " + earlier
										+ "; each proposal appears once."));
				continue;
			}
			Proposal match = existing.get(key);
			if (match == null) {
				LocalizedText title = candidate.fullTitle();
				ProposalContent content = new ProposalContent(title,
						title.primaryIsZhTW() ? new LocalizedText(candidate.summary(), null)
								: new LocalizedText(null, candidate.summary()),
						candidate.channel(), orEmpty(candidate.tags()), orEmpty(candidate.needs()),
						linksOf(candidate.links(), List.of(), row), orEmpty(candidate.contacts()));
				created.add(Proposal
					.create(ids.next(), hackathon.id(), content, null, candidate.proposer(),
							StatusChange.coded(null, ProposalStatus.SUBMITTED, now, me,
									ProposalLifecycle.Actor.ORGANIZER, source.reason, List.of()),
							now, 0L)
					.withProposerAffiliation(candidate.affiliation(), now));
				continue;
			}
			ProposalContent was = match.content();
			LocalizedText summary = (candidate.summary() == null && !row.has(ProposalCsv.SUMMARY)) ? was.summary()
					: match.title().primaryIsZhTW() ? new LocalizedText(candidate.summary(), was.summary().en())
							: new LocalizedText(was.summary().zhTW(), candidate.summary());
			// A page heading "中文 English" names the English title too.
			LocalizedText title = (candidate.titleEn() != null && match.title().primaryIsZhTW())
					? new LocalizedText(was.title().zhTW(), candidate.titleEn()) : was.title();
			ProposalContent content = new ProposalContent(title, summary,
					row.has(ProposalCsv.CHANNEL) ? candidate.channel() : was.channel(),
					(candidate.tags() != null) ? candidate.tags() : was.tags(),
					(candidate.needs() != null) ? withoutTeamPositions(candidate.needs(), match,
							openPositions.getOrDefault(match.id(), List.of())) : was.needs(),
					linksOf(candidate.links(), was.links(), row),
					(candidate.contacts() != null) ? candidate.contacts() : was.contacts());
			// A user proposer's organisations are their account's: the column applies to
			// proposals without one.
			String affiliation = (row.has(ProposalCsv.PROPOSER_AFFILIATION) && match.proposerId() == null)
					? candidate.affiliation() : match.proposerAffiliation();
			if (content.equals(was) && Objects.equals(affiliation, match.proposerAffiliation())) {
				unchanged++;
			}
			else {
				updated.add(match.withContent(content, now).withProposerAffiliation(affiliation, now));
			}
		}
		errors.sort(Comparator.comparing(RowError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
		if (!errors.isEmpty() && !skipInvalid) {
			return Outcome.stopped(errors);
		}
		if (!dryRun) {
			write(created, updated);
		}
		return new Outcome(new Result(created.size(), updated.size(), unchanged, errors), false);
	}

	/**
	 * Writes after everything was checked, without a multi-document transaction (the
	 * embedded store has none): new proposals are upserts by the natural key that only
	 * set fields on insert, updates set the imported fields by id. If the process dies
	 * part-way, some rows are written and others not; importing the same file again finds
	 * the written ones equal (unchanged) and writes the rest, so a re-import always
	 * converges to the file.
	 */
	private void write(List<Proposal> created, List<Proposal> updated) {
		if (created.isEmpty() && updated.isEmpty()) {
			return;
		}
		// The driver's bulk write with documents the converter wrote once: Spring's
		// update mapping would resolve
		// every field name of every row again, which was most of an import's time
		// (docs/benchmarks.md, "Measurements behind design choices").
		List<WriteModel<Document>> writes = new ArrayList<>(created.size() + updated.size());
		for (Proposal proposal : created) {
			Document document = new Document();
			this.mongo.getConverter().write(proposal, document);
			Document key = new Document("hackathonId", proposal.hackathonId())
				.append("normalizedTitle", proposal.normalizedTitle())
				.append("proposerKey", proposal.proposerKey());
			writes.add(new UpdateOneModel<>(key, new Document("$setOnInsert", document),
					new UpdateOptions().upsert(true)));
		}
		for (Proposal proposal : updated) {
			Document document = new Document();
			this.mongo.getConverter().write(proposal, document);
			Document set = new Document();
			Document unset = new Document();
			for (String field : CONTENT_FIELDS) {
				if (document.containsKey(field)) {
					set.append(field, document.get(field));
				}
				else {
					unset.append(field, "");
				}
			}
			Document update = new Document("$set", set).append("$inc", new Document("version", 1));
			if (!unset.isEmpty()) {
				update.append("$unset", unset);
			}
			writes.add(new UpdateOneModel<>(new Document("_id", proposal.id()), update));
		}
		this.mongo.getCollection(this.mongo.getCollectionName(Proposal.class))
			.bulkWrite(writes, new BulkWriteOptions().ordered(false));
	}

	/**
	 * The skills a page lists for a proposal, less those that only name a position still
	 * open in its team (the published page lists those as 徵求 lines too; they are the
	 * team's, not the proposal's).
	 */
	private static List<String> withoutTeamPositions(List<String> needs, Proposal proposal,
			List<ProposalTeamFacts.OpenSeats> open) {
		if (open.isEmpty()) {
			return needs;
		}
		Set<String> own = new HashSet<>(proposal.needKeys());
		Set<String> teamOnly = new HashSet<>();
		open.forEach((position) -> teamOnly.add(Keys.skill(position.skill())));
		teamOnly.removeAll(own);
		return needs.stream().filter((need) -> !teamOnly.contains(Keys.skill(need))).toList();
	}

	/** A row's values, checked; null (with errors added) when a cell is invalid. */
	private @Nullable Candidate candidate(Row row, List<RowError> errors) {
		int before = errors.size();
		LocalizedText fullTitle = check(row, ProposalCsv.TITLE, errors, () -> {
			String cell = row.cell(ProposalCsv.TITLE).strip();
			return ProposalContent.title(row.has(ProposalMarkdown.TITLE_EN)
					? new LocalizedText(cell, row.cell(ProposalMarkdown.TITLE_EN)) : LocalizedText.guess(cell));
		});
		String title = (fullTitle != null) ? fullTitle.primary() : null;
		List<String> contacts = row.has(ProposalMarkdown.CONTACTS) ? check(row, ProposalMarkdown.CONTACTS, errors,
				() -> ProposalContent.contacts(split(row.cell(ProposalMarkdown.CONTACTS), "\n"))) : null;
		String proposer = check(row, ProposalCsv.PROPOSER, errors,
				() -> ProposalContent.proposer(row.cell(ProposalCsv.PROPOSER)));
		String affiliation = check(row, ProposalCsv.PROPOSER_AFFILIATION, errors, () -> ProposalContent
			.affiliation(row.cell(ProposalCsv.PROPOSER_AFFILIATION), ProposalCsv.PROPOSER_AFFILIATION));
		String summary = check(row, ProposalCsv.SUMMARY, errors, () -> {
			String cell = row.cell(ProposalCsv.SUMMARY);
			return ProposalContent.summary(new LocalizedText(null, cell)).en();
		});
		String channel = check(row, ProposalCsv.CHANNEL, errors,
				() -> ProposalContent.channel(row.cell(ProposalCsv.CHANNEL)));
		List<String> tagIds = row.has(ProposalCsv.TAGS) ? check(row, ProposalCsv.TAGS, errors,
				() -> ProposalContent.tags(split(row.cell(ProposalCsv.TAGS), ";"), this.tags)) : null;
		List<String> needs = row.has(ProposalCsv.NEEDS) ? check(row, ProposalCsv.NEEDS, errors,
				() -> ProposalContent.needs(split(row.cell(ProposalCsv.NEEDS), ";"))) : null;
		Map<LinkType, List<String>> links = new LinkedHashMap<>();
		for (LinkType type : LinkType.values()) {
			if (!row.has(type.column())) {
				continue;
			}
			List<String> urls = check(row, type.column(), errors, () -> {
				String cell = row.cell(type.column()).strip();
				List<String> values = (type == LinkType.OTHER) ? split(cell, "\\s+")
						: (cell.isEmpty() ? List.of() : List.of(cell));
				List<String> checked = new ArrayList<>();
				for (String value : values) {
					checked.add(ProposalContent.url(value, type.column()));
					ProposalContent.label(row.linkLabels().get(Row.linkKey(type, value)), type.column());
				}
				return checked;
			});
			links.put(type, (urls != null) ? urls : List.of());
		}
		if (errors.size() > before) {
			return null;
		}
		int linkCount = links.values().stream().mapToInt(List::size).sum();
		if (linkCount > ProposalContent.MAX_LINKS) {
			errors
				.add(new RowError(row.row(), LinkType.OTHER.column(), row.section(), ProposalImportCode.TOO_MANY_LINKS,
						ProposalImportCode.args("max", ProposalContent.MAX_LINKS, "count", linkCount),
						"A proposal has at most " + ProposalContent.MAX_LINKS + " links, row " + row.row() + " has "
								+ linkCount + "."));
			return null;
		}
		return new Candidate(Objects.requireNonNull(title), Objects.requireNonNull(fullTitle),
				Objects.requireNonNull(proposer), affiliation, summary, channel, tagIds, needs, links, contacts);
	}

	/**
	 * @param fullTitle the title in its language(s): a page heading "中文 English" has both
	 * @param contacts null when the row has none (a CSV row, a page section without
	 * 現在就入坑)
	 */
	private record Candidate(String title, LocalizedText fullTitle, String proposer, @Nullable String affiliation,
			@Nullable String summary, @Nullable String channel, @Nullable List<String> tags,
			@Nullable List<String> needs, Map<LinkType, List<String>> links, @Nullable List<String> contacts) {

		@Nullable String titleEn() {
			return this.fullTitle.zhTW() != null ? this.fullTitle.en() : null;
		}

	}

	private interface Check<T> {

		T get();

	}

	/**
	 * Runs a check of one cell; a failure becomes an error naming the row and column (for
	 * a page: the section, and the line the field came from).
	 */
	private static <T> @Nullable T check(Row row, String column, List<RowError> errors, Check<T> check) {
		try {
			return check.get();
		}
		catch (DomainException ex) {
			int line = row.lineOf(column);
			ProposalImportCode.Coded coded = ProposalImportCode.of(ex);
			errors.add(new RowError(line, column, row.section(), coded.code(), coded.args(), row.fromPage()
					? "Section \"" + row.section() + "\" (line " + line + "): " + ex.getMessage() : ex.getMessage()));
			return null;
		}
	}

	/**
	 * Replaces the links of the types the file has columns for; keeps the others. A page
	 * gives each link's label; a CSV file has none, so a link it keeps (same type and
	 * address) keeps its label.
	 */
	private static List<ProposalLink> linksOf(Map<LinkType, List<String>> imported, List<ProposalLink> existing,
			Row row) {
		List<ProposalLink> links = new ArrayList<>();
		existing.stream().filter((link) -> !imported.containsKey(link.type())).forEach(links::add);
		imported.forEach((type, urls) -> urls.forEach((url) -> {
			String label = row.fromPage() ? row.linkLabels().get(Row.linkKey(type, url))
					: existing.stream()
						.filter((link) -> link.type() == type && link.url().equals(url))
						.map(ProposalLink::label)
						.filter(Objects::nonNull)
						.findFirst()
						.orElse(null);
			links.add(new ProposalLink(type, url, (label != null) ? label.strip() : null));
		}));
		return links;
	}

	private static List<String> split(String cell, String separator) {
		if (cell.isBlank()) {
			return List.of();
		}
		return Arrays.stream(cell.strip().split(separator)).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

	/**
	 * The hackathon's proposals the caller may see as a g0v 松後推坑 page (Markdown), oldest
	 * first, with the open positions of their teams as 徵求 lines: importing it into an
	 * empty hackathon recreates the proposals, importing it into the same one changes
	 * nothing.
	 */
	public byte[] exportMarkdown(String slug) {
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(slug);
		Query query = new Query(Criteria.where("hackathonId").is(hackathon.id()))
			.with(org.springframework.data.domain.Sort.by("createdAt", "_id"));
		query.fields().exclude("searchText");
		List<Proposal> visible = this.mongo.find(query, Proposal.class)
			.stream()
			.filter((proposal) -> this.proposals.isVisible(proposal, hackathon))
			.toList();
		ProposalTeamFacts facts = this.teamFacts.getIfAvailable();
		Map<String, List<ProposalTeamFacts.OpenSeats>> open = (facts != null && !visible.isEmpty())
				? facts.openPositions(visible.stream().map(Proposal::id).toList()) : Map.of();
		return ProposalMarkdown.write(hackathon.name(), visible, open);
	}

	/**
	 * The hackathon's proposals the caller may see, as CSV in the import's columns,
	 * oldest first: as typed (imports back unchanged) or for spreadsheet apps (formulas
	 * neutralised).
	 */
	public byte[] exportCsv(String slug, CsvFlavour flavour) {
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(slug);
		Query query = new Query(Criteria.where("hackathonId").is(hackathon.id()))
			.with(org.springframework.data.domain.Sort.by("createdAt", "_id"));
		List<Map<String, String>> rows = new ArrayList<>();
		for (Proposal proposal : this.mongo.find(query, Proposal.class)) {
			if (!this.proposals.isVisible(proposal, hackathon)) {
				continue;
			}
			Map<String, String> row = new HashMap<>();
			ProposalContent content = proposal.content();
			row.put(ProposalCsv.TITLE, proposal.title().primary());
			row.put(ProposalCsv.PROPOSER, proposal.proposerName());
			// The proposer's organisation is for organizers (who import it); others get
			// the
			// column empty.
			row.put(ProposalCsv.PROPOSER_AFFILIATION,
					this.proposals.canSeeHistory(proposal) ? proposal.proposerAffiliation() : null);
			row.put(ProposalCsv.SUMMARY, proposal.primarySummary());
			row.put(ProposalCsv.CHANNEL, proposal.channel());
			row.put(ProposalCsv.TAGS, String.join(";", proposal.tags()));
			row.put(ProposalCsv.NEEDS, String.join(";", proposal.needs()));
			for (LinkType type : LinkType.values()) {
				row.put(type.column(), String.join(" ", content.links(type)));
			}
			rows.add(row);
		}
		return ProposalCsv.write(rows, flavour);
	}

}
