package dev.vmodb.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.coordinator.AbortStatistics;
import dev.vmodb.kafka.KafkaNode;
import dev.vmodb.kafka.embedded.EmbeddedBrokerSettings;
import dev.vmodb.kafka.embedded.EmbeddedKafkaBroker;
import dev.vmodb.samples.demo.accounts.AccountsService;
import dev.vmodb.samples.demo.audit.AuditEntry;
import dev.vmodb.samples.demo.audit.AuditService;
import dev.vmodb.samples.demo.events.TransferEvents.FreezeLedgerAccount;
import dev.vmodb.samples.demo.events.TransferEvents.OpenAccount;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;
import dev.vmodb.samples.demo.ledger.LedgerService;

/**
 * Committed transactions per second and submit-to-commit latency of a 3-VMS transaction (the demo's transfer:
 * accounts → ledger and audit, joined at audit) on the embedded broker, next to the broker's raw capacity
 * measured in the same run. Clients keep a fixed number of transactions in flight (closed loop), at several levels.
 */
public final class TransactionBenchmark {

	private static final int ACCOUNTS = 10_000;

	/** A ledger account that is frozen: transfers to it abort in ledger. */
	private static final long FROZEN = ACCOUNTS + 1;

	private static final int ABORT_IN_FLIGHT = 1024;

