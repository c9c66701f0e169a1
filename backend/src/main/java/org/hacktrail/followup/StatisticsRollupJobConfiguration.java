package org.hacktrail.followup;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.judging.AwardFacts;
import org.hacktrail.proposal.ProjectFacts;
import org.hacktrail.proposal.ProposalFacts;
import org.hacktrail.proposal.ProposalStatus;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code statisticsRollup}: recomputes every project's follow-up document, then the
 * statistics roll-up that statistics queries read.
 *
 * <ol>
 * <li>{@code projectTrailStep}: {@link ProjectTrailReader} over every project (projects
 * and milestones read bucket by bucket), {@link ProjectStateProcessor},
 * {@link ProjectStateWriter} — the full refresh that also repairs any follow-up document
 * a crash left stale, moves states with time (DORMANT), and stores each project's pitches
 * for the next step.</li>
 * <li>{@code statisticsRollupStep}: {@link RollupProposalReader} (every proposal's facts,
 * bucket by bucket), {@link RollupProposalProcessor} (funnel stages and awards of the
 * proposal; DRAFTs and DRAFT hackathons filtered out), {@link RollupWriter} (one
 * {@code $in} of follow-up documents per chunk for the projects' outcomes and pitches,
 * counted by {@link RollupCalculator}; both views stored when the step completes).</li>
 * </ol>
 * A roll-up is a sum over everything, so a failed run's second step starts over when
 * restarted (nothing is stored before it completes, and the previous roll-up stays until
 * then).
 */
@Configuration(proxyBeanMethods = false)
class StatisticsRollupJobConfiguration {

	/** Statuses that mean a proposal passed a review round. */
	static final Set<ProposalStatus> SHORTLISTED = EnumSet.of(ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
			ProposalStatus.OUTSTANDING, ProposalStatus.NOT_SELECTED);

	/** Phases in which a hackathon's results are public. */
	static final Set<HackathonPhase> PUBLISHED = EnumSet.of(HackathonPhase.RESULTS_PUBLISHED, HackathonPhase.FOLLOW_UP,
			HackathonPhase.ARCHIVED);

	@Bean
	Job statisticsRollup(JobRepository repository, Step projectTrailStep, Step statisticsRollupStep) {
		return new JobBuilder("statisticsRollup", repository).start(projectTrailStep)
			.next(statisticsRollupStep)
			.build();
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
	ProjectTrailReader projectTrailReader(MongoTemplate mongo, FollowUpStates states, ProjectFacts projects) {
		return new ProjectTrailReader(mongo, states, projects, ProjectTrailReader.Mode.ALL);
	}

	@Bean
	Step statisticsRollupStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			RollupProposalReader rollupProposalReader, RollupProposalProcessor rollupProposalProcessor,
			RollupWriter rollupWriter) {
		return new StepBuilder("statisticsRollupStep", repository).<ProposalFacts.Summary, RollupProposal>chunk(1000)
			.transactionManager(batchTransactionManager)
			.reader(rollupProposalReader)
			.processor(rollupProposalProcessor)
			.writer(rollupWriter)
			.listener(rollupWriter)
			.build();
	}

	@Bean
	@StepScope
	RollupProposalReader rollupProposalReader(ProposalFacts proposals) {
		return new RollupProposalReader(proposals);
	}

	@Bean
	@StepScope
	RollupProposalProcessor rollupProposalProcessor(HackathonFacts hackathons, AwardFacts awards) {
		return new RollupProposalProcessor(hackathons, awards);
	}

	@Bean
	@StepScope
	RollupWriter rollupWriter(MongoTemplate mongo, FollowUpStates states, Clock clock) {
		return new RollupWriter(mongo, states, clock);
	}

}
