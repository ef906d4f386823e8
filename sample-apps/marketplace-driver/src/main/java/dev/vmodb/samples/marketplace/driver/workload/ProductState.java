package dev.vmodb.samples.marketplace.driver.workload;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A product as the driver knows it: its price and version from the {@code before} snapshot plus the driver's own
 * committed changes. At most one change of a product runs at a time, so the known price is exact, unless a change's
 * outcome is unknown: then the product is never changed again (its price and version are no longer known).
 */
public final class ProductState {

	private final long sellerId;

	private final long productId;

	private volatile BigDecimal price;

	private volatile long version;

	private volatile boolean uncertain;

	private final AtomicBoolean changing = new AtomicBoolean();

	public ProductState(long sellerId, long productId, BigDecimal price, long version) {
		this.sellerId = sellerId;
		this.productId = productId;
		this.price = price;
		this.version = version;
	}

	public long sellerId() {
		return this.sellerId;
	}

	public long productId() {
		return this.productId;
	}

	public BigDecimal price() {
		return this.price;
	}

	public long version() {
		return this.version;
	}

	/** Takes the product for a change; false if another slot is changing it or its state is uncertain. */
	boolean tryClaim() {
		return !this.uncertain && this.changing.compareAndSet(false, true);
	}

	void release() {
		this.changing.set(false);
	}

	/** A change committed: the new price and, for a replacement, the next version. */
	void changed(BigDecimal newPrice, boolean replacement) {
		this.price = newPrice;
		if (replacement) {
			this.version++;
		}
	}

	/** A change's outcome is unknown: stop changing this product. */
	void markUncertain() {
		this.uncertain = true;
	}

	boolean uncertain() {
		return this.uncertain;
	}

}
