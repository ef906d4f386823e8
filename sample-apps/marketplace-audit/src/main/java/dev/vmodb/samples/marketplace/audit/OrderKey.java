package dev.vmodb.samples.marketplace.audit;

/**
 * An order's identity: order ids count per customer, so the pair names one order.
 */
record OrderKey(long customerId, long orderId) {

	@Override
	public String toString() {
		return "order " + this.customerId + "/" + this.orderId;
	}

}
