package dev.vmodb.samples.marketplace.audit;

/**
 * A product's identity: product ids count per seller, so the pair names one product (and its stock item, replica).
 */
record ProductKey(long sellerId, long productId) {

	@Override
	public String toString() {
		return this.sellerId + "/" + this.productId;
	}

}
