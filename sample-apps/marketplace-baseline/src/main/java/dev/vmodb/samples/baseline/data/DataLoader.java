package dev.vmodb.samples.baseline.data;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.vmodb.samples.baseline.api.ShopCommands;
import dev.vmodb.samples.baseline.api.TransactionResponse;
import dev.vmodb.samples.marketplace.data.LoadReport;
import dev.vmodb.samples.marketplace.data.DataGenerator;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;

/**
 * Loads a generated data set through the same requests a client's ingestion sends (product through product, stock
 * and cart), at most {@code inFlight} at once. The first local transactions run on a few threads, as concurrent
 * clients' requests would.
 */
public class DataLoader {

	private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

	/** Threads running the requests' first local transactions. */
	private static final int THREADS = 8;

	private final ShopCommands commands;

	private final PrintStream out;

	public DataLoader(ShopCommands commands, PrintStream out) {
		this.commands = commands;
		this.out = out;
	}

	public LoadReport load(DataSize size) {
		Semaphore window = new Semaphore(size.inFlight());
		AtomicLong committed = new AtomicLong();
		AtomicLong aborted = new AtomicLong();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		long total = size.transactions();
		long start = System.nanoTime();
		long[] nextProgress = { start + PROGRESS_EVERY_NANOS };
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		Submitter submit = (request) -> {
			window.acquireUninterruptibly();
			CompletableFuture.supplyAsync(request, threads).thenCompose((done) -> done).whenComplete((response, failure) -> {
				if (failure == null) {
					committed.incrementAndGet();
				}
				else {
					aborted.incrementAndGet();
					firstFailure.compareAndSet(null, String.valueOf(failure.getMessage()));
				}
				window.release();
			});
			if (System.nanoTime() > nextProgress[0]) {
				nextProgress[0] += PROGRESS_EVERY_NANOS;
				this.out.printf("  ... loading: %,d of %,d committed%n", committed.get(), total);
			}
		};
		new DataGenerator(size).generate(new DataGenerator.Sink() {
			@Override
			public void seller(IngestSeller seller) {
				submit.accept(() -> DataLoader.this.commands.ingestSeller(seller));
			}

			@Override
			public void product(IngestProduct product) {
				submit.accept(() -> DataLoader.this.commands.ingestProduct(product));
			}

			@Override
			public void customer(IngestCustomer customer) {
				submit.accept(() -> DataLoader.this.commands.ingestCustomer(customer));
			}
		});
		// every permit back means every request has its outcome
		window.acquireUninterruptibly(size.inFlight());
		window.release(size.inFlight());
		threads.shutdown();
		return new LoadReport(committed.get(), aborted.get(), Duration.ofNanos(System.nanoTime() - start),
				firstFailure.get());
	}

	private interface Submitter {

		void accept(Supplier<CompletableFuture<TransactionResponse>> request);

	}

}