	private TransactionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		boolean quick = Settings.from(args) == Settings.QUICK;
		long warmupMillis = quick ? 1_000 : 4_000;
		long measureMillis = quick ? 2_000 : 8_000;
		int[] inFlightLevels = quick ? new int[] { 1, 256 } : new int[] { 1, 16, 256, 1024, 4096 };
		System.out.printf(Locale.ROOT, "vMODB transaction benchmark: Java %s, %d cores, max heap %d MB%s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20, quick ? " (quick run)" : "");
		MachineLoad.print("start");
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.defaults())) {
			System.out.println();
			System.out.println("Raw broker capacity (same broker, before the transactions):");
			KafkaCapacity.Figures raw = KafkaCapacity.measure(broker.bootstrapServers(), quick);
			raw.print(System.out);
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TransferVms.class)
				.web(WebApplicationType.NONE)
				.properties("vmodb.kafka.bootstrap-servers=" + broker.bootstrapServers(),
						"vmodb.application-name=benchmark", "spring.main.banner-mode=off",
						"logging.level.root=warn")
				.run()) {
				VmsClient client = context.getBean(VmsClient.class);
				openAccounts(client);
				System.out.println();
				System.out.println("Transfers (3 VMSs, 4 handlers, 3 hops between VMSs per transaction; batch window 5 ms):");
				System.out.println("  in flight |    tx/s | p50 ms | p90 ms | p99 ms | max ms | tx/s per raw 100-B record/s");
				AtomicLong transferIds = new AtomicLong();
				for (int inFlight : inFlightLevels) {
					run(client, inFlight, warmupMillis, transferIds, 0);
					Level level = run(client, inFlight, measureMillis, transferIds, 0);
					System.out.printf(Locale.ROOT, "  %9d | %7.0f | %6.1f | %6.1f | %6.1f | %6.1f | %.3f%n", inFlight,
							level.perSecond(), level.percentile(50), level.percentile(90), level.percentile(99),
							level.percentile(100), level.perSecond() / raw.small().produce().recordsPerSecond());
				}
				AbortStatistics statistics = context.getBean(KafkaNode.class).abortStatistics().orElseThrow();
				System.out.println();
				System.out.println("Aborts (" + ABORT_IN_FLIGHT + " in flight; failing transfers split evenly between a frozen "
						+ "ledger target, an amount over the audit limit and a transfer to the owner's own ledger account):");
				System.out.println("  aborts | committed/s | aborted/s | p50 ms | p90 ms | p99 ms | re-runs/s | re-run tx per abort");
				for (double abortRate : new double[] { 0, 0.01, 0.10 }) {
					run(client, ABORT_IN_FLIGHT, warmupMillis, transferIds, abortRate);
					long reruns = statistics.reruns();
					long rerunTransactions = statistics.rerunTransactions();
					Level level = run(client, ABORT_IN_FLIGHT, measureMillis, transferIds, abortRate);
					System.out.printf(Locale.ROOT, "  %5.0f%% | %11.0f | %9.0f | %6.1f | %6.1f | %6.1f | %9.1f | %.1f%n",
							abortRate * 100, level.perSecond(), level.abortedPerSecond(), level.percentile(50),
							level.percentile(90), level.percentile(99), (statistics.reruns() - reruns) / level.seconds(),
							(level.aborted() == 0) ? 0.0 : (statistics.rerunTransactions() - rerunTransactions)
									/ (double) level.aborted());
				}
				System.out.println("  aborts by place since start: " + statistics.aborts());
			}
		}
		MachineLoad.print("end");
	}

	private static void openAccounts(VmsClient client) {
		List<CompletableFuture<TransactionResult>> opened = new ArrayList<>(ACCOUNTS);
		for (long id = 1; id <= ACCOUNTS; id++) {
			opened.add(client.submit("open_account", new OpenAccount(id, "owner-" + id, Long.MAX_VALUE / (2L * ACCOUNTS))));
		}
		opened.add(client.submit("freeze_ledger_account", new FreezeLedgerAccount(FROZEN)));
		CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).join();
	}

	/**
	 * Keeps {@code inFlight} transfers going for a while. Balances are large enough that none overdraws; the given
	 * share is made to fail after the source account was debited, by one of the demo's rules.
	 */
	private static Level run(VmsClient client, int inFlight, long millis, AtomicLong transferIds, double abortRate)
			throws InterruptedException {
		Semaphore window = new Semaphore(inFlight);
		long[] latencies = new long[4_000_000];
		AtomicInteger recorded = new AtomicInteger();
		AtomicInteger aborted = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime();
		long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
		java.util.SplittableRandom random = new java.util.SplittableRandom(inFlight);
		while (System.nanoTime() < end) {
			window.acquire();
			long from = 1 + random.nextInt(ACCOUNTS);
			long to = 1 + random.nextInt(ACCOUNTS);
			long amount = 1;
			if (random.nextDouble() < abortRate) {
				switch (random.nextInt(3)) {
					case 0 -> to = FROZEN; // fails in ledger, the middle of the DAG
					case 1 -> amount = AuditEntry.SINGLE_TRANSFER_LIMIT + 1; // fails in audit on one branch
					default -> to = from; // fails in audit at the terminal join
				}
			}
			else if (to == from) {
				to = 1 + (from % ACCOUNTS);
			}
			long submitted = System.nanoTime();
			client.submit("transfer", new Transfer(transferIds.incrementAndGet(), from, to, amount)).whenComplete((r, ex) -> {
				if (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null) {
					ex = ex.getCause();
				}
				if (ex instanceof TransactionAbortedException) {
					aborted.incrementAndGet();
				}
				else if (ex != null) {
					failed.incrementAndGet();
				}
				else {
					int slot = recorded.getAndIncrement();
					if (slot < latencies.length) {
						latencies[slot] = System.nanoTime() - submitted;
					}
				}
				window.release();
			});
		}
		window.acquire(inFlight);
		double seconds = (System.nanoTime() - start) / 1e9;
		if (failed.get() > 0) {
			throw new IllegalStateException(failed.get() + " transfers failed other than by an abort");
		}
		if (abortRate == 0 && aborted.get() > 0) {
			throw new IllegalStateException(aborted.get() + " transfers aborted; at 0 % none should");
		}
		int count = Math.min(recorded.get(), latencies.length);
		long[] sorted = Arrays.copyOf(latencies, count);
		Arrays.sort(sorted);
		return new Level(recorded.get() / seconds, aborted.get(), seconds, sorted);
	}

	/**
	 * One measured run.
	 * @param perSecond committed transfers per second
	 * @param aborted aborted transfers
	 * @param seconds how long it ran
	 * @param sortedNanos submit-to-commit latencies of the committed transfers, sorted
	 */
	private record Level(double perSecond, int aborted, double seconds, long[] sortedNanos) {

		double abortedPerSecond() {
			return this.aborted / this.seconds;
		}

		double percentile(int p) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.sortedNanos.length - 1L, (long) Math.ceil(p / 100.0 * this.sortedNanos.length) - 1);
			return this.sortedNanos[Math.max(0, index)] / 1e6;
		}

	}

	/** The demo's three VMSs without its runner. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = { AccountsService.class, LedgerService.class, AuditService.class })
	static class TransferVms {

	}

}
