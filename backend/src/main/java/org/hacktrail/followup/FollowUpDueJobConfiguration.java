package org.hacktrail.followup;

import java.time.Clock;

import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.proposal.ProjectService;
import org.hacktrail.proposal.ProposalFacts;

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
 * {@code followUpDue}: opens a follow-up request for each project of every hackathon at
 * its current checkpoint (3, 6, 12 or 24 months after the event, see
 * {@link FollowUpCheckpoints}) and notifies the project's team leads.
 *
 * <p>
 * Never twice: a request's id is its natural key (project, hackathon, checkpoint) and is
 * inserted with {@code $setOnInsert}, so a second run, a restarted run or another
 * instance running the same slot finds it there and opens nothing. The notification is
 * recorded on the request ({@code notifiedAt}) after it is sent; a request left
 * un-notified by a crash is notified by the next run (at least once; twice only if the
 * process dies between sending and recording).
 *
 * <p>
 * {@code followUpDueStep}: {@link FollowUpDueReader} (due checkpoints, one hackathon's
 * projects at a time), {@link FollowUpDueProcessor}, {@link FollowUpDueWriter}.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpDueJobConfiguration {

	@Bean
	Job followUpDue(JobRepository repository, Step followUpDueStep) {
		return new JobBuilder("followUpDue", repository).start(followUpDueStep).build();
	}

	@Bean
	Step followUpDueStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			FollowUpDueReader followUpDueReader, FollowUpDueProcessor followUpDueProcessor,
			FollowUpDueWriter followUpDueWriter) {
		return new StepBuilder("followUpDueStep", repository).<DueCheckpoint, FollowUpRequest>chunk(100)
			.transactionManager(batchTransactionManager)
			.reader(followUpDueReader)
			.processor(followUpDueProcessor)
			.writer(followUpDueWriter)
			.build();
	}

	@Bean
	@StepScope
	FollowUpDueReader followUpDueReader(HackathonFacts hackathons, ProposalFacts proposals, FollowUpStates states,
			OutcomeSettings settings) {
		return new FollowUpDueReader(hackathons, proposals, states.today(), settings.yearlyFollowUp() ? states : null);
	}

	@Bean
	@StepScope
	FollowUpDueProcessor followUpDueProcessor(Clock clock) {
		return new FollowUpDueProcessor(clock);
	}

	@Bean
	@StepScope
	FollowUpDueWriter followUpDueWriter(MongoTemplate mongo, ProjectTeamLeads leads, FollowUpNotifier notifier,
			ProjectService projects, Clock clock) {
		return new FollowUpDueWriter(mongo, leads, notifier, projects, clock);
	}

}
