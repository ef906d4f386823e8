package dev.vmodb.autoconfigure.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;

/**
 * A VMS with validated input events and each way a transaction aborts: explicitly, and by an entity constraint.
 */
@VirtualMicroservice("stock")
public class StockService {

	private final StockRepository stocks;

	public StockService(StockRepository stocks) {
		this.stocks = stocks;
	}

	@Inbound("restock")
	public void restock(Restock event) {
		this.stocks.save(new Stock(event.item(), quantity(event.item()) + event.quantity()));
	}

	/** Checks the business rule itself: asking for more than there is aborts with a readable reason. */
	@Inbound("reserve")
	public void reserve(Reserve event) {
		long available = quantity(event.item());
		VmsTransaction.abortIf(available < event.quantity(), "insufficient stock");
		this.stocks.save(new Stock(event.item(), available - event.quantity()));
	}

	/** Leaves the rule to the entity's {@code @PositiveOrZero}: an overdraft fails the write and aborts. */
	@Inbound("take")
	public void take(Reserve event) {
		this.stocks.save(new Stock(event.item(), quantity(event.item()) - event.quantity()));
	}

	private long quantity(String item) {
		return this.stocks.findById(item).map(Stock::getQuantity).orElse(0L);
	}

	public record Restock(@NotBlank String item, @Positive long quantity) {
	}

	public record Reserve(@NotBlank String item, @Positive long quantity) {
	}

}
