package dev.vmodb.samples.marketplace.data;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;

/**
 * Loads a generated data set through the ingestion transactions, so the rows are in every VMS that keeps them
 * (product, stock, the cart's replica) exactly as a client's ingestion would put them. At most {@code inFlight}
 * transactions wait at once: the client's queue and the batches stay bounded whatever the size.
 */
public class DataLoader {

	private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final VmsClient client;

	private final PrintStream out;

	public DataLoader(VmsClient client, PrintStream out) {
		this.client = client;
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
		BiConsumer<String, Record> submit = (event, payload) -> {
			window.acquireUninterruptibly();
			try {
				this.client.submit(event, payload).whenComplete((result, failure) -> {
					if (failure == null) {
						committed.incrementAndGet();
					}
					else {
						aborted.incrementAndGet();
						firstFailure.compareAndSet(null, String.valueOf(failure.getMessage()));
					}
					window.release();
				});
			}
			catch (RuntimeException ex) {
				window.release();
				throw ex;
			}
			if (System.nanoTime() > nextProgress[0]) {
				nextProgress[0] += PROGRESS_EVERY_NANOS;
				this.out.printf("  ... loading: %,d of %,d committed%n", committed.get(), total);
			}
		};
		new DataGenerator(size).generate(new DataGenerator.Sink() {
			@Override
			public void seller(IngestSeller seller) {
				submit.accept("ingest_seller", seller);
			}

			@Override
			public void product(IngestProduct product) {
				submit.accept("ingest_product", product);
			}

			@Override
			public void customer(IngestCustomer customer) {
				submit.accept("ingest_customer", customer);
			}
		});
		// every permit back means every submitted transaction has its outcome
		window.acquireUninterruptibly(size.inFlight());
		window.release(size.inFlight());
		return new LoadReport(committed.get(), aborted.get(), Duration.ofNanos(System.nanoTime() - start),
				firstFailure.get());
	}

}
