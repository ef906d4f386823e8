package dev.vmodb.jpa.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.schema.IntegrityViolationException;
import dev.vmodb.jpa.repository.sample.CartItem;
import dev.vmodb.jpa.repository.sample.CartItemId;
import dev.vmodb.jpa.repository.sample.CartItemRepository;
import dev.vmodb.jpa.repository.sample.OrderStatus;
import dev.vmodb.jpa.repository.sample.ShopOrder;
import dev.vmodb.jpa.repository.sample.ShopOrderRepository;
import dev.vmodb.jpa.repository.sample.StockId;
import dev.vmodb.jpa.repository.sample.StockItem;
import dev.vmodb.jpa.repository.sample.StockItemRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every supported query shape against a plain-Java reference over the same randomised data, on real Hibernate
 * mappings over H2 and a real versioned store. Set {@code -Dvmodb.test.seed=…} to replay a failing seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmsRepositoryQueryIntegrationTests {

	private static final int ORDERS = 4_000;

	private static final int SELLERS = 20;

	private static final int CUSTOMERS = 300;

	private static final String[] NOTE_WORDS = { "gift", "Gift", "fragile", "FRAGILE", "door", "back_door", "50%off",
			"call me", "Leave at door" };

	private static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);

	private long seed;

	private Random random;

	private ShopFixture shop;

	private VmsRepositoryFactory factory;

	private ShopOrderRepository orders;

	private CartItemRepository carts;

	private StockItemRepository stock;

	private List<ShopOrder> orderReference;

	private List<CartItem> cartReference;

	private List<StockItem> stockReference;

	@BeforeAll
	void load() {
		this.seed = Long.getLong("vmodb.test.seed", System.nanoTime());
		System.out.println(getClass().getSimpleName() + " seed: " + this.seed);
		this.random = new Random(this.seed);
		this.shop = ShopFixture.create();
		this.factory = new VmsRepositoryFactory(this.shop.catalog);
		this.orders = this.factory.getRepository(ShopOrderRepository.class);
		this.carts = this.factory.getRepository(CartItemRepository.class);
		this.stock = this.factory.getRepository(StockItemRepository.class);
		this.orderReference = randomOrders(this.random, ORDERS);
		this.cartReference = randomCartItems(this.random);
		this.stockReference = randomStock(this.random);
		long lastTid = writeInChunks(this.shop, 1, 1, this.orderReference, this.orders::saveAll);
		lastTid = writeInChunks(this.shop, lastTid + 1, 1, this.cartReference, this.carts::saveAll);
		lastTid = writeInChunks(this.shop, lastTid + 1, 1, this.stockReference, this.stock::saveAll);
		this.shop.store.commit(1, lastTid);
	}

	@AfterAll
	void close() {
		this.shop.close();
	}

	@Test
	void equalityConditionsThatCoverTheKeyOrAnIndexUseIt() {
		assertThat(paths(ShopOrderRepository.class, "findBySellerId")).containsExactly("index shop_orders_seller_idx (seller_id)");
		assertThat(paths(ShopOrderRepository.class, "findBySellerIdAndStatus"))
			.containsExactly("index shop_orders_seller_status_idx (seller_id, status)");
		assertThat(paths(ShopOrderRepository.class, "findByStatusAndSellerId"))
			.containsExactly("index shop_orders_seller_status_idx (seller_id, status)");
		assertThat(paths(ShopOrderRepository.class, "existsBySellerIdAndStatus"))
			.containsExactly("index shop_orders_seller_status_idx (seller_id, status)");
		assertThat(paths(ShopOrderRepository.class, "findBySellerIdAndQuantityGreaterThan"))
			.containsExactly("index shop_orders_seller_idx (seller_id)");
		assertThat(paths(ShopOrderRepository.class, "findByIdAndSellerId")).containsExactly("primary key (id)");
		assertThat(paths(ShopOrderRepository.class, "readById")).containsExactly("primary key (id)");
		assertThat(paths(ShopOrderRepository.class, "findBySellerIdOrCustomerId"))
			.containsExactly("index shop_orders_seller_idx (seller_id)", "full scan");
		assertThat(paths(ShopOrderRepository.class, "findBySellerIdAndStatusOrSellerIdAndExpressTrue")).containsExactly(
				"index shop_orders_seller_status_idx (seller_id, status)", "index shop_orders_seller_idx (seller_id)");
		assertThat(paths(ShopOrderRepository.class, "findByIdIn")).containsExactly("primary key (id) per id in");
		assertThat(paths(ShopOrderRepository.class, "findByCustomerId")).containsExactly("full scan");
		// BigDecimal equality ignores scale, so it is never answered by a hash lookup
		assertThat(paths(ShopOrderRepository.class, "findByPrice")).containsExactly("full scan");
		assertThat(paths(ShopOrderRepository.class, "findByNoteIgnoreCase")).containsExactly("full scan");
		assertThat(paths(CartItemRepository.class, "findByCustomerIdAndSellerIdAndProductId")).singleElement()
			.asString().startsWith("primary key (").contains("customer_id", "seller_id", "product_id");
		assertThat(paths(CartItemRepository.class, "findByCustomerIdAndSellerIdAndProductIdIn")).singleElement()
			.asString().startsWith("primary key (").endsWith(") per product_id in");
		assertThat(paths(CartItemRepository.class, "findBySellerId")).containsExactly("index cart_items_seller_idx (seller_id)");
		assertThat(paths(CartItemRepository.class, "findBySellerIdAndCustomerId"))
			.containsExactly("index cart_items_seller_idx (seller_id)");
		assertThat(paths(CartItemRepository.class, "findByCustomerIdOrderBySellerIdAscProductIdAsc"))
			.containsExactly("full scan");
		assertThat(paths(StockItemRepository.class, "findByIdSellerIdAndIdProductId")).singleElement().asString()
			.startsWith("primary key (");
		assertThat(paths(StockItemRepository.class, "findByIdProductId"))
			.containsExactly("index stock_items_product_idx (product_id)");
		assertThat(paths(StockItemRepository.class, "findById_SellerId")).containsExactly("full scan");
		assertThat(this.factory.planOf(ShopOrderRepository.class, "findBySellerIdAndQuantityGreaterThan"))
			.hasToString("shop_orders: index shop_orders_seller_idx (seller_id) where quantity greater than");
	}

	@Test
	void equalityQueriesMatchTheReference() {
		for (long seller = 0; seller <= SELLERS + 1; seller++) {
			long s = seller;
			assertThat(ids(this.orders.findBySellerId(s))).isEqualTo(reference(o -> o.getSellerId() == s));
			for (OrderStatus status : OrderStatus.values()) {
				List<Long> expected = reference(o -> o.getSellerId() == s && o.getStatus() == status);
				assertThat(ids(this.orders.findBySellerIdAndStatus(s, status))).isEqualTo(expected);
				assertThat(ids(this.orders.findByStatusAndSellerId(status, (int) s))).isEqualTo(expected);
				assertThat(this.orders.existsBySellerIdAndStatus(s, status)).isEqualTo(!expected.isEmpty());
			}
			int quantity = this.random.nextInt(50);
			assertThat(ids(this.orders.findBySellerIdAndQuantityGreaterThan(s, quantity)))
				.isEqualTo(reference(o -> o.getSellerId() == s && o.getQuantity() > quantity));
			assertThat(this.orders.countBySellerId(s)).isEqualTo(reference(o -> o.getSellerId() == s).size());
		}
		for (int i = 0; i < 50; i++) {
			int customer = this.random.nextInt(CUSTOMERS + 2);
			assertThat(ids(this.orders.findByCustomerId(customer))).isEqualTo(reference(o -> o.getCustomerId() == customer));
			long id = this.random.nextInt(ORDERS + 2);
			Optional<ShopOrder> order = byId(id);
			assertThat(this.orders.readById(id)).usingRecursiveComparison().isEqualTo(order.orElse(null));
			long seller = this.random.nextInt(SELLERS) + 1;
			assertThat(ids(this.orders.findByIdAndSellerId(id, seller).stream().toList()))
				.isEqualTo(ids(order.filter(o -> o.getSellerId() == seller).stream().toList()));
		}
	}

	@Test
	void orBranchesAreUnitedWithoutDuplicates() {
		for (int i = 0; i < 30; i++) {
			long seller = this.random.nextInt(SELLERS) + 1;
			long other = this.random.nextInt(SELLERS) + 1;
			long customer = this.random.nextInt(CUSTOMERS) + 1;
			OrderStatus status = randomStatus();
			assertThat(ids(this.orders.findBySellerIdOrCustomerId(seller, customer)))
				.isEqualTo(reference(o -> o.getSellerId() == seller || o.getCustomerId() == customer));
			assertThat(this.orders.countBySellerIdOrCustomerId(seller, customer))
				.isEqualTo(reference(o -> o.getSellerId() == seller || o.getCustomerId() == customer).size());
			// half the time the same seller in both branches: rows matching both come back once
			long second = (i % 2 == 0) ? seller : other;
			assertThat(ids(this.orders.findBySellerIdAndStatusOrSellerIdAndExpressTrue(seller, status, second)))
				.isEqualTo(reference(o -> (o.getSellerId() == seller && o.getStatus() == status)
						|| (o.getSellerId() == second && o.isExpress())));
		}
	}

	@Test
	void comparisonKeywordsMatchTheReference() {
		for (int i = 0; i < 20; i++) {
			OrderStatus status = randomStatus();
			assertThat(ids(this.orders.findByStatusNot(status))).isEqualTo(reference(o -> o.getStatus() != status));
			BigDecimal a = randomPrice();
			BigDecimal b = randomPrice();
			BigDecimal low = a.min(b);
			BigDecimal high = a.max(b);
			// a scale the rows do not use: comparisons are by value, as in SQL
			assertThat(ids(this.orders.findByPriceBetween(low.setScale(4), high.setScale(3))))
				.isEqualTo(reference(o -> o.getPrice().compareTo(low) >= 0 && o.getPrice().compareTo(high) <= 0));
			BigDecimal existing = this.orderReference.get(this.random.nextInt(ORDERS)).getPrice();
			assertThat(ids(this.orders.findByPrice(existing.setScale(5))))
				.isEqualTo(reference(o -> o.getPrice().compareTo(existing) == 0)).isNotEmpty();
			int quantity = this.random.nextInt(52) - 1;
			assertThat(ids(this.orders.findByPriceGreaterThanEqualAndQuantityLessThan(a, quantity)))
				.isEqualTo(reference(o -> o.getPrice().compareTo(a) >= 0 && o.getQuantity() < quantity));
			assertThat(ids(this.orders.findByQuantityLessThanEqual(quantity)))
				.isEqualTo(reference(o -> o.getQuantity() <= quantity));
			assertThat(ids(this.orders.findByQuantityGreaterThan(quantity)))
				.isEqualTo(reference(o -> o.getQuantity() > quantity));
			LocalDate date = EPOCH.plusDays(this.random.nextInt(370) - 2);
			assertThat(ids(this.orders.findByCreatedOnBefore(date))).isEqualTo(reference(o -> o.getCreatedOn().isBefore(date)));
			assertThat(ids(this.orders.findByCreatedOnAfter(date))).isEqualTo(reference(o -> o.getCreatedOn().isAfter(date)));
		}
	}

	@Test
	void inNullAndBooleanKeywordsMatchTheReference() {
		for (int i = 0; i < 20; i++) {
			Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
			int n = this.random.nextInt(4);
			for (int k = 0; k < n; k++) {
				statuses.add(randomStatus());
			}
			assertThat(ids(this.orders.findByStatusIn(statuses))).isEqualTo(reference(o -> statuses.contains(o.getStatus())));
			List<Long> sellers = LongStream.range(0, this.random.nextInt(6)).map(k -> this.random.nextInt(SELLERS) + 1)
				.boxed().toList();
			assertThat(ids(this.orders.findBySellerIdNotIn(sellers)))
				.isEqualTo(reference(o -> !sellers.contains(o.getSellerId())));
			Set<Integer> orderIds = new HashSet<>();
			for (int k = 0; k < 10; k++) {
				orderIds.add(this.random.nextInt(ORDERS + 5));
			}
			assertThat(ids(this.orders.findByIdIn(orderIds)))
				.isEqualTo(reference(o -> orderIds.contains(o.getId().intValue())));
		}
		assertThat(ids(this.orders.findByNoteIsNull())).isEqualTo(reference(o -> o.getNote() == null)).isNotEmpty();
		assertThat(ids(this.orders.findByNoteIsNotNull())).isEqualTo(reference(o -> o.getNote() != null)).isNotEmpty();
		assertThat(ids(this.orders.findByExpressTrue())).isEqualTo(reference(ShopOrder::isExpress));
		assertThat(ids(this.orders.findByExpressFalse())).isEqualTo(reference(o -> !o.isExpress()));
	}

	@Test
	void stringKeywordsMatchTheReference() {
		for (String word : NOTE_WORDS) {
			assertThat(ids(this.orders.findByNoteStartingWith(word)))
				.isEqualTo(reference(o -> o.getNote() != null && o.getNote().startsWith(word)));
			assertThat(ids(this.orders.findByNoteEndingWith(word)))
				.isEqualTo(reference(o -> o.getNote() != null && o.getNote().endsWith(word)));
			assertThat(ids(this.orders.findByNoteContaining(word)))
				.isEqualTo(reference(o -> o.getNote() != null && o.getNote().contains(word)));
			assertThat(ids(this.orders.findByNoteNotContaining(word)))
				.isEqualTo(reference(o -> o.getNote() != null && !o.getNote().contains(word)));
			String lower = word.toLowerCase();
			assertThat(ids(this.orders.findByNoteContainingIgnoreCase(word.toUpperCase())))
				.isEqualTo(reference(o -> o.getNote() != null && o.getNote().toLowerCase().contains(lower)));
			assertThat(ids(this.orders.findByNoteStartingWithAllIgnoreCase(word.toUpperCase())))
				.isEqualTo(reference(o -> o.getNote() != null && o.getNote().toLowerCase().startsWith(lower)));
		}
		String note = this.orderReference.stream().map(ShopOrder::getNote).filter(n -> n != null).findFirst().orElseThrow();
		assertThat(ids(this.orders.findByNoteIgnoreCase(note.toUpperCase())))
			.isEqualTo(reference(o -> note.equalsIgnoreCase(o.getNote()))).isNotEmpty();
		assertThat(this.orders.existsByNote(note)).isTrue();
		assertThat(this.orders.existsByNote(note + "?")).isFalse();
		// LIKE: % and _ are wildcards, a backslash escapes them
		assertThat(ids(this.orders.findByNoteLike("gift%"))).isEqualTo(reference(o -> o.getNote() != null && o.getNote().startsWith("gift")));
		assertThat(ids(this.orders.findByNoteLike("%d_or%")))
			.isEqualTo(reference(o -> o.getNote() != null && o.getNote().matches("(?s).*d.or.*")));
		assertThat(ids(this.orders.findByNoteLike("%back\\_door%")))
			.isEqualTo(reference(o -> o.getNote() != null && o.getNote().contains("back_door"))).isNotEmpty();
		assertThat(ids(this.orders.findByNoteLike("%50\\%off%")))
			.isEqualTo(reference(o -> o.getNote() != null && o.getNote().contains("50%off"))).isNotEmpty();
		assertThat(ids(this.orders.findByNoteNotLike("%door%")))
			.isEqualTo(reference(o -> o.getNote() != null && !o.getNote().contains("door")));
	}

	@Test
	void orderingAndLimitsMatchTheReference() {
		Comparator<ShopOrder> byPriceDesc = Comparator.comparing(ShopOrder::getPrice).reversed();
		for (long seller = 1; seller <= SELLERS; seller++) {
			long s = seller;
			assertThat(ids(this.orders.findBySellerIdOrderByPriceDesc(s)))
				.isEqualTo(reference(o -> o.getSellerId() == s, byPriceDesc));
			assertThat(ids(this.orders.findFirstBySellerIdOrderByPriceDesc(s).stream().toList()))
				.isEqualTo(reference(o -> o.getSellerId() == s, byPriceDesc).subList(0, 1));
			Sort sort = Sort.by(Sort.Order.asc("quantity"), Sort.Order.desc("createdOn"));
			assertThat(ids(this.orders.findAllBySellerId(s, sort))).isEqualTo(reference(o -> o.getSellerId() == s,
					Comparator.comparing(ShopOrder::getQuantity).thenComparing(ShopOrder::getCreatedOn, Comparator.reverseOrder())));
			assertThat(ids(this.orders.findAllBySellerId(s, Sort.unsorted()))).isEqualTo(reference(o -> o.getSellerId() == s));
		}
		for (OrderStatus status : OrderStatus.values()) {
			Comparator<ShopOrder> byDateThenPriceDesc = Comparator.comparing(ShopOrder::getCreatedOn)
				.thenComparing(ShopOrder::getPrice, Comparator.reverseOrder());
			assertThat(ids(this.orders.findByStatusOrderByCreatedOnAscPriceDesc(status)))
				.isEqualTo(reference(o -> o.getStatus() == status, byDateThenPriceDesc));
			assertThat(ids(this.orders.findTop5ByStatusOrderByCreatedOnAsc(status)))
				.isEqualTo(reference(o -> o.getStatus() == status, Comparator.comparing(ShopOrder::getCreatedOn)).subList(0, 5));
		}
		assertThat(this.orders.findTopByOrderByPriceDescIdDesc().getId()).isEqualTo(reference(o -> true,
				byPriceDesc.thenComparing(ShopOrder::getId, Comparator.reverseOrder())).get(0));
		long customer = CUSTOMERS / 2;
		assertThat(ids(this.orders.findByCustomerIdLessThan(customer, Limit.of(7))))
			.isEqualTo(reference(o -> o.getCustomerId() < customer).subList(0, 7));
		assertThat(ids(this.orders.findByCustomerIdLessThan(customer, Limit.unlimited())))
			.isEqualTo(reference(o -> o.getCustomerId() < customer));
	}

	@Test
	void pagesAndSlicesMatchTheReference() {
		for (OrderStatus status : OrderStatus.values()) {
			List<Long> expected = reference(o -> o.getStatus() == status);
			List<Long> seen = new ArrayList<>();
			Pageable pageable = PageRequest.of(0, 37);
			Page<ShopOrder> page;
			do {
				page = this.orders.findByStatus(status, pageable);
				assertThat(page.getTotalElements()).isEqualTo(expected.size());
				assertThat(page.getTotalPages()).isEqualTo((expected.size() + 36) / 37);
				seen.addAll(ids(page.getContent()));
				pageable = page.nextPageable();
			}
			while (page.hasNext());
			assertThat(seen).isEqualTo(expected);
			Page<ShopOrder> sorted = this.orders.findByStatus(status, PageRequest.of(2, 10, Sort.by("price").descending()));
			assertThat(ids(sorted.getContent())).isEqualTo(reference(o -> o.getStatus() == status,
					Comparator.comparing(ShopOrder::getPrice).reversed()).subList(20, 30));
			// a limiting query pages within its limit
			Page<ShopOrder> limited = this.orders.findTop30ByStatusOrderByPriceAsc(status, PageRequest.of(2, 12));
			List<Long> top30 = reference(o -> o.getStatus() == status, Comparator.comparing(ShopOrder::getPrice)).subList(0, 30);
			assertThat(limited.getTotalElements()).isEqualTo(30);
			assertThat(ids(limited.getContent())).isEqualTo(top30.subList(24, 30));
		}
		for (boolean express : new boolean[] { true, false }) {
			List<Long> expected = reference(o -> o.isExpress() == express);
			List<Long> seen = new ArrayList<>();
			Slice<ShopOrder> slice = this.orders.readByExpress(express, PageRequest.of(0, 250));
			seen.addAll(ids(slice.getContent()));
			while (slice.hasNext()) {
				slice = this.orders.readByExpress(express, slice.nextPageable());
				seen.addAll(ids(slice.getContent()));
			}
			assertThat(seen).isEqualTo(expected);
		}
		List<Long> bySeller = reference(o -> o.getSellerId() == 3);
		assertThat(ids(this.orders.queryBySellerId(3L, PageRequest.of(1, 5))))
			.isEqualTo(bySeller.subList(5, Math.min(10, bySeller.size())));
		assertThat(ids(this.orders.queryBySellerId(3L, Pageable.unpaged()))).isEqualTo(bySeller);
	}

	@Test
	void returnTypesFollowTheMethodSignature() {
		OrderStatus status = randomStatus();
		List<Long> expected = reference(o -> o.getStatus() == status);
		assertThat(ids(this.orders.streamBySellerId(4L).toList())).isEqualTo(reference(o -> o.getSellerId() == 4));
		assertThat(ids(this.orders.getByStatus(status))).isEqualTo(expected);
		assertThat(this.orders.countByStatus(status)).isEqualTo(expected.size());
		ShopOrder any = this.orderReference.get(this.random.nextInt(ORDERS));
		List<Long> sameSellerAndCustomer = reference(
				o -> o.getSellerId().equals(any.getSellerId()) && o.getCustomerId().equals(any.getCustomerId()));
		if (sameSellerAndCustomer.size() == 1) {
			assertThat(this.orders.getBySellerIdAndCustomerId(any.getSellerId(), any.getCustomerId()).getId())
				.isEqualTo(any.getId());
		}
		assertThat(this.orders.getBySellerIdAndCustomerId(SELLERS + 1L, 1L)).isNull();
		assertThat(this.orders.readById(ORDERS + 10L)).isNull();
		assertThat(this.orders.findFirstBySellerIdOrderByPriceDesc(SELLERS + 1L)).isEmpty();
		long seller = this.orderReference.get(0).getSellerId();
		assertThatThrownBy(() -> this.orders.getBySellerIdAndCustomerId(seller, findCustomerWithTwoOrdersAt(seller)))
			.isInstanceOf(IncorrectResultSizeDataAccessException.class).hasMessageContaining("getBySellerIdAndCustomerId");
	}

	@Test
	void crudReadsMatchTheReference() {
		assertThat(this.orders.count()).isEqualTo(ORDERS);
		assertThat(ids(this.orders.findAll())).isEqualTo(reference(o -> true));
		assertThat(ids(this.orders.findAll(Sort.by("sellerId", "price"))))
			.isEqualTo(reference(o -> true, Comparator.comparing(ShopOrder::getSellerId).thenComparing(ShopOrder::getPrice)));
		Page<ShopOrder> page = this.orders.findAll(PageRequest.of(3, 100, Sort.by(Sort.Direction.DESC, "createdOn")));
		assertThat(page.getTotalElements()).isEqualTo(ORDERS);
		assertThat(ids(page.getContent())).isEqualTo(reference(o -> true,
				Comparator.comparing(ShopOrder::getCreatedOn).reversed()).subList(300, 400));
		ShopOrder expected = this.orderReference.get(this.random.nextInt(ORDERS));
		assertThat(this.orders.findById(expected.getId())).get().usingRecursiveComparison().isEqualTo(expected);
		assertThat(this.orders.existsById(expected.getId())).isTrue();
		assertThat(this.orders.existsById(ORDERS + 1L)).isFalse();
		assertThat(ids(this.orders.findAllById(List.of(7L, 3L, ORDERS + 1L, 7L)))).containsExactly(7L, 3L);

		CartItem item = this.cartReference.get(this.random.nextInt(this.cartReference.size()));
		assertThat(this.carts.findById(item.id())).get().usingRecursiveComparison().isEqualTo(item);
		assertThat(this.carts.count()).isEqualTo(this.cartReference.size());
		StockItem stockItem = this.stockReference.get(this.random.nextInt(this.stockReference.size()));
		assertThat(this.stock.findById(stockItem.getId())).get().usingRecursiveComparison().isEqualTo(stockItem);
	}

	@Test
	void returnedEntitiesAreCopies() {
		ShopOrder first = this.orders.findById(1L).orElseThrow();
		first.setQuantity(first.getQuantity() + 1000);
		assertThat(this.orders.findById(1L).orElseThrow().getQuantity()).isEqualTo(first.getQuantity() - 1000);
		assertThat(this.orders.findById(1L).orElseThrow()).isNotSameAs(this.orders.findById(1L).orElseThrow());
	}

	@Test
	void compositeKeyQueriesMatchTheReference() {
		for (int i = 0; i < 40; i++) {
			CartItem item = this.cartReference.get(this.random.nextInt(this.cartReference.size()));
			assertThat(this.carts.findByCustomerIdAndSellerIdAndProductId(item.getCustomerId(), item.getSellerId(),
					item.getProductId())).get().usingRecursiveComparison().isEqualTo(item);
			assertThat(this.carts.findByCustomerIdAndSellerIdAndProductId(item.getCustomerId(), item.getSellerId(), 999L))
				.isEmpty();
			List<Long> products = List.of(item.getProductId(), 1L + this.random.nextInt(30), 1L + this.random.nextInt(30), 999L);
			assertThat(cartKeys(this.carts.findByCustomerIdAndSellerIdAndProductIdIn(item.getCustomerId(), item.getSellerId(),
					products))).isEqualTo(cartKeys(this.cartReference.stream()
						.filter(c -> c.getCustomerId().equals(item.getCustomerId()) && c.getSellerId().equals(item.getSellerId())
								&& products.contains(c.getProductId()))
						.sorted(Comparator.comparing(CartItem::getProductId)).toList()))
				.contains(item.id());
			Long customer = item.getCustomerId();
			Comparator<CartItem> bySellerAndProduct = Comparator.comparing(CartItem::getSellerId)
				.thenComparing(CartItem::getProductId);
			assertThat(cartKeys(this.carts.findByCustomerIdOrderBySellerIdAscProductIdAsc(customer)))
				.isEqualTo(cartKeys(this.cartReference.stream().filter(c -> c.getCustomerId().equals(customer))
					.sorted(bySellerAndProduct).toList()));
			Long seller = item.getSellerId();
			assertThat(cartKeys(this.carts.findBySellerId(seller))).containsExactlyInAnyOrderElementsOf(
					cartKeys(this.cartReference.stream().filter(c -> c.getSellerId().equals(seller)).toList()));
			assertThat(cartKeys(this.carts.findBySellerIdAndCustomerId(seller, customer))).containsExactlyInAnyOrderElementsOf(
					cartKeys(this.cartReference.stream()
						.filter(c -> c.getSellerId().equals(seller) && c.getCustomerId().equals(customer)).toList()));
			assertThat(this.carts.countByCustomerId(customer))
				.isEqualTo(this.cartReference.stream().filter(c -> c.getCustomerId().equals(customer)).count());

			StockItem stockItem = this.stockReference.get(this.random.nextInt(this.stockReference.size()));
			StockId id = stockItem.getId();
			assertThat(this.stock.findByIdSellerIdAndIdProductId(id.getSellerId(), id.getProductId())).get()
				.usingRecursiveComparison().isEqualTo(stockItem);
			assertThat(stockKeys(this.stock.findById_SellerId(id.getSellerId()))).containsExactlyInAnyOrderElementsOf(
					stockKeys(this.stockReference.stream().filter(s -> s.getId().getSellerId().equals(id.getSellerId())).toList()));
			assertThat(stockKeys(this.stock.findByIdProductId(id.getProductId()))).containsExactlyInAnyOrderElementsOf(
					stockKeys(this.stockReference.stream().filter(s -> s.getId().getProductId().equals(id.getProductId())).toList()));
			int qty = this.random.nextInt(100);
			assertThat(stockKeys(this.stock.findByQtyAvailableLessThanOrderByIdProductIdDesc(qty)))
				.containsExactlyElementsOf(stockKeys(this.stockReference.stream().filter(s -> s.getQtyAvailable() < qty)
					.sorted(Comparator.comparing((StockItem s) -> s.getId().getProductId()).reversed()
						.thenComparing(s -> s.getId().getSellerId()))
					.toList()));
		}
	}

	@Nested
	class Writes {

		private ShopFixture writeShop;

		private ShopOrderRepository writeOrders;

		private CartItemRepository writeCarts;

		private List<ShopOrder> written;

		private long lastTid;

		@BeforeEach
		void load() {
			this.writeShop = ShopFixture.create();
			VmsRepositoryFactory writeFactory = new VmsRepositoryFactory(this.writeShop.catalog);
			this.writeOrders = writeFactory.getRepository(ShopOrderRepository.class);
			this.writeCarts = writeFactory.getRepository(CartItemRepository.class);
			this.written = randomOrders(VmsRepositoryQueryIntegrationTests.this.random, 500);
			this.lastTid = writeInChunks(this.writeShop, 1, 1, this.written, this.writeOrders::saveAll);
			this.writeShop.store.commit(1, this.lastTid);
		}

		@AfterEach
		void close() {
			this.writeShop.close();
		}

		@Test
		void readsOutsideAHandlerSeeTheCommittedSnapshotOnly() {
			ShopOrder before = this.writeOrders.findById(42L).orElseThrow();
			long tid = this.lastTid + 1;
			this.writeShop.run(tid, 2, () -> {
				ShopOrder changed = this.writeOrders.findById(42L).orElseThrow();
				changed.setQuantity(before.getQuantity() + 7);
				changed.setStatus(OrderStatus.CANCELLED);
				this.writeOrders.save(changed);
				this.writeOrders.deleteById(43L);
			});
			// batch 2 is not committed: outside a handler nothing changed
			assertThat(this.writeOrders.findById(42L).orElseThrow().getQuantity()).isEqualTo(before.getQuantity());
			assertThat(this.writeOrders.existsById(43L)).isTrue();
			assertThat(this.writeOrders.count()).isEqualTo(500);
			assertThat(this.writeOrders.existsBySellerIdAndStatus(before.getSellerId(), OrderStatus.CANCELLED))
				.isEqualTo(this.written.stream().anyMatch(
						o -> o.getSellerId().equals(before.getSellerId()) && o.getStatus() == OrderStatus.CANCELLED));
			// a later transaction of the same batch sees the uncommitted write; an earlier one does not
			this.writeShop.run(tid + 1, 2, () -> {
				assertThat(this.writeOrders.findById(42L).orElseThrow().getQuantity()).isEqualTo(before.getQuantity() + 7);
				assertThat(this.writeOrders.existsById(43L)).isFalse();
				assertThat(ids(this.writeOrders.findBySellerIdAndStatus(before.getSellerId(), OrderStatus.CANCELLED)))
					.contains(42L);
			});
			this.writeShop.run(tid - 1, 1, () -> assertThat(this.writeOrders.findById(42L).orElseThrow().getQuantity())
				.isEqualTo(before.getQuantity()));
			this.writeShop.store.commit(2, tid + 1);
			assertThat(this.writeOrders.findById(42L).orElseThrow().getQuantity()).isEqualTo(before.getQuantity() + 7);
			assertThat(this.writeOrders.count()).isEqualTo(499);
		}

		@Test
		void writesOutsideAHandlerFail() {
			ShopOrder order = this.writeOrders.findById(1L).orElseThrow();
			assertThatThrownBy(() -> this.writeOrders.save(order)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("only inside a handler");
			assertThatThrownBy(() -> this.writeOrders.deleteById(1L)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("only inside a handler");
			assertThatThrownBy(() -> this.writeOrders.deleteBySellerId(1L)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("only inside a handler");
			assertThatThrownBy(() -> this.writeShop.inTransaction(this.lastTid + 1, 2, TransactionType.READ,
					() -> this.writeOrders.save(order)))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("READ");
		}

		@Test
		void integrityRulesAreEnforced() {
			ShopOrder order = this.writeOrders.findById(5L).orElseThrow();
			order.setQuantity(-1);
			assertThatThrownBy(() -> this.writeShop.run(this.lastTid + 1, 2, () -> this.writeOrders.save(order)))
				.isInstanceOf(IntegrityViolationException.class).hasMessageContaining("quantity");
			ShopOrder copy = this.writeOrders.findById(6L).orElseThrow();
			assertThatThrownBy(() -> this.writeShop.run(this.lastTid + 2, 2, () -> this.writeOrders.insert(copy)))
				.isInstanceOf(IntegrityViolationException.class).hasMessageContaining("duplicate primary key");
			ShopOrder absent = new ShopOrder(10_000L, 1L, 1L, OrderStatus.CREATED, BigDecimal.ONE, 1, null, false, EPOCH);
			assertThatThrownBy(() -> this.writeShop.run(this.lastTid + 3, 2, () -> this.writeOrders.update(absent)))
				.isInstanceOf(IntegrityViolationException.class);
			this.writeShop.run(this.lastTid + 4, 2, () -> {
				this.writeOrders.insert(absent);
				this.writeOrders.update(absent);
			});
			CartItem item = new CartItem(1L, 2L, 3L, 1, BigDecimal.TEN);
			this.writeShop.run(this.lastTid + 5, 2, () -> this.writeCarts.insert(item));
			assertThatThrownBy(() -> this.writeShop.run(this.lastTid + 6, 2,
					() -> this.writeCarts.insert(new CartItem(1L, 2L, 3L, 2, BigDecimal.ONE))))
				.isInstanceOf(IntegrityViolationException.class).hasMessageContaining("duplicate primary key");
			this.writeShop.store.commit(2, this.lastTid + 6);
			assertThat(this.writeOrders.existsById(10_000L)).isTrue();
			assertThat(this.writeCarts.findById(new CartItemId(1L, 2L, 3L))).get().extracting(CartItem::getQuantity)
				.isEqualTo(1);
		}

		@Test
		void derivedDeletesRemoveWhatTheyMatch() {
			long tid = this.lastTid + 1;
			long seller = this.written.get(0).getSellerId();
			long customer = this.written.get(1).getCustomerId();
			long deleted = this.writeShop.inTransaction(tid, 2, () -> this.writeOrders.deleteBySellerId(seller));
			assertThat(deleted).isEqualTo(this.written.stream().filter(o -> o.getSellerId() == seller).count()).isPositive();
			List<ShopOrder> removed = this.writeShop.inTransaction(tid + 1, 2,
					() -> this.writeOrders.removeByStatus(OrderStatus.PAID));
			assertThat(ids(removed)).isEqualTo(this.written.stream()
				.filter(o -> o.getSellerId() != seller && o.getStatus() == OrderStatus.PAID)
				.map(ShopOrder::getId).sorted().toList());
			this.writeShop.run(tid + 2, 2, () -> this.writeOrders.deleteByCustomerId(customer));
			this.writeShop.store.commit(2, tid + 2);
			List<Long> remaining = this.written.stream()
				.filter(o -> o.getSellerId() != seller && o.getStatus() != OrderStatus.PAID && o.getCustomerId() != customer)
				.map(ShopOrder::getId).sorted().toList();
			assertThat(ids(this.writeOrders.findAll())).isEqualTo(remaining);
			assertThat(this.writeOrders.countBySellerId(seller)).isZero();
			assertThat(this.writeOrders.findBySellerId(seller)).isEmpty();
			this.writeShop.run(tid + 3, 3, () -> this.writeOrders.deleteAll());
			this.writeShop.store.commit(3, tid + 3);
			assertThat(this.writeOrders.count()).isZero();
		}

	}

	// data

	private static List<ShopOrder> randomOrders(Random random, int count) {
		List<Long> ids = LongStream.rangeClosed(1, count).boxed().collect(Collectors.toCollection(ArrayList::new));
		Collections.shuffle(ids, random);
		List<ShopOrder> orders = new ArrayList<>(count);
		for (Long id : ids) {
			String note = (random.nextInt(5) == 0) ? null
					: NOTE_WORDS[random.nextInt(NOTE_WORDS.length)] + " " + NOTE_WORDS[random.nextInt(NOTE_WORDS.length)];
			orders.add(new ShopOrder(id, 1L + random.nextInt(SELLERS), 1L + random.nextInt(CUSTOMERS),
					OrderStatus.values()[random.nextInt(OrderStatus.values().length)],
					BigDecimal.valueOf(random.nextInt(10_000), 2), random.nextInt(50), note, random.nextBoolean(),
					EPOCH.plusDays(random.nextInt(365))));
		}
		return orders;
	}

	private static List<CartItem> randomCartItems(Random random) {
		Set<List<Long>> keys = new HashSet<>();
		List<CartItem> items = new ArrayList<>();
		while (items.size() < 2_000) {
			List<Long> key = List.of(1L + random.nextInt(100), 1L + random.nextInt(10), 1L + random.nextInt(30));
			if (keys.add(key)) {
				items.add(new CartItem(key.get(0), key.get(1), key.get(2), 1 + random.nextInt(5),
						BigDecimal.valueOf(random.nextInt(5_000), 2)));
			}
		}
		return items;
	}

	private static List<StockItem> randomStock(Random random) {
		List<StockItem> items = new ArrayList<>();
		for (long seller = 1; seller <= 10; seller++) {
			for (long product = 1; product <= 50; product++) {
				items.add(new StockItem(new StockId(seller, product), random.nextInt(100), "product " + product));
			}
		}
		Collections.shuffle(items, random);
		return items;
	}

	/** Writes entities in transactions of 100, one TID each, in one batch; returns the last TID used. */
	private static <T> long writeInChunks(ShopFixture shop, long firstTid, long batch, List<T> entities,
			Function<List<T>, ?> saveAll) {
		long tid = firstTid;
		for (int from = 0; from < entities.size(); from += 100, tid++) {
			List<T> chunk = entities.subList(from, Math.min(from + 100, entities.size()));
			shop.inTransaction(tid, batch, () -> saveAll.apply(chunk));
		}
		return tid - 1;
	}

	// reference

	private List<Long> reference(Predicate<ShopOrder> filter) {
		return reference(filter, (a, b) -> 0);
	}

	private List<Long> reference(Predicate<ShopOrder> filter, Comparator<ShopOrder> order) {
		return this.orderReference.stream().filter(filter).sorted(order.thenComparing(ShopOrder::getId))
			.map(ShopOrder::getId).toList();
	}

	private Optional<ShopOrder> byId(long id) {
		return this.orderReference.stream().filter(o -> o.getId() == id).findFirst();
	}

	private long findCustomerWithTwoOrdersAt(long seller) {
		return this.orderReference.stream().filter(o -> o.getSellerId() == seller)
			.collect(Collectors.groupingBy(ShopOrder::getCustomerId, Collectors.counting())).entrySet().stream()
			.filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey).findFirst()
			.orElseThrow(() -> new IllegalStateException("seed " + this.seed + ": no customer with two orders"));
	}

	private OrderStatus randomStatus() {
		return OrderStatus.values()[this.random.nextInt(OrderStatus.values().length)];
	}

	private BigDecimal randomPrice() {
		return BigDecimal.valueOf(this.random.nextInt(10_200) - 100, 2);
	}

	private List<String> paths(Class<?> repository, String method) {
		return this.factory.planOf(repository, method).accessPaths();
	}

	private static List<Long> ids(Iterable<ShopOrder> orders) {
		return StreamSupport.stream(orders.spliterator(), false).map(ShopOrder::getId).toList();
	}

	private static List<CartItemId> cartKeys(List<CartItem> items) {
		return items.stream().map(CartItem::id).toList();
	}

	private static List<StockId> stockKeys(List<StockItem> items) {
		return items.stream().map(StockItem::getId).toList();
	}

}
