package org.hacktrail.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.platform.batch.JobRunner;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code statisticsRollup}: recomputes every project's follow-up document, then the statistics roll-up that
 * statistics queries read.
 *
 * <ol>
 * <li>{@code projectTrailStep}: {@link ProjectTrailReader} over every project (milestones read once, sorted),
 * {@link ProjectStateProcessor}, {@link ProjectStateWriter} — the full refresh that also repairs any follow-up
 * document a crash left stale, and moves states with time (DORMANT).</li>
 * <li>{@code statisticsRollupStep}: reader {@code rollupProposalReader} (every proposal, streamed, a projection),
 * processor {@code rollupProposalProcessor} (funnel stages of the proposal; DRAFTs and DRAFT hackathons filtered
 * out), writer {@code rollupWriter} (one {@code $in} of follow-up documents per chunk, counted by
 * {@link RollupCalculator}; both views stored when the step completes).</li>
 * </ol>
 * A roll-up is a sum over everything, so a failed run's second step starts over when restarted (nothing is stored
 * before it completes, and the previous roll-up stays until then).
 */
@Configuration(proxyBeanMethods = false)
class StatisticsRollupJobConfiguration {

	/** Statuses that mean a proposal passed a review round. */
	static final Set<ProposalStatus> SHORTLISTED = EnumSet.of(ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
			ProposalStatus.OUTSTANDING, ProposalStatus.NOT_SELECTED);

	/** Phases in which a hackathon's results are public. */
	static final Set<HackathonPhase> PUBLISHED = EnumSet.of(HackathonPhase.RESULTS_PUBLISHED,
			HackathonPhase.FOLLOW_UP, HackathonPhase.ARCHIVED);

	@Bean
	Job statisticsRollup(JobRepository repository, Step projectTrailStep, Step statisticsRollupStep) {
		return new JobBuilder("statisticsRollup", repository).start(projectTrailStep).next(statisticsRollupStep).build();
	}

