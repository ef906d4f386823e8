package dev.vmodb.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The core is the Spring-free engine: it must not depend on Spring, Hibernate, Kafka, JPA or Bean Validation, so
 * that every adapter module depends on it and never the other way round.
 */
class CoreArchitectureTests {

	private static final String[] FRAMEWORKS = { "org.springframework..", "org.hibernate..", "org.apache.kafka..",
			"jakarta.persistence..", "jakarta.validation.." };

	private static ArchRule coreMustNotUse(String... packages) {
		return noClasses().that()
			.resideInAPackage("dev.vmodb.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages)
			.because("vmodb-core is the framework-free engine the adapter modules build on");
	}

	@Test
	void coreDependsOnNoFrameworks() {
		JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackagesOf(CoreArchitectureTests.class);
		assertThat(core.size()).as("main classes of the core were imported").isGreaterThan(30);
		coreMustNotUse(FRAMEWORKS).check(core);
	}

	@Test
	void ruleDetectsADependency() {
		// the same rule over the core's tests, which do use JUnit, must fail: the rule is not vacuous
		JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackagesOf(CoreArchitectureTests.class);
		assertThatThrownBy(() -> coreMustNotUse("org.junit..").check(tests)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("org.junit");
	}

}
