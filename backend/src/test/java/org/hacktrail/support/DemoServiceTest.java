package org.hacktrail.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test of the running service in the demo profile (personas, demo data) on
 * a random port, with the test beans of {@link TestServices}. Every test so annotated
 * shares one application context: add nothing that changes it (properties, profiles,
 * imports, nested configurations, mock or spy beans) unless the test cannot do without a
 * context of its own.
 *
 * <p>
 * The browser tests keep the context they had (demo profile, the web panel served from
 * the web module's build when there is one), so that they run on fresh demo data as
 * before.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(TestServices.class)
public @interface DemoServiceTest {

}
