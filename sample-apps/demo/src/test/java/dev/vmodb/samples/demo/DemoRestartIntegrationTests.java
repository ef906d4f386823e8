package dev.vmodb.samples.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.samples.demo.accounts.AccountRepository;
import dev.vmodb.samples.demo.accounts.DebitRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise for the main job: run with kept directories, run again, and the second run continues with
 * the first run's accounts and transfers instead of starting over.
 */
class DemoRestartIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void aSecondRunOnKeptStateContinuesWhereTheFirstStopped() {
		long debitsAfterFirst;
		long moneyAfterFirst;
		try (ConfigurableApplicationContext first = run()) {
			DemoRunner.Report report = first.getBean(DemoRunner.class).report();
			assertThat(report.committedTotal()).isEqualTo(report.expectedTotal());
			debitsAfterFirst = first.getBean(DebitRepository.class).count();
			moneyAfterFirst = report.committedTotal();
			assertThat(debitsAfterFirst).isPositive();
		}
		try (ConfigurableApplicationContext second = run()) {
			DemoRunner.Report report = second.getBean(DemoRunner.class).report();
			assertThat(second.getBean(AccountRepository.class).count()).as("accounts kept, none opened again")
				.isEqualTo(40);
			assertThat(report.committed()).as("transactions of the second run committed").isPositive();
			assertThat(report.committedTotal()).as("money conserved across both runs")
				.isEqualTo(report.expectedTotal())
				.isGreaterThanOrEqualTo(moneyAfterFirst);
			assertThat(second.getBean(DebitRepository.class).count()).as("transfers kept and numbered after them")
				.isGreaterThan(debitsAfterFirst);
		}
	}

	private ConfigurableApplicationContext run() {
		return new SpringApplicationBuilder(DemoApplication.class)
			.properties("demo.accounts=40", "demo.transactions=2000", "demo.in-flight=64",
					"vmodb.h2.directory=" + this.directory.resolve("h2"),
					"vmodb.kafka.embedded.log-directory=" + this.directory.resolve("kafka"))
			.run();
	}

}
