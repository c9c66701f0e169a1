package org.hacktrail.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An end-to-end test of the service with the settings an operator gives it that change
 * what it answers: a bootstrap token, an open-data licence of its own and introspection
 * switched off ({@code HACKTRAIL_GRAPHQL_INTROSPECTION=false}). The tests of these
 * settings share this one application context.
 *
 * <p>
 * {@code ProductionSettingsTests} keeps a context of its own: it reads the service's JSON
 * log lines, and the logging configuration is the JVM's, set anew by every context that
 * starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hacktrail.bootstrap-token=" + DeployedServiceTest.BOOTSTRAP_TOKEN,
				"hacktrail.opendata.licence=ODC-By-1.0", "hacktrail.opendata.licence-url=https://example.org/odc-by",
				"hacktrail.opendata.attribution=Example Org", "HACKTRAIL_GRAPHQL_INTROSPECTION=false" })
@Import(TestServices.class)
public @interface DeployedServiceTest {

	/** {@code hacktrail.bootstrap-token}: the organizer service account's token. */
	String BOOTSTRAP_TOKEN = "bootstrap-secret-for-tests-0123456789";

}