	@Bean
	Step projectTrailStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ProjectTrailReader projectTrailReader, ProjectStateProcessor projectStateProcessor,
			ProjectStateWriter refreshedStateWriter) {
		return new StepBuilder("projectTrailStep", repository).<ProjectTrail, FollowUpStates.Refresh>chunk(500)
			.transactionManager(batchTransactionManager)
			.reader(projectTrailReader)
			.processor(projectStateProcessor)
			.writer(refreshedStateWriter)
			.build();
	}

	@Bean
	@StepScope
	ProjectTrailReader projectTrailReader(MongoTemplate mongo, FollowUpStates states) {
		return new ProjectTrailReader(mongo, states, ProjectTrailReader.Mode.ALL);
	}

	@Bean
	Step statisticsRollupStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ItemStreamReader<Document> rollupProposalReader,
			ItemProcessor<Document, RollupProposal> rollupProposalProcessor, RollupWriter rollupWriter) {
		return new StepBuilder("statisticsRollupStep", repository).<Document, RollupProposal>chunk(1000)
			.transactionManager(batchTransactionManager)
			.reader(rollupProposalReader)
			.processor(rollupProposalProcessor)
			.writer(rollupWriter)
			.listener(rollupWriter)
			.build();
	}

	/** Every proposal, as a projection of what the funnel needs; always from the start (see the class comment). */
	@Bean
	@StepScope
	ItemStreamReader<Document> rollupProposalReader(MongoTemplate mongo) {
		return new ItemStreamReader<>() {

			private @Nullable MongoCursor<Document> cursor;

			@Override
			public void open(ExecutionContext context) {
				StepSynchronizationManager.getContext()
					.getStepExecution()
					.getJobExecution()
					.getExecutionContext()
					.putLong(JobRunner.TOTAL_KEY, mongo.estimatedCount(Proposal.class));
				this.cursor = mongo.getCollection(mongo.getCollectionName(Proposal.class))
					.find()
					.projection(new Document("hackathonId", 1).append("projectId", 1)
						.append("status", 1)
						.append("teamSize", 1)
						.append("tags", 1)
						.append("history.to", 1))
					.batchSize(2000)
					.cursor();
			}

			@Override
			public @Nullable Document read() {
				return (this.cursor != null && this.cursor.hasNext()) ? this.cursor.next() : null;
			}

			@Override
			public void close() {
				if (this.cursor != null) {
					this.cursor.close();
					this.cursor = null;
				}
			}

		};
	}

	@Bean
	@StepScope
	ItemProcessor<Document, RollupProposal> rollupProposalProcessor(MongoTemplate mongo) {
		Map<String, Hackathon> hackathons = new HashMap<>();
		mongo.findAll(Hackathon.class).forEach((h) -> hackathons.put(h.id(), h));
		return (proposal) -> rollupProposal(proposal, hackathons);
	}

	/** The funnel facts of a proposal; null for a DRAFT, or a proposal of a DRAFT (or unknown) hackathon. */
	static @Nullable RollupProposal rollupProposal(Document proposal, Map<String, Hackathon> hackathons) {
		Hackathon hackathon = hackathons.get(proposal.getString("hackathonId"));
		ProposalStatus status = ProposalStatus.valueOf(proposal.getString("status"));
		if (hackathon == null || hackathon.phase() == HackathonPhase.DRAFT || status == ProposalStatus.DRAFT) {
			return null;
		}
		Set<ProposalStatus> reached = EnumSet.of(status);
		Object history = proposal.get("history");
		if (history instanceof List<?> changes) {
			for (Object change : changes) {
				if (change instanceof Document document && document.getString("to") != null) {
					reached.add(ProposalStatus.valueOf(document.getString("to")));
				}
			}
		}
		Number teamSize = (Number) proposal.get("teamSize");
		boolean team = (teamSize != null && teamSize.intValue() > 1) || reached.contains(ProposalStatus.TEAM_FORMING);
		boolean shortlisted = reached.stream().anyMatch(SHORTLISTED::contains);
		List<String> tags = new ArrayList<>();
		if (proposal.get("tags") instanceof List<?> list) {
			list.forEach((tag) -> tags.add(tag.toString()));
		}
		LocalDate start = hackathon.startsAt().atZone(hackathon.zone()).toLocalDate();
		LocalDate end = hackathon.endsAt().atZone(hackathon.zone()).toLocalDate();
		return new RollupProposal(proposal.get("_id").toString(), hackathon.id(), hackathon.slug(), hackathon.name(),
				hackathon.kind(), start.getYear(), start, end, PUBLISHED.contains(hackathon.phase()),
				proposal.getString("projectId"), tags, team, shortlisted, status == ProposalStatus.OUTSTANDING,
				status == ProposalStatus.NOT_SELECTED);
	}

	@Bean
	@StepScope
	RollupWriter rollupWriter(MongoTemplate mongo, FollowUpStates states, Clock clock) {
		return new RollupWriter(mongo, states, clock);
	}

	/**
	 * Counts each chunk of proposals with their projects' outcomes (one {@code $in} of follow-up documents per
	 * chunk) and stores both views when the step completes.
	 */
	static class RollupWriter implements ItemStreamWriter<RollupProposal>, StepExecutionListener {

		private final MongoTemplate mongo;

		private final FollowUpStates states;

		private final Clock clock;

		private @Nullable RollupCalculator calculator;

		RollupWriter(MongoTemplate mongo, FollowUpStates states, Clock clock) {
			this.mongo = mongo;
			this.states = states;
			this.clock = clock;
		}

		@Override
		public void open(ExecutionContext context) {
			// Every pitch of every project, for attribution; a projection, so small even for 50,000 proposals.
			Map<String, Hackathon> hackathons = new HashMap<>();
			this.mongo.findAll(Hackathon.class).forEach((h) -> hackathons.put(h.id(), h));
			Map<String, List<RollupCalculator.Pitch>> pitches = new HashMap<>();
			org.springframework.data.mongodb.core.query.Query query = new org.springframework.data.mongodb.core.query.Query(
					org.springframework.data.mongodb.core.query.Criteria.where("projectId").ne(null));
			query.fields().include("hackathonId", "projectId", "status");
			try (var proposals = this.mongo.stream(query, Document.class,
					this.mongo.getCollectionName(Proposal.class))) {
				proposals.forEach((proposal) -> {
					Hackathon hackathon = hackathons.get(proposal.getString("hackathonId"));
					String projectId = proposal.getString("projectId");
					if (projectId == null || hackathon == null || hackathon.phase() == HackathonPhase.DRAFT
							|| ProposalStatus.DRAFT.name().equals(proposal.getString("status"))) {
						return;
					}
					pitches.computeIfAbsent(projectId, (id) -> new ArrayList<>())
						.add(new RollupCalculator.Pitch(hackathon.startsAt().atZone(hackathon.zone()).toLocalDate(),
								proposal.get("_id").toString(), PUBLISHED.contains(hackathon.phase())));
				});
			}
			this.calculator = new RollupCalculator(pitches);
		}

		@Override
		public void write(Chunk<? extends RollupProposal> chunk) {
			List<String> projectIds = chunk.getItems()
				.stream()
				.map(RollupProposal::projectId)
				.filter((id) -> id != null)
				.distinct()
				.toList();
			Map<String, ProjectFollowUp> followUps = this.states.find(projectIds);
			for (RollupProposal proposal : chunk) {
				ProjectFollowUp followUp = (proposal.projectId() != null) ? followUps.get(proposal.projectId()) : null;
				this.calculator.add(proposal, (followUp != null) ? followUp.outcomes() : null);
			}
		}

		@Override
		public ExitStatus afterStep(StepExecution step) {
			// Listeners see the step's final status: only a completed roll-up replaces the previous one.
			if (this.calculator != null && step.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
				for (RollupCalculator.View view : RollupCalculator.View.values()) {
					this.mongo.save(new OutcomeRollup(view.name(), this.clock.instant(), step.getJobExecutionId(),
							this.calculator.cells(view)));
				}
			}
			return step.getExitStatus();
		}

	}

}
