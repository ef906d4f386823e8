package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit at the size a minute of load leaves (10^5 orders, 5 × 10^5 items, packages and entries): it must take
 * seconds, not minutes, since it runs at the end of every benchmark. Prints the time; asserts only the verdict.
 */
class AuditScaleTests {

	@Test
	void auditsAMinuteOfLoadInSeconds() {
		ShopModel before = ShopModel.of(1_000, 10, 20_000, 1_000_000);
		ShopModel after = before.copy();
		JournalModel journal = new JournalModel();
		Random random = new Random(1);
		for (int checkout = 0; checkout < 100_000; checkout++) {
			long customer = 1 + random.nextInt(20_000);
			List<Line> lines = new ArrayList<>();
			List<CartLine> cart = new ArrayList<>();
			while (lines.size() < 5) {
				Line line = new Line(1 + random.nextInt(1_000), 1 + (lines.size() * 2L) + random.nextInt(2), 1 + random.nextInt(10));
				lines.add(line);
				cart.add(journal.line(line.sellerId(), line.productId(), line.quantity()));
			}
			OrderKey order = after.checkout(customer, lines.toArray(Line[]::new));
			journal.checkout(customer, Outcome.COMMITTED, order.orderId(), cart.toArray(CartLine[]::new));
		}
		for (long seller = 1; seller <= 1_000; seller++) {
			long sellerId = seller;
			journal.dashboard(seller, after.entries.stream().filter((entry) -> entry.sellerId() == sellerId).limit(50).toList());
		}
		ShopSnapshot beforeSnapshot = before.snapshot();
		ShopSnapshot afterSnapshot = after.snapshot();
		Journal driven = journal.journal();

		long started = System.nanoTime();
		AuditReport report = Audit.run(beforeSnapshot, afterSnapshot, driven);
		long millis = (System.nanoTime() - started) / 1_000_000;

		System.out.printf("Audit of %,d orders and %,d items: %,d ms%n%s", afterSnapshot.orders().size(),
				afterSnapshot.orderItems().size(), millis, report.format());
		assertThat(report.passed()).as(report.format()).isTrue();
	}

}
