package org.hacktrail.architecture;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.architecture.fixture.FixtureApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The modules of Hacktrail (the packages directly under {@code org.hacktrail}) depend on
 * each other only through each other's API (the module's base package, or a package it
 * names as an interface), and never in a cycle.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(HacktrailApplication.class);

	@Test
	void modulesReachEachOtherOnlyThroughTheirApiAndWithoutCycles() {
		MODULES.verify();
	}

	/**
	 * The check itself: a module that reaches into another's internals fails it, naming
	 * the reach.
	 */
	@Test
	void aReachIntoAnotherModulesInternalsFailsTheCheck() {
		assertThatExceptionOfType(Violations.class)
			// The fixture lives with the tests, which a plain import leaves out.
			.isThrownBy(() -> ApplicationModules.of(FixtureApplication.class, (location) -> true).verify())
			.withMessageContaining("Module 'judges' depends on non-exposed type")
			.withMessageContaining("teams.internal.TeamStore");
	}

}
