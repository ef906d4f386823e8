package dev.vmodb.samples.marketplace.driver.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.vmodb.samples.marketplace.audit.Journal.CartLine;

/**
 * A customer and the driver's model of its cart: the lines whose last add committed and that no checkout has
 * taken yet (an aborted checkout leaves them in the cart). Only the slot that claimed the customer touches the cart,
 * and never two slots at once, so a customer never has two transactions in flight.
 */
public final class CustomerState {

	private final long id;

	private final AtomicBoolean busy = new AtomicBoolean();

	private volatile boolean retired;

	private final Map<ProductState, CartLine> cart = new LinkedHashMap<>();

	public CustomerState(long id) {
		this.id = id;
	}

	public long id() {
		return this.id;
	}

	boolean tryClaim() {
		return !this.retired && this.busy.compareAndSet(false, true);
	}

	/** Frees the customer for the next checkout, unless it was retired. */
	void release() {
		if (!this.retired) {
			this.busy.set(false);
		}
	}

	/**
	 * An add or a checkout of this customer has an unknown outcome, so its cart is no longer known: it stays claimed
	 * for good.
	 */
	void retire() {
		this.retired = true;
	}

	/** The products in the cart, in the order they were first added. */
	List<ProductState> productsInCart() {
		return new ArrayList<>(this.cart.keySet());
	}

	boolean holds(ProductState product) {
		return this.cart.containsKey(product);
	}

	/** A line's add committed: it replaces the line of that product. */
	void added(ProductState product, CartLine line) {
		this.cart.put(product, line);
	}

	CartLine line(ProductState product) {
		return this.cart.get(product);
	}

	/** The cart as the checkout will take it. */
	List<CartLine> lines() {
		return List.copyOf(this.cart.values());
	}

	boolean cartEmpty() {
		return this.cart.isEmpty();
	}

	/** The checkout committed: the shop emptied the cart. */
	void checkedOut() {
		this.cart.clear();
	}

}
