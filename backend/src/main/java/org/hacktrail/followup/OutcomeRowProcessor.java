package org.hacktrail.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.batch.IdBucketItemReader;
import org.hacktrail.proposal.Keys;
import org.hacktrail.proposal.ProjectFacts;
import org.hacktrail.proposal.ProposalFacts;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns an import row into a milestone, or rejects it with the row number, the column and
 * a reason ({@link InvalidOutcomeRow}, which the step skips and records). Projects,
 * hackathons and proposals are read through {@link ProjectFacts}, {@link HackathonFacts}
 * and {@link ProposalFacts}. Resolving a row's project rarely costs a store round trip:
 * project ids are read once (bucket by bucket) when there are no more than the cache
 * keeps, otherwise asked once per id ({@code _id} lookup), and the answers kept; a
 * hackathon's proposal titles are read once per hackathon named and kept. Both caches are
 * bounded (least recently used answers go first), so memory does not grow with the number
 * of projects or proposals.
 */
class OutcomeRowProcessor implements ItemProcessor<OutcomeRow, OutcomeMilestone> {

	/** Project ids whose existence is kept: a few MB. */
	static final int PROJECTS_KEPT = 20_000;

	/** Proposal titles kept, over all hackathons kept. */
	static final int TITLES_KEPT = 50_000;

	private final ProjectFacts projectFacts;

	private final HackathonFacts hackathons;

	private final ProposalFacts proposals;

	private final @Nullable String requestedBy;

	private final Instant now;

	private final LocalDate today;

	/**
	 * Null for an ordinary import (rows PENDING, the file's {@code source} column not
	 * trusted); for an authoritative one, the reason recorded with each row's
	 * verification.
	 */
	private final @Nullable String authoritative;

	/** Project id → whether it exists. */
	private final Cache<String, Boolean> projects = Caffeine.newBuilder().maximumSize(PROJECTS_KEPT).build();

	private boolean projectsLoaded;

	/**
	 * Hackathon slug → normalised proposal title → project ids (null entries: proposals
	 * without a project); empty when there is no such hackathon.
	 */
	private final Cache<String, Optional<Map<String, List<@Nullable String>>>> titles = Caffeine.newBuilder()
		.maximumWeight(TITLES_KEPT)
		.weigher((String slug, Optional<Map<String, List<@Nullable String>>> byTitle) -> 1
				+ byTitle.map(Map::size).orElse(0))
		.build();

	OutcomeRowProcessor(ProjectFacts projects, HackathonFacts hackathons, ProposalFacts proposals,
			@Nullable String requestedBy, Instant now, LocalDate today, @Nullable String authoritative) {
		this.projectFacts = projects;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.requestedBy = requestedBy;
		this.now = now;
		this.today = today;
		this.authoritative = authoritative;
	}

	/**
	 * What each row of authoritative import run {@code runId} records as its
	 * verification.
	 */
	static String authoritativeReason(long runId) {
		return "Verified at import: an organizer marked import run " + runId + " an authoritative source.";
	}

	@Override
	public OutcomeMilestone process(OutcomeRow row) {
		if (row.problem() != null) {
			throw row.problem();
		}
		String projectId = project(row);
		MilestoneType type = type(row);
		LocalDate date = date(row);
		MilestoneSource source = source(row);
		MilestoneDraft draft;
		try {
			draft = MilestoneRules.check(type, date, row.cell(OutcomeFileFormat.AGENCY), null,
					row.cell(OutcomeFileFormat.PROGRAMME), row.cell(OutcomeFileFormat.AMOUNT),
					row.cell(OutcomeFileFormat.CURRENCY), row.cell(OutcomeFileFormat.EVIDENCE_URL),
					row.cell(OutcomeFileFormat.NOTE), this.today);
		}
		catch (DomainException ex) {
			Object field = ex.details().get("field");
			String column = OutcomeFileFormat.column((field != null) ? field.toString() : null);
			throw OutcomeImportCode.refused(row.row(), column.isEmpty() ? null : column, ex);
		}
		if (this.authoritative != null) {
			MilestoneEvent event = new MilestoneEvent(this.now, this.requestedBy, MilestoneEvent.Action.IMPORTED,
					VerificationState.VERIFIED, this.authoritative);
			return OutcomeMilestone.create(projectId, draft, source, VerificationState.VERIFIED, event, null);
		}
		// A file is a claim, not a provenance: whatever its source column says, the row
		// is IMPORTED and PENDING; the claim is kept in the history for the organizer who
		// verifies it.
		String claim = (source != MilestoneSource.IMPORTED) ? "The file gives the source " + source.name()
				+ "; an import is trusted only when an organizer " + "marks it authoritative at upload." : null;
		MilestoneEvent event = new MilestoneEvent(this.now, this.requestedBy, MilestoneEvent.Action.IMPORTED,
				VerificationState.PENDING, claim);
		return OutcomeMilestone.create(projectId, draft, MilestoneSource.IMPORTED, VerificationState.PENDING, event,
				null);
	}

