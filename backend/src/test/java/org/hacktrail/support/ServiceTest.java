package org.hacktrail.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An end-to-end test of the running service on a random port, with the test beans of
 * {@link TestServices}. Every test so annotated shares one application context: add
 * nothing that changes it (properties, profiles, imports, nested configurations, mock or
 * spy beans) unless the test cannot do without a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestServices.class)
public @interface ServiceTest {

}
