package org.hacktrail.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The packages inside the judging module form layers: no two packages use each other
 * (directly or around a cycle); the base package is the small API the sub-packages share
 * and uses none of them; the methods ({@code ranking}, {@code assignment},
 * {@code pairwise}) are plain Java that uses nothing but the JDK, JSpecify and the base
 * package.
 *
 * <p>
 * Each package is its own slice, sub-packages included ({@code judging.(**)}, not
 * {@code judging.(*)..}): {@code ranking.service} and {@code assignment.service} sit
 * above {@code round} (they read rounds) while the methods sit below it (a round's rules
 * take the methods' defaults), so one slice per top-level package would call that
 * layering a cycle.
 */
class JudgingPackagesTests {

	static final String JUDGING = "org.hacktrail.judging";

	static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(JUDGING);

	@Test
	void noTwoJudgingPackagesUseEachOther() {
		packagesFreeOfCycles(JUDGING).check(MAIN);
	}

	@Test
	void theBasePackageUsesNoneOfItsSubPackages() {
		baseUsesNoSubPackage(JUDGING).check(MAIN);
	}

	@Test
	void theRankingAssignmentAndPairwiseMethodsArePlainJava() {
		plainJava(JUDGING, JUDGING + ".ranking").check(MAIN);
		plainJava(JUDGING, JUDGING + ".assignment").check(MAIN);
		plainJava(JUDGING, JUDGING + ".pairwise").check(MAIN);
	}

	/**
	 * The rules themselves: a fixture (test code, {@code architecture.layering}) whose
	 * base package uses a sub-package, whose sub-packages use each other, and whose
	 * "method" uses Spring fails each of them.
	 */
	@Test
	void eachRuleFailsOnAFixtureThatBreaksIt() {
		String fixture = "org.hacktrail.architecture.layering";
		JavaClasses classes = new ClassFileImporter().importPackages(fixture);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> packagesFreeOfCycles(fixture).check(classes))
			.withMessageContaining("Cycle detected")
			.withMessageContaining("layering.one.One")
			.withMessageContaining("layering.two.Two");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> baseUsesNoSubPackage(fixture).check(classes))
			.withMessageContaining("layering.Shared")
			.withMessageContaining("layering.one.One");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> plainJava(fixture, fixture + ".method").check(classes))
			.withMessageContaining("layering.method.Method")
			.withMessageContaining("org.springframework");
	}

	static ArchRule packagesFreeOfCycles(String base) {
		return slices().matching(base + ".(**)").should().beFreeOfCycles();
	}

	static ArchRule baseUsesNoSubPackage(String base) {
		return noClasses().that()
			.resideInAPackage(base)
			.should()
			.dependOnClassesThat(resideInAPackage(base + "..").and(not(resideInAPackage(base))));
	}

	static ArchRule plainJava(String base, String method) {
		return classes().that()
			.resideInAPackage(method)
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", base, method);
	}

}
