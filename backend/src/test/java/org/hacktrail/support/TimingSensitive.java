package org.hacktrail.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test whose figures are times or whose children race the clock (SIGKILL and crash
 * tests, the soak, fail-closed, file size, outage, several instances): the build runs
 * these alone in one JVM after the others, which run two JVMs at once (see the surefire
 * executions in {@code backend/pom.xml}), so that they do not share the CPU with another
 * test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("timing")
public @interface TimingSensitive {

}
