package dev.vmodb.samples.marketplace.audit;

/**
 * The status values the criteria compare, as the benchmark names them.
 */
final class Statuses {

	static final String PACKAGE_SHIPPED = "SHIPPED";

	static final String PACKAGE_DELIVERED = "DELIVERED";

	static final String SHIPMENT_APPROVED = "APPROVED";

	static final String SHIPMENT_IN_PROGRESS = "DELIVERY_IN_PROGRESS";

	static final String SHIPMENT_CONCLUDED = "CONCLUDED";

	static final String ORDER_PAID = "PAYMENT_PROCESSED";

	static final String ORDER_DELIVERED = "DELIVERED";

	static final String ENTRY_OPEN = "OPEN";

	static final String ENTRY_DELIVERED = "DELIVERED";

	private Statuses() {
	}

}
