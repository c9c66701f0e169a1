package org.hacktrail.followup;

import org.hacktrail.support.TestServices;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * What the outcome import tests that inject faults into a run share, in one application
 * context: chunks of 5 rows (so that a fault lands in the middle of a file), uploads of
 * at most 1 MB, and spies on the milestone store and the follow-up states, through which
 * a test makes a chosen chunk fail (Mockito resets them after each test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hacktrail.outcomes.import-chunk-size=5", "hacktrail.http.max-upload-body=1MB" })
@Import(TestServices.class)
abstract class OutcomeImportFaultTestSupport extends OutcomeImportTestSupport {

	@MockitoSpyBean
	MilestoneStore store;

	@MockitoSpyBean
	FollowUpStates states;

}
