package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.LiteralPattern;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.ProposalFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * PENDING milestones chosen by what they are rather than by id — the import they came
 * from, their type, agency, date range, the hackathon their project was pitched at — for
 * organizers to preview (how many, the first of them) and verify with one decision.
 *
 * <p>
 * A decision names the count the organizer saw: when the milestones matching now are
 * another number (someone recorded, changed or decided some since), it is refused
 * (CONFLICT, rule {@code verifySelectionChanged}) and nothing changes. One decision
 * verifies at most {@link #MAX_SELECTION}; a larger selection is refused (rule
 * {@code verifySelectionTooLarge}) and should be narrowed. REJECTED milestones are never
 * chosen: only PENDING ones match. The verification itself is
 * {@link OutcomeService#verifyChosen}: per project under its lock, one audit event
 * (MILESTONES_VERIFIED) recording the selection as data.
 *
 * <p>
 * "An import" is the {@code outcomeImport} job instance, i.e. the file: any run id of it
 * (the first run's or a restart's) names the whole import, and its milestones are those
 * whose content it wrote ({@link MilestoneImport}).
 */
@Service
public class MilestoneSelections {

	/** The most milestones one decision by selection verifies. */
	public static final int MAX_SELECTION = 5000;

	/** Rule of the CONFLICT when the matching milestones are not the count seen. */
	static final String CHANGED = "verifySelectionChanged";

	/** Rule of the refusal of a selection beyond {@link #MAX_SELECTION}. */
	static final String TOO_LARGE = "verifySelectionTooLarge";

	private static final int MAX_AGENCY = 200;

	private final MongoTemplate mongo;

	private final OutcomeService outcomes;

	private final JobRepository jobs;

	private final HackathonFacts hackathons;

	private final ProposalFacts proposals;

	MilestoneSelections(MongoTemplate mongo, OutcomeService outcomes, JobRepository jobs, HackathonFacts hackathons,
			ProposalFacts proposals) {
		this.mongo = mongo;
		this.outcomes = outcomes;
		this.jobs = jobs;
		this.hackathons = hackathons;
		this.proposals = proposals;
	}

	/**
	 * What to choose; the criteria given combine (all must hold), at least one is needed.
	 *
	 * @param importRunId a run id of an outcome import: the milestones whose content that
	 * import (every run of it) wrote
	 * @param agency text the milestone's agency contains, ignoring case
	 * @param from the first milestone date, inclusive
	 * @param to the last milestone date, inclusive
	 * @param hackathonId milestones of projects pitched at this hackathon
	 */
	public record Selection(@Nullable String importRunId, @Nullable MilestoneType type, @Nullable String agency,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String hackathonId) {
	}

	/** How many PENDING milestones a selection matches now, and the first of them. */
	public record Preview(int count, int limit, List<OutcomeMilestone> milestones) {
	}

	/**
	 * A recent import and how many of its milestones wait.
	 *
	 * @param run the import's latest run
	 */
	public record ImportToVerify(JobExecution run, @Nullable String file, boolean authoritative, long pendingCount) {
	}

	@PreAuthorize("hasRole('ORGANIZER')")
	public Preview preview(Selection selection, int first) {
		Checked checked = check(selection);
		long count = this.mongo.count(checked.query(), OutcomeMilestone.class, FollowUpStates.MILESTONES);
		List<OutcomeMilestone> page = this.mongo.find(
				Query.of(checked.query()).with(Sort.by("recordedAt", "_id")).limit(first), OutcomeMilestone.class,
				FollowUpStates.MILESTONES);
		return new Preview((int) Math.min(count, Integer.MAX_VALUE), MAX_SELECTION, page);
	}

	/**
	 * Verifies every PENDING milestone the selection matches, when exactly
	 * {@code expectedCount} do and no more than {@link #MAX_SELECTION}.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public OutcomeService.BulkVerified verify(Selection selection, @Nullable Integer expectedCount,
			@Nullable String note) {
		String checkedNote = OutcomeService.checkedNote(note);
		Checked checked = check(selection);
		if (expectedCount == null) {
			throw DomainException.badInput("expectedCount", Refusal.EXPECTED_COUNT_REQUIRED);
		}
		List<OutcomeMilestone> chosen = this.mongo.find(Query.of(checked.query()).limit(MAX_SELECTION + 1),
				OutcomeMilestone.class, FollowUpStates.MILESTONES);
		if (chosen.size() > MAX_SELECTION) {
			long count = this.mongo.count(checked.query(), OutcomeMilestone.class, FollowUpStates.MILESTONES);
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The selection matches " + count + " pending milestones; one decision verifies at most "
							+ MAX_SELECTION + ". Narrow it (a shorter date range, a type, an agency). Nothing was "
							+ "verified.",
					Map.of("rule", TOO_LARGE, "count", count, "limit", MAX_SELECTION));
		}
		if (chosen.size() != expectedCount) {
			throw new DomainException(ErrorCode.CONFLICT,
					"The selection matches " + chosen.size() + " pending milestone(s) now, not " + expectedCount
							+ ": milestones were recorded, changed or decided since you looked. Preview it again "
							+ "and decide again. Nothing was verified.",
					Map.of("rule", CHANGED, "count", chosen.size(), "expectedCount", expectedCount));
		}
		Map<String, String> details = new LinkedHashMap<>(checked.details());
		details.put("expectedCount", Integer.toString(expectedCount));
		return this.outcomes.verifyChosen(chosen, checkedNote, details,
				(checked.run() != null) ? "jobRun" : "milestones",
				(checked.run() != null) ? String.valueOf(checked.run().getId()) : null);
	}

	/**
	 * The most recent outcome imports (newest first, {@code first} of them), each with
	 * its latest run and how many of its milestones are PENDING.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public List<ImportToVerify> imports(int first) {
		List<ImportToVerify> imports = new ArrayList<>();
		for (JobInstance instance : this.jobs.getJobInstances(OutcomeImports.JOB, 0, first)) {
			JobExecution last = this.jobs.getLastJobExecution(instance);
			if (last == null) {
				continue;
			}
			long pending = this.mongo.count(new Query(Criteria.where("importedFrom.importId")
				.is(instance.getInstanceId())
				.and("verification")
				.is(VerificationState.PENDING)), OutcomeMilestone.class, FollowUpStates.MILESTONES);
			imports.add(new ImportToVerify(last, last.getJobParameters().getString(OutcomeImportFiles.FILE),
					"true".equals(last.getJobParameters().getString(OutcomeImports.AUTHORITATIVE)), pending));
		}
		return imports;
	}

	/** A checked selection: its query, the import run it names, what to record. */
	private record Checked(Query query, @Nullable JobExecution run, Map<String, String> details) {
	}

	private Checked check(Selection selection) {
		Criteria criteria = Criteria.where("verification").is(VerificationState.PENDING);
		Map<String, String> details = new LinkedHashMap<>();
		List<String> said = new ArrayList<>();
		JobExecution run = null;
		if (selection.importRunId() != null) {
			run = importRun(selection.importRunId());
			criteria = criteria.and("importedFrom.importId").is(run.getJobInstanceId());
			String file = run.getJobParameters().getString(OutcomeImportFiles.FILE);
			details.put("importRunId", String.valueOf(run.getId()));
			details.put("importId", String.valueOf(run.getJobInstanceId()));
			details.put("file", String.valueOf(file));
			said.add("of outcome import " + run.getJobInstanceId() + " (run " + run.getId() + ", file " + file + ")");
		}
		if (selection.type() != null) {
			criteria = criteria.and("type").is(selection.type());
			details.put("type", selection.type().name());
			said.add("of type " + selection.type().name());
		}
		String agency = MilestoneRules.blankToNull(selection.agency());
		if (agency != null) {
			if (agency.codePointCount(0, agency.length()) > MAX_AGENCY) {
				throw DomainException.badInput("agency", Refusal.TOO_LONG, "max", MAX_AGENCY);
			}
			agency = FreeText.check(agency, "agency", FreeText.Kind.TEXT);
			criteria = criteria.and("agency").regex(LiteralPattern.of(agency), "i");
			details.put("agency", agency);
			said.add("whose agency contains '" + agency + "'");
		}
		if (selection.from() != null && selection.to() != null && selection.from().isAfter(selection.to())) {
			throw DomainException.badInput("from", Refusal.RANGE_ORDER, "from", selection.from(), "to", selection.to());
		}
		if (selection.from() != null || selection.to() != null) {
			// Dates are stored as ISO-8601 text, whose order is the calendar's.
			Criteria date = criteria.and("date");
			if (selection.from() != null) {
				date = date.gte(selection.from().toString());
				details.put("from", selection.from().toString());
			}
			if (selection.to() != null) {
				date = date.lte(selection.to().toString());
				details.put("to", selection.to().toString());
			}
			criteria = date;
			said.add("dated " + ((selection.from() != null) ? "from " + selection.from() + " " : "")
					+ ((selection.to() != null) ? "to " + selection.to() : "").strip());
		}
		if (selection.hackathonId() != null) {
			HackathonFacts.Edition hackathon = this.hackathons.byIds(List.of(selection.hackathonId()))
				.get(selection.hackathonId());
			if (hackathon == null) {
				throw DomainException.notFound("There is no hackathon with the id '" + selection.hackathonId() + "'.");
			}
			Set<String> projects = new LinkedHashSet<>();
			for (ProposalFacts.Summary proposal : this.proposals.ofHackathon(hackathon.id())) {
				if (proposal.projectId() != null) {
					projects.add(proposal.projectId());
				}
			}
			criteria = criteria.and("projectId").in(projects);
			details.put("hackathonId", hackathon.id());
			said.add("of projects pitched at " + hackathon.slug());
		}
		if (said.isEmpty()) {
			throw DomainException.badInput("selection", Refusal.SELECTION_EMPTY);
		}
		details.put("selection", "every pending milestone " + String.join(", ", said));
		return new Checked(new Query(criteria), run, details);
	}

	private JobExecution importRun(String runId) {
		JobExecution execution = null;
		try {
			execution = this.jobs.getJobExecution(Long.parseLong(runId.strip()));
		}
		catch (NumberFormatException ex) {
			// Not a run id: not found, as below.
		}
		if (execution == null || !OutcomeImports.JOB.equals(execution.getJobInstance().getJobName())) {
			throw DomainException.notFound("There is no outcome import run with the id '"
					+ MilestoneRules.abbreviate(runId) + "'; nothing was chosen.");
		}
		return execution;
	}

}