	private MilestoneType type(OutcomeRow row) {
		String text = row.cell(OutcomeFileFormat.MILESTONE).strip();
		if (text.isEmpty()) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.MILESTONE, OutcomeImportCode.MILESTONE_MISSING,
					Map.of(), "The milestone type is missing.");
		}
		try {
			return MilestoneType.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.MILESTONE, OutcomeImportCode.UNKNOWN_MILESTONE,
					OutcomeImportCode.args("value", MilestoneRules.abbreviate(text), "types",
							String.join(", ",
									java.util.Arrays.stream(MilestoneType.values()).map(Enum::name).toList())),
					"Unknown milestone type '" + MilestoneRules.abbreviate(text) + "'; use one of "
							+ java.util.Arrays.toString(MilestoneType.values()) + ".");
		}
	}

	private LocalDate date(OutcomeRow row) {
		String text = row.cell(OutcomeFileFormat.DATE).strip();
		if (text.isEmpty()) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.DATE, OutcomeImportCode.DATE_MISSING, Map.of(),
					"The date is missing.");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.DATE, OutcomeImportCode.DATE_INVALID,
					OutcomeImportCode.args("value", MilestoneRules.abbreviate(text)),
					"'" + MilestoneRules.abbreviate(text)
							+ "' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01.");
		}
	}

	private MilestoneSource source(OutcomeRow row) {
		String text = row.cell(OutcomeFileFormat.SOURCE).strip();
		if (text.isEmpty()) {
			return MilestoneSource.IMPORTED;
		}
		try {
			return MilestoneSource.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.SOURCE, OutcomeImportCode.UNKNOWN_SOURCE,
					OutcomeImportCode.args("value", MilestoneRules.abbreviate(text)), "Unknown source '"
							+ MilestoneRules.abbreviate(text) + "'; use SELF_REPORTED, ORGANIZER or IMPORTED.");
		}
	}

	private String project(OutcomeRow row) {
		String ref = row.cell(OutcomeFileFormat.PROJECT_REF).strip();
		if (!ref.isEmpty()) {
			if (!this.projectsLoaded) {
				loadProjects();
			}
			if (!this.projects.get(ref, this::projectExists)) {
				throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.PROJECT_REF, OutcomeImportCode.UNKNOWN_PROJECT,
						OutcomeImportCode.args("projectRef", MilestoneRules.abbreviate(ref)),
						"There is no project with the id '" + MilestoneRules.abbreviate(ref) + "'.");
			}
			return ref;
		}
		String slug = row.cell(OutcomeFileFormat.HACKATHON_SLUG).strip();
		String title = row.cell(OutcomeFileFormat.PROPOSAL_TITLE).strip();
		if (slug.isEmpty() || title.isEmpty()) {
			throw new InvalidOutcomeRow(row.row(),
					slug.isEmpty() ? OutcomeFileFormat.HACKATHON_SLUG : OutcomeFileFormat.PROPOSAL_TITLE,
					OutcomeImportCode.PROJECT_NOT_NAMED, Map.of(),
					"Name the project: give project_ref, or hackathon_slug and " + "proposal_title.");
		}
		Map<String, List<@Nullable String>> byTitle = this.titles.get(slug, this::titles).orElse(null);
		if (byTitle == null) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.HACKATHON_SLUG,
					OutcomeImportCode.UNKNOWN_HACKATHON,
					OutcomeImportCode.args("slug", MilestoneRules.abbreviate(slug)),
					"There is no hackathon with the " + "slug '" + MilestoneRules.abbreviate(slug) + "'.");
		}
		List<@Nullable String> candidates = byTitle.getOrDefault(Keys.title(title), List.of());
		if (candidates.isEmpty()) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.PROPOSAL_TITLE, OutcomeImportCode.UNKNOWN_PROPOSAL,
					titleArgs(title, slug),
					"There is no proposal titled '" + MilestoneRules.abbreviate(title) + "' at " + slug + ".");
		}
		Set<@Nullable String> projects = new HashSet<>(candidates);
		if (projects.size() > 1) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.PROPOSAL_TITLE,
					OutcomeImportCode.AMBIGUOUS_PROPOSAL, titleArgs(title, slug), "Several proposals at " + slug
							+ " are titled '" + MilestoneRules.abbreviate(title) + "'; give the project_ref instead.");
		}
		String projectId = candidates.get(0);
		if (projectId == null) {
			throw new InvalidOutcomeRow(row.row(), OutcomeFileFormat.PROPOSAL_TITLE,
					OutcomeImportCode.PROPOSAL_WITHOUT_PROJECT, titleArgs(title, slug),
					"The proposal '" + MilestoneRules.abbreviate(title) + "' at " + slug
							+ " is not linked to a project yet; link it "
							+ "(linkProposalToProject) or give the project_ref.");
		}
		return projectId;
	}

	private static Map<String, String> titleArgs(String title, String slug) {
		return OutcomeImportCode.args("title", MilestoneRules.abbreviate(title), "slug", slug);
	}

	/**
	 * Reads every project id into the cache at once, when they all fit: one pass instead
	 * of a lookup per id.
	 */
	private void loadProjects() {
		this.projectsLoaded = true;
		if (this.projectFacts.estimatedCount() > PROJECTS_KEPT) {
			return;
		}
		for (Iterator<ProjectFacts.Listing> ids = this.projectFacts.inIdOrder(null, IdBucketItemReader.LIMIT); ids
			.hasNext();) {
			this.projects.put(ids.next().id(), Boolean.TRUE);
		}
	}

	private boolean projectExists(String projectId) {
		return this.projectFacts.exists(projectId);
	}

	private Optional<Map<String, List<@Nullable String>>> titles(String slug) {
		Optional<HackathonFacts.Edition> hackathon = this.hackathons.bySlug(slug);
		if (hackathon.isEmpty()) {
			return Optional.empty();
		}
		Map<String, List<@Nullable String>> byTitle = new HashMap<>();
		for (ProposalFacts.Summary proposal : this.proposals.ofHackathon(hackathon.get().id())) {
			if (proposal.status() != ProposalStatus.DRAFT) {
				byTitle.computeIfAbsent(proposal.normalizedTitle(), (t) -> new ArrayList<>()).add(proposal.projectId());
			}
		}
		return Optional.of(byTitle);
	}

}
