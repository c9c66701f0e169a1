package org.hacktrail.architecture.layering.two;

import org.hacktrail.architecture.layering.one.One;

/** Fixture: uses {@link One}, which uses it back. */
public record Two(One one) {
}
