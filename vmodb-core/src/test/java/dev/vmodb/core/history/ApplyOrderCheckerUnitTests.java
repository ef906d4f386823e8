package dev.vmodb.core.history;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apply-order checker: handler starts per VMS in non-decreasing TID order, and the expected TIDs per VMS.
 */
class ApplyOrderCheckerUnitTests {

	private final HistoryRecorder recorder = new HistoryRecorder();

	private final ApplyOrderChecker checker = new ApplyOrderChecker();

	@Test
	void orderIsCheckedPerVmsWhateverTheInterleaving() {
		this.recorder.applied("stock", 1, "reserve");
		this.recorder.applied("orders", 2, "place");
		this.recorder.applied("stock", 3, "reserve");
		this.recorder.applied("stock", 3, "audit"); // two handlers of one transaction share its TID
		this.recorder.applied("orders", 1, "place"); // orders had not seen T1 yet: per VMS, only its own order counts
		this.recorder.applied("orders", 4, "pay");

		ApplyOrderReport report = this.checker.check(this.recorder.snapshot());

		// orders started T2 then T1: caught, while stock's interleaving with orders is fine
		assertThat(report.inOrder()).isFalse();
		assertThat(report.violations()).containsExactly(new ApplyOrderViolation("orders", 2, 1, "place", 2, "place"));
		assertThat(report.starts()).containsEntry("stock", 3).containsEntry("orders", 3);
	}

	@Test
	void orderedStartsPass() {
		for (long tid = 1; tid <= 100; tid++) {
			this.recorder.applied((tid % 3 == 0) ? "orders" : "stock", tid, "h");
			if (tid % 7 == 0) {
				this.recorder.applied("payment", tid, "first");
				this.recorder.applied("payment", tid, "second");
			}
		}

		ApplyOrderReport report = this.checker.check(this.recorder.snapshot());

		assertThat(report.passed()).as(report.describe()).isTrue();
		assertThat(report.describe()).isEqualTo("Applied in TID order: handler starts per VMS {orders=33, payment=28, stock=67}.");
	}

	@Test
	void everyStartAfterALargerTidIsReported() {
		for (long tid : new long[] { 1, 2, 10, 3, 4, 11 }) {
			this.recorder.applied("stock", tid, "t" + tid);
		}

		ApplyOrderReport report = this.checker.check(this.recorder.snapshot());

		assertThat(report.passed()).isFalse();
		assertThat(report.violations()).extracting(ApplyOrderViolation::tid).containsExactly(3L, 4L);
		assertThat(report.describe()).isEqualTo("""
				NOT applied as required: handler starts per VMS {stock=6}.
				2 handlers started after a larger TID:
				  stock, start 4: T3 (t3) started after T10 (t10)
				  stock, start 5: T4 (t4) started after T10 (t10)""");
	}

	@Test
	void comparesWithTheExpectedTidsPerVms() {
		this.recorder.applied("stock", 1, "reserve");
		this.recorder.applied("stock", 2, "reserve");
		this.recorder.applied("orders", 2, "place");
		this.recorder.applied("audit", 5, "log");

		History history = this.recorder.snapshot();

		assertThat(this.checker.check(history, Map.of("stock", List.of(1L, 2L), "orders", List.of(2L), "audit", List.of(5L)))
			.passed()).isTrue();
		ApplyOrderReport report = this.checker.check(history,
				Map.of("stock", List.of(1L, 2L, 3L), "orders", List.of(2L), "payment", List.of(4L)));
		assertThat(report.inOrder()).isTrue();
		assertThat(report.passed()).isFalse();
		assertThat(report.missing()).isEqualTo(Map.of("stock", List.of(3L), "payment", List.of(4L)));
		assertThat(report.unexpected()).isEqualTo(Map.of("audit", List.of(5L)));
		assertThat(report.describe()).contains("payment did not apply expected [4]", "stock did not apply expected [3]",
				"audit applied unexpected [5]");
	}

}
