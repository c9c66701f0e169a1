package org.hacktrail.architecture.layering.one;

import org.hacktrail.architecture.layering.two.Two;

/** Fixture: uses {@link Two}, which uses it back. */
public record One(Two two) {
}
