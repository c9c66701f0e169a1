package org.hacktrail.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
import org.hacktrail.proposal.ProposalCsv.Row;
import org.hacktrail.proposal.ProposalCsv.RowError;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * CSV import and export of a hackathon's proposals (organizers).
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
			"needKeys", "links", "repositoryKey", "searchText", "proposerAffiliation", "updatedAt");

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final ProposalService proposals;

	private final ProposalTags tags;

	private final CurrentUser currentUser;

	private final Clock clock;

	ProposalImport(MongoTemplate mongo, HackathonService hackathons, ProposalService proposals, ProposalTags tags,
			CurrentUser currentUser, Clock clock) {
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.tags = tags;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Imports a CSV file. With any error nothing is written, unless {@code skipInvalid};
	 * a {@code dryRun} answers exactly as the import would and writes nothing.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public Outcome importCsv(String slug, byte[] body, boolean skipInvalid, boolean dryRun) {
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(slug);
		if (hackathon.isArchived()) {
			throw DomainException.badInput("The hackathon " + slug + " is ARCHIVED; its proposals no longer change.");
		}
		ProposalCsv.Parsed parsed = ProposalCsv.parse(body);
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
				errors.add(new RowError(row.row(), ProposalCsv.TITLE, "Row " + row.row() + " has the same title and "
						+ "proposer as row " + earlier + "; each proposal appears once."));
				continue;
			}
			Proposal match = existing.get(key);
			if (match == null) {
				ProposalContent content = new ProposalContent(LocalizedText.guess(candidate.title()),
						LocalizedText.guess(candidate.title()).primaryIsZhTW()
								? new LocalizedText(candidate.summary(), null)
								: new LocalizedText(null, candidate.summary()),
						candidate.channel(), orEmpty(candidate.tags()), orEmpty(candidate.needs()),
						linksOf(candidate.links(), List.of()));
				created.add(Proposal
					.create(ids.next(), hackathon.id(), content, null, candidate.proposer(),
							new StatusChange(null, ProposalStatus.SUBMITTED, now, me, ProposalLifecycle.Actor.ORGANIZER,
									"Imported from CSV"),
							now, 0L)
					.withProposerAffiliation(candidate.affiliation(), now));
				continue;
			}
			ProposalContent was = match.content();
			LocalizedText summary = (candidate.summary() == null && !row.has(ProposalCsv.SUMMARY)) ? was.summary()
					: match.title().primaryIsZhTW() ? new LocalizedText(candidate.summary(), was.summary().en())
							: new LocalizedText(was.summary().zhTW(), candidate.summary());
			ProposalContent content = new ProposalContent(was.title(), summary,
					row.has(ProposalCsv.CHANNEL) ? candidate.channel() : was.channel(),
					(candidate.tags() != null) ? candidate.tags() : was.tags(),
					(candidate.needs() != null) ? candidate.needs() : was.needs(),
					linksOf(candidate.links(), was.links()));
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

	/** A row's values, checked; null (with errors added) when a cell is invalid. */
	private @Nullable Candidate candidate(Row row, List<RowError> errors) {
		int before = errors.size();
		String title = check(row, ProposalCsv.TITLE, errors, () -> {
			LocalizedText text = ProposalContent.title(LocalizedText.guess(row.cell(ProposalCsv.TITLE).strip()));
			return text.primary();
		});
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
			errors.add(new RowError(row.row(), LinkType.OTHER.column(), "A proposal has at most "
					+ ProposalContent.MAX_LINKS + " links, row " + row.row() + " has " + linkCount + "."));
			return null;
		}
		return new Candidate(Objects.requireNonNull(title), Objects.requireNonNull(proposer), affiliation, summary,
				channel, tagIds, needs, links);
	}

	private record Candidate(String title, String proposer, @Nullable String affiliation, @Nullable String summary,
			@Nullable String channel, @Nullable List<String> tags, @Nullable List<String> needs,
			Map<LinkType, List<String>> links) {
	}

	private interface Check<T> {

		T get();

	}

	/** Runs a check of one cell; a failure becomes an error naming the row and column. */
	private static <T> @Nullable T check(Row row, String column, List<RowError> errors, Check<T> check) {
		try {
			return check.get();
		}
		catch (DomainException ex) {
			errors.add(new RowError(row.row(), column, ex.getMessage()));
			return null;
		}
	}

	/** Replaces the links of the types the file has columns for; keeps the others. */
	private static List<ProposalLink> linksOf(Map<LinkType, List<String>> imported, List<ProposalLink> existing) {
		List<ProposalLink> links = new ArrayList<>();
		existing.stream().filter((link) -> !imported.containsKey(link.type())).forEach(links::add);
		imported.forEach((type, urls) -> urls.forEach((url) -> links.add(new ProposalLink(type, url))));
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
