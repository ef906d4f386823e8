package dev.vmodb.samples.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.vmodb.samples.demo.accounts.AccountRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the demo on a small scale and checks its invariants on the committed state.
 */
@SpringBootTest(properties = { "demo.accounts=50", "demo.transactions=3000", "demo.in-flight=64" })
class DemoApplicationIntegrationTests {

	@Autowired
	private DemoRunner runner;

	@Autowired
	private AccountRepository accounts;

	@Test
	void everyTransactionHasAnOutcomeAndMoneyIsConserved() {
		DemoRunner.Report report = this.runner.report();
		assertThat(report.committed() + report.aborted()).isEqualTo(3000);
		assertThat(report.committed()).isPositive();
		assertThat(report.committedTotal()).isEqualTo(report.expectedTotal());
		assertThat(this.accounts.count()).isEqualTo(50);
		assertThat(this.accounts.findAll()).allSatisfy(account -> assertThat(account.getBalance()).isNotNegative());
	}

}
