package org.hacktrail.platform.batch;

import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.hacktrail.platform.store.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs jobs on the cron schedules given in configuration
 * ({@code hacktrail.jobs.schedule.<job>=<cron>}). Each scheduled run is identified by its
 * slot (the firing minute): when several instances fire the same slot, the job
 * repository's unique job key lets exactly one of them run it.
 */
@Component
class JobSchedules {

	private static final Logger log = LoggerFactory.getLogger(JobSchedules.class);

	private final JobRunner runner;

	private final TaskScheduler scheduler;

	private final Settings settings;

	private final Clock clock;

	private final ObjectProvider<EmbeddedStore> embedded;

	JobSchedules(JobRunner runner, TaskScheduler scheduler, Settings settings, Clock clock,
			ObjectProvider<EmbeddedStore> embedded) {
		this.runner = runner;
		this.scheduler = scheduler;
		this.settings = settings;
		this.clock = clock;
		this.embedded = embedded;
	}

	/**
	 * @param schedule cron expressions by job name; a job without one runs only on demand
	 * @param zone time zone of the cron expressions
	 */
	@ConfigurationProperties("hacktrail.jobs")
	record Settings(@DefaultValue Map<String, String> schedule, @DefaultValue("Asia/Taipei") ZoneId zone) {
	}

	// First of the start-up listeners: orphans are recovered before anything (e.g. a demo
	// data loader) launches a
	// run, or that run would be taken for an orphan.
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.embedded.getIfAvailable() != null) {
			// The embedded store serves exactly one instance: any run still marked
			// running was cut off by a crash.
			this.runner.recoverOrphans();
		}
		this.settings.schedule().forEach((jobName, cron) -> {
			this.runner.job(jobName);
			this.scheduler.schedule(() -> runScheduled(jobName), new CronTrigger(cron, this.settings.zone()));
			log.info("Job {} scheduled at '{}' ({})", jobName, cron, this.settings.zone());
		});
	}

	void runScheduled(String jobName) {
		String slot = this.clock.instant().truncatedTo(ChronoUnit.MINUTES).toString();
		try {
			this.runner.launch(this.runner.job(jobName),
					new JobParametersBuilder().addString("hacktrail.slot", slot).toJobParameters());
		}
		catch (RuntimeException ex) {
			log.error("Scheduled run of {} for slot {} could not start", jobName, slot, ex);
		}
	}

}
