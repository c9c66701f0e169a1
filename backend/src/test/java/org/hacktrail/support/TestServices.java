package org.hacktrail.support;

import org.hacktrail.architecture.OwnershipRecording;
import org.hacktrail.followup.FollowUpTestConfiguration;
import org.hacktrail.platform.batch.CountingJobConfiguration;
import org.hacktrail.team.TeamTestConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Every test bean of the end-to-end tests, in one configuration so that all of them
 * ({@link ServiceTest}, {@link DemoServiceTest}) share one application context per
 * profile instead of starting the service once per set of beans. Each bean only observes
 * or stands in for the outside world and changes nothing until a test asks it to: the
 * store command recorders, the team tests' clock and mailer, the follow-up tests'
 * notifier and repository API stub, the batch tests' counting job.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ StoreCommandsConfiguration.class, TeamTestConfiguration.class, FollowUpTestConfiguration.class,
		CountingJobConfiguration.class, OwnershipRecording.class })
public class TestServices {

}
