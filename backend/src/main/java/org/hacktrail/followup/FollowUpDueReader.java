package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.proposal.ProposalFacts;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * The due follow-up checkpoints, hackathon by hackathon in id order: for each hackathon
 * past DRAFT whose current checkpoint exists ({@link FollowUpCheckpoints}), the projects
 * of its proposals (not DRAFT, not WITHDRAWN) in id order, read through
 * {@link HackathonFacts} and {@link ProposalFacts}. Hackathons are read bucket by bucket
 * and one hackathon's projects at a time, so memory holds one hackathon's projects, not
 * every checkpoint due. Restartable: the hackathon and project of the last checkpoint
 * handed on are kept in the step's execution context.
 */
class FollowUpDueReader extends ItemStreamSupport implements ItemStreamReader<DueCheckpoint> {

	/** Hackathons per query (few, and small as read). */
	static final int HACKATHONS_PER_QUERY = 1_000;

	private static final String HACKATHON = "hackathon";

	private static final String PROJECT = "project";

	private final HackathonFacts hackathonFacts;

	private final ProposalFacts proposals;

	private final LocalDate today;

	/** Null without yearly follow-up; with it, the projects' follow-up states. */
	private final @Nullable FollowUpStates yearly;

	private @Nullable Iterator<HackathonFacts.Edition> hackathons;

	private final ArrayDeque<DueCheckpoint> due = new ArrayDeque<>();

	private @Nullable DueCheckpoint last;

	private @Nullable String resumeAfterProject;

	FollowUpDueReader(HackathonFacts hackathons, ProposalFacts proposals, LocalDate today,
			@Nullable FollowUpStates yearly) {
		this.hackathonFacts = hackathons;
		this.proposals = proposals;
		this.today = today;
		this.yearly = yearly;
		setName("followUpDue");
	}

	@Override
	public void open(ExecutionContext context) {
		String hackathon = context.containsKey(getExecutionContextKey(HACKATHON))
				? context.getString(getExecutionContextKey(HACKATHON)) : null;
		this.resumeAfterProject = (hackathon != null) ? context.getString(getExecutionContextKey(PROJECT)) : null;
		// The last hackathon handed on is read again, from the project after the last
		// one.
		this.hackathons = this.hackathonFacts.inIdOrder(hackathon, HACKATHONS_PER_QUERY);
		this.due.clear();
	}

	@Override
	public @Nullable DueCheckpoint read() {
		if (this.hackathons == null) {
			throw new IllegalStateException("The follow-up due reader is not open");
		}
		while (this.due.isEmpty()) {
			if (!this.hackathons.hasNext()) {
				return null;
			}
			fill(this.hackathons.next());
			this.resumeAfterProject = null;
		}
		this.last = this.due.pollFirst();
		return this.last;
	}

	private void fill(HackathonFacts.Edition hackathon) {
		if (hackathon.phase() == HackathonPhase.DRAFT) {
			return;
		}
		LocalDate lastDay = hackathon.lastDay();
		Optional<Integer> months = FollowUpCheckpoints.current(lastDay, this.today, this.yearly != null);
		if (months.isEmpty()) {
			return;
		}
		TreeSet<String> projects = new TreeSet<>();
		for (ProposalFacts.Summary proposal : this.proposals.ofHackathon(hackathon.id())) {
			if (proposal.projectId() != null && proposal.status() != ProposalStatus.DRAFT
					&& proposal.status() != ProposalStatus.WITHDRAWN) {
				projects.add(proposal.projectId());
			}
		}
		if (this.yearly != null && FollowUpCheckpoints.isYearly(months.get()) && !projects.isEmpty()) {
			// Past the fixed checkpoints, only projects in service or with an active
			// team.
			Map<String, ProjectFollowUp> followUps = this.yearly.find(projects);
			FollowUpStates states = this.yearly;
			projects.removeIf((id) -> !FollowUpCheckpoints.worthAskingYearly(states.derive(followUps.get(id), false)));
		}
		LocalDate dueOn = lastDay.plusMonths(months.get());
		for (String projectId : (this.resumeAfterProject != null) ? projects.tailSet(this.resumeAfterProject, false)
				: projects) {
			this.due.addLast(new DueCheckpoint(projectId, hackathon.id(), months.get(), dueOn));
		}
	}

	@Override
	public void update(ExecutionContext context) {
		// Called once the chunk is written: every checkpoint handed on so far is done.
		if (this.last != null) {
			context.putString(getExecutionContextKey(HACKATHON), this.last.hackathonId());
			context.putString(getExecutionContextKey(PROJECT), this.last.projectId());
		}
	}

	@Override
	public void close() {
		this.hackathons = null;
		this.due.clear();
	}

}
