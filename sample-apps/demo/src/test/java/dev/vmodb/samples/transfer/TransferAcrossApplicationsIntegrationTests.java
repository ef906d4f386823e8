package dev.vmodb.samples.transfer;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.runtime.VmsRuntime;
import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The same transfers with the VMSs in two applications (separate contexts) sharing one broker: accounts and the
 * coordinator in one, ledger and audit in the other. Events cross between them only through the log.
 */
class TransferAcrossApplicationsIntegrationTests {

	static final int TRANSFERS = 10_000;

	@Test
	void transfersAcrossTwoApplicationsAreSerializableAndAtomic() throws Exception {
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults());
				ConfigurableApplicationContext ledgerAndAudit = start(TransferApplications.LedgerAndAudit.class, broker,
						"vmodb.coordinator.enabled=false");
				ConfigurableApplicationContext accounts = start(TransferApplications.AccountsOnly.class, broker,
						"vmodb.coordinator.expected-vms=ledger,audit")) {
			SnapshotAuditor.Repositories repositories = Contexts.repositories(accounts, ledgerAndAudit);
			List<VmsRuntime> runtimes = new ArrayList<>(accounts.getBean(VmsRuntimes.class).all());
			runtimes.addAll(ledgerAndAudit.getBean(VmsRuntimes.class).all());
			TransferScenario scenario = new TransferScenario(accounts.getBean(VmsClient.class), repositories, runtimes);
			TransferChecks.verify(scenario.run(TRANSFERS), repositories, TRANSFERS,
					Contexts.checkpointedDatabases(accounts, ledgerAndAudit));
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, EmbeddedKafkaBroker broker,
			String roleProperty) {
		return new SpringApplicationBuilder(application)
			.properties("vmodb.kafka.bootstrap-servers=" + broker.bootstrapServers(), "vmodb.application-name=transfer-split",
					roleProperty, "spring.main.banner-mode=off", "logging.level.org.apache.kafka=warn",
					"logging.level.kafka=warn", "logging.level.org.hibernate=warn")
			.run();
	}

}
