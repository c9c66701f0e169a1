package org.hacktrail.architecture.layering;

import org.hacktrail.architecture.layering.one.One;

/** Fixture: a base package that uses one of its sub-packages. */
public final class Shared {

	private Shared() {
	}

	public static String name() {
		return One.class.getSimpleName();
	}

}
