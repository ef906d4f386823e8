package dev.vmodb.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.client.TransactionClient;
import dev.vmodb.core.coordinator.BatchCoordinator;
import dev.vmodb.core.coordinator.BatchPolicy;
import dev.vmodb.core.metadata.VmsDefinitionReader;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.VmsManifest;
import dev.vmodb.core.tx.TransactionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction that comes back to a VMS it already ran at (orders → stock → orders, and orders → orders) while
 * later transactions wait there: the events a VMS holds back for packing must leave once its next step waits for an
 * event, or it waits for itself.
 */
class RoundTripDagTests {

	private static final int ORDERS = 2_000;

	public record Place(long order, long item) {
	}

	public record Reserve(long order, long item) {
	}

	public record Reserved(long order) {
	}

	public record Confirm(long order) {
	}

	public record Confirmed(long order) {
	}

	@VirtualMicroservice("orders")
	static class OrderService {

		private final VersionedTable orders;

		OrderService(VersionedStore store) {
			this.orders = store.table("orders");
		}

		@Inbound("place")
		@Outbound("reserve")
		public Reserve place(Place event) {
			this.orders.insert(TransactionContext.current(), new Object[] { event.order(), "placed" });
			return new Reserve(event.order(), event.item());
		}

		@Inbound("reserved")
		@Outbound("confirm")
		public Confirm reserved(Reserved event) {
			this.orders.update(TransactionContext.current(), new Object[] { event.order(), "reserved" });
			return new Confirm(event.order());
		}

		@Inbound("confirm")
		@Outbound(value = "confirmed", terminal = true)
		public Confirmed confirm(Confirm event) {
			this.orders.update(TransactionContext.current(), new Object[] { event.order(), "confirmed" });
			return new Confirmed(event.order());
		}

	}

	@VirtualMicroservice("stock")
	static class StockService {

		private final VersionedTable items;

		StockService(VersionedStore store) {
			this.items = store.table("items");
		}

		@Inbound("reserve")
		@Outbound("reserved")
		public Reserved reserve(Reserve event) {
			TransactionContext tx = TransactionContext.current();
			Object[] item = this.items.read(event.item(), tx.tid());
			long reserved = (item != null) ? (Long) item[1] : 0;
			this.items.upsert(tx, new Object[] { event.item(), reserved + 1 });
			return new Reserved(event.order());
		}

	}

	private final LogBus bus = new LogBus();

	private final VersionedStore orderStore = new VersionedStore("orders", List.of(new TableSchema("orders",
			List.of(new ColumnSchema("id", Long.class, List.of()), new ColumnSchema("status", String.class, List.of())),
			List.of(0), List.of())));

	private final VersionedStore stockStore = new VersionedStore("stock", List.of(new TableSchema("items",
			List.of(new ColumnSchema("id", Long.class, List.of()), new ColumnSchema("reserved", Long.class, List.of())),
			List.of(0), List.of())));

	private final VmsRuntime orders = runtime(new OrderService(this.orderStore), this.orderStore);

	private final VmsRuntime stock = runtime(new StockService(this.stockStore), this.stockStore);

	private final BatchCoordinator coordinator = new BatchCoordinator(
			Topology.of(List.of(VmsManifest.of(this.orders.definition()), VmsManifest.of(this.stock.definition()))),
			new BatchPolicy(Duration.ofMillis(2), 10_000), this.bus, 100);

	private final TransactionClient client = new TransactionClient(this.bus,
			Map.of("place", Place.class, "confirmed", Confirmed.class), 100, 10_000);

	RoundTripDagTests() {
		this.bus.connect(this.coordinator, Map.of("orders", new VmsExecutor(this.orders, this.bus, 100), "stock",
				new VmsExecutor(this.stock, this.bus, 100)), this.client);
		this.coordinator.start().join();
	}

	@AfterEach
	void close() {
		this.client.close();
		this.coordinator.close();
		this.bus.close();
		this.orders.close();
		this.stock.close();
	}

	@Test
	void transactionsReturningToAVmsWhereLaterOnesWaitAllCommit() throws Exception {
		List<CompletableFuture<TransactionResult>> placed = new ArrayList<>();
		for (long order = 1; order <= ORDERS; order++) {
			placed.add(this.client.submit("place", new Place(order, order % 10)));
		}
		CompletableFuture.allOf(placed.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

		assertThat(this.bus.failures).isEmpty();
		assertThat(placed).allSatisfy(future -> assertThat(future.join().output()).isInstanceOf(Confirmed.class));
		long tid = this.orderStore.committed().tid();
		VersionedTable table = this.orderStore.table("orders");
		for (long order = 1; order <= ORDERS; order++) {
			assertThat(table.read(order, tid)[1]).as("order %d", order).isEqualTo("confirmed");
		}
		long reserved = 0;
		for (long item = 0; item < 10; item++) {
			reserved += (Long) this.stockStore.table("items").read(item, this.stockStore.committed().tid())[1];
		}
		assertThat(reserved).isEqualTo(ORDERS);
	}

	private static VmsRuntime runtime(Object service, VersionedStore store) {
		return new VmsRuntime(new VmsDefinitionReader().read(service), store, new NoDatabase(),
				new RuntimeSettings(2, Duration.ofDays(1)));
	}

}
