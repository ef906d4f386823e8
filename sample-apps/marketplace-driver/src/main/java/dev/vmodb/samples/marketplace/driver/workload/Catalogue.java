package dev.vmodb.samples.marketplace.driver.workload;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.Interval;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot;
import dev.vmodb.samples.marketplace.driver.KeyDistribution;
import dev.vmodb.samples.marketplace.driver.shop.ShopUnavailableException;

/**
 * The shop's sellers, products and customers as the run starts, with the choosers over them. Sellers and products
 * follow the configured distribution (products indexed by seller, then product id); customers are chosen uniformly,
 * as the benchmark's driver does.
 */
public final class Catalogue {

	/**
	 * When the lines found in carts at the start were added: before every request of the run, which is all the audit
	 * asks of it (such a line is added again before its customer's next checkout anyway).
	 */
	private static final Interval BEFORE_THE_RUN = new Interval(Long.MIN_VALUE, Long.MIN_VALUE);

	/** Draws before a claim gives up, so a slot never spins on a crowded catalogue. */
	private static final int CLAIM_ATTEMPTS = 16;

	private final long[] sellers;

	private final List<ProductState> products;

	private final List<CustomerState> customers;

	private final KeyChooser sellerChooser;

	private final KeyChooser productChooser;

	private Catalogue(long[] sellers, List<ProductState> products, List<CustomerState> customers,
			KeyDistribution keys, double theta) {
		this.sellers = sellers;
		this.products = products;
		this.customers = customers;
		this.sellerChooser = KeyChooser.of(keys, sellers.length, theta);
		this.productChooser = KeyChooser.of(keys, products.size(), theta);
	}

	/**
	 * The catalogue of a snapshot: its active products (and their sellers) and its customers.
	 * @throws ShopUnavailableException when the shop has no product or no customer
	 */
	public static Catalogue of(ShopSnapshot snapshot, KeyDistribution keys, double theta) {
		List<ProductState> products = snapshot.products()
			.stream()
			.filter(ShopSnapshot.ProductRow::active)
			.sorted(Comparator.comparingLong(ShopSnapshot.ProductRow::sellerId)
				.thenComparingLong(ShopSnapshot.ProductRow::productId))
			.map((row) -> new ProductState(row.sellerId(), row.productId(), row.price(), row.version()))
			.toList();
		List<CustomerState> customers = snapshot.customers()
			.stream()
			.map(ShopSnapshot.CustomerRow::id)
			.sorted()
			.map(CustomerState::new)
			.toList();
		if (products.isEmpty() || customers.isEmpty()) {
			throw new ShopUnavailableException("the shop is empty (" + products.size() + " active products, "
					+ customers.size() + " customers): start it with marketplace.load=true on an empty state");
		}
		fillCarts(snapshot.cartItems(), products, customers);
		long[] sellers = products.stream().mapToLong(ProductState::sellerId).distinct().toArray();
		return new Catalogue(sellers, products, customers, keys, theta);
	}

	/**
	 * Starts the model of the carts from what they hold: lines of checkouts that aborted before this run (an aborted
	 * checkout leaves its cart as it was) are in the customer's next checkout. A customer whose cart holds a product
	 * that is not active is left out of the run: no add can refresh that line.
	 */
	private static void fillCarts(List<ShopSnapshot.CartItemRow> lines, List<ProductState> products,
			List<CustomerState> customers) {
		Map<Long, CustomerState> customersById = customers.stream()
			.collect(Collectors.toMap(CustomerState::id, Function.identity()));
		Map<String, ProductState> productsByKey = products.stream()
			.collect(Collectors.toMap((product) -> product.sellerId() + "/" + product.productId(), Function.identity()));
		for (ShopSnapshot.CartItemRow line : lines) {
			CustomerState customer = customersById.get(line.customerId());
			ProductState product = productsByKey.get(line.sellerId() + "/" + line.productId());
			if (customer == null) {
				continue;
			}
			if (product == null) {
				customer.retire();
				continue;
			}
			customer.added(product,
					new CartLine(line.sellerId(), line.productId(), line.quantity(), BEFORE_THE_RUN));
		}
	}

	public int sellerCount() {
		return this.sellers.length;
	}

	public int productCount() {
		return this.products.size();
	}

	public int customerCount() {
		return this.customers.size();
	}

	/** A seller by the distribution. */
	long seller(RandomGenerator random) {
		return this.sellers[this.sellerChooser.next(random)];
	}

	/** A product by the distribution, to put in a cart (no claim: carts do not change products). */
	ProductState product(RandomGenerator random) {
		return this.products.get(this.productChooser.next(random));
	}

	/** A product by the distribution that no other slot is changing, claimed; {@code null} if none was found. */
	ProductState claimProductToChange(RandomGenerator random) {
		for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
			ProductState product = product(random);
			if (product.tryClaim()) {
				return product;
			}
		}
		return null;
	}

	/** A customer with no transaction in flight, claimed; {@code null} if none was found. */
	CustomerState claimCustomer(RandomGenerator random) {
		for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
			CustomerState customer = this.customers.get(random.nextInt(this.customers.size()));
			if (customer.tryClaim()) {
				return customer;
			}
		}
		return null;
	}

}
