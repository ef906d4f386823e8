package dev.vmodb.samples.marketplace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.AddToCart;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CustomerCheckout;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;
import dev.vmodb.samples.marketplace.events.PaymentType;

/**
 * Drives the shop in tests: loads a small data set and submits its transactions.
 */
final class Shop {

	static final String GOOD_CARD = "4111111111111111";

	static final String DECLINED_CARD = "0000111122223333";

	private final VmsClient client;

	/** The highest TID of any answer so far: a snapshot for the invariants waits until every VMS has it. */
	private final AtomicLong highestTid = new AtomicLong();

	Shop(VmsClient client) {
		this.client = client;
	}

	long highestTid() {
		return this.highestTid.get();
	}

	/**
	 * Loads sellers 1..sellers, customers 1..customers and products 1..productsPerSeller of each seller, each with
	 * the given stock, priced 10 + product id and with freight 1.
	 */
	void load(int sellers, int customers, int productsPerSeller, int stock) {
		List<CompletableFuture<TransactionResult>> loads = new ArrayList<>();
		for (long seller = 1; seller <= sellers; seller++) {
			loads.add(submitted("ingest_seller", new IngestSeller(seller, "seller " + seller, "Copenhagen")));
			for (long product = 1; product <= productsPerSeller; product++) {
				loads.add(submitted("ingest_product", new IngestProduct(seller, product, "product " + product,
						"sku-" + seller + "-" + product, "toys", price(product), BigDecimal.ONE, stock)));
			}
		}
		for (long customer = 1; customer <= customers; customer++) {
			loads.add(submitted("ingest_customer",
					new IngestCustomer(customer, "first " + customer, "last " + customer, "Aarhus")));
		}
		CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).join();
	}

	/** Submits through the client and notes the TID its answer carries, committed or aborted. */
	private CompletableFuture<TransactionResult> submitted(String event, Record payload) {
		return this.client.submit(event, payload).whenComplete((result, failure) -> {
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			long tid = (result != null) ? result.tid()
					: (cause instanceof TransactionAbortedException aborted) ? aborted.tid() : 0;
			this.highestTid.accumulateAndGet(tid, Math::max);
		});
	}

	static BigDecimal price(long productId) {
		return BigDecimal.valueOf(10 + productId);
	}

	CompletableFuture<TransactionResult> add(long customer, long seller, long product, int quantity) {
		return submitted("add_to_cart", new AddToCart(customer, seller, product, quantity, BigDecimal.ZERO));
	}

	CompletableFuture<TransactionResult> checkout(long customer, String card) {
		return submitted("customer_checkout", new CustomerCheckout(customer, PaymentType.CREDIT_CARD, card, 1));
	}

	CompletableFuture<TransactionResult> submit(String event, Record payload) {
		return submitted(event, payload);
	}

	/** Waits for a transaction and returns its result, failing the test if it aborted. */
	static TransactionResult committed(CompletableFuture<TransactionResult> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("expected a commit", ex);
		}
	}

	/** Waits for a transaction and returns its abort, failing the test if it committed. */
	static TransactionAbortedException aborted(CompletableFuture<TransactionResult> future) {
		try {
			TransactionResult result = future.orTimeout(30, TimeUnit.SECONDS).join();
			throw new AssertionError("expected an abort, committed as TID " + result.tid());
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof TransactionAbortedException aborted) {
				return aborted;
			}
			throw new AssertionError("expected an abort", ex);
		}
	}

}
