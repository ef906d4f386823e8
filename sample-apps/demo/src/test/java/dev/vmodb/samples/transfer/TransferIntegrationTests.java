package dev.vmodb.samples.transfer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.core.api.VmsClient;

/**
 * Three VMSs in one application on its embedded broker: 10,000 concurrent transfers whose DAG fans out
 * (accounts → ledger and audit) and joins (audit takes both branches), checked for conservation, TID-order
 * application, serializability and snapshot consistency.
 */
class TransferIntegrationTests {

	static final int TRANSFERS = Integer.getInteger("transfers", 10_000);

	@Test
	void concurrentCrossServiceTransfersAreSerializableAndAtomic() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TransferApplications.AllVms.class)
			.properties("vmodb.application-name=transfer-single", "spring.main.banner-mode=off",
					"logging.level.org.apache.kafka=warn", "logging.level.kafka=warn", "logging.level.org.hibernate=warn")
			.run()) {
			SnapshotAuditor.Repositories repositories = Contexts.repositories(context, context);
			TransferScenario scenario = new TransferScenario(context.getBean(VmsClient.class), repositories,
					context.getBean(VmsRuntimes.class).all());
			TransferChecks.verify(scenario.run(TRANSFERS), repositories, TRANSFERS, Contexts.checkpointedDatabases(context));
		}
	}

}
