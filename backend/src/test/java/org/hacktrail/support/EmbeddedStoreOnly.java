package org.hacktrail.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of the embedded store itself (its file, commits, crashes, outages) that starts
 * one of its own: {@code scripts/test --store-only}, which runs the store-touching tests
 * against a real MongoDB, leaves it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("embedded-only")
public @interface EmbeddedStoreOnly {

}
