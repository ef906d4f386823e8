package dev.vmodb.samples.marketplace.bench;

/**
 * A shop the bench runs: where it is built, how it starts, and which property fixes its embedded broker's port (so the
 * bench can measure what the shop logs).
 */
public enum Shop {

	/** The shop on vMODB: eight VMSs on the embedded broker. */
	VMODB("vMODB", "sample-apps/marketplace", "dev.vmodb.samples.marketplace.MarketplaceApplication",
			"vmodb.kafka.embedded.port"),

	/** The same shop the usual Spring way: Spring Kafka listeners and Spring Data JPA, no coordination. */
	BASELINE("baseline", "sample-apps/marketplace-baseline", "dev.vmodb.samples.baseline.BaselineApplication",
			"marketplace.kafka.port");

	private final String label;

	private final String module;

	private final String mainClass;

	private final String brokerPortProperty;

	Shop(String label, String module, String mainClass, String brokerPortProperty) {
		this.label = label;
		this.module = module;
		this.mainClass = mainClass;
		this.brokerPortProperty = brokerPortProperty;
	}

	/** The name the table shows. */
	public String label() {
		return this.label;
	}

	/** The module's directory from the project's root. */
	String module() {
		return this.module;
	}

	String mainClass() {
		return this.mainClass;
	}

	String brokerPortProperty() {
		return this.brokerPortProperty;
	}

}
