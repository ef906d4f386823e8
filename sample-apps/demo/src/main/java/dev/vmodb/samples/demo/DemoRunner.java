package dev.vmodb.samples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.demo.accounts.AccountRepository;
import dev.vmodb.samples.demo.accounts.Debit;
import dev.vmodb.samples.demo.accounts.DebitRepository;
import dev.vmodb.samples.demo.events.TransferEvents.Deposit;
import dev.vmodb.samples.demo.events.TransferEvents.OpenAccount;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;
import dev.vmodb.samples.demo.ledger.LedgerAccountRepository;

/**
 * Opens accounts, then keeps a fixed number of transfers (accounts → ledger and audit) and deposits in flight
 * and prints what committed, how fast, and whether money was conserved across the VMSs.
 */
@Component
class DemoRunner implements CommandLineRunner {

	private final VmsClient client;

	private final AccountRepository accounts;

	private final LedgerAccountRepository ledger;

	private final DebitRepository debits;

	private final int accountCount;

	private final int transactions;

	private final int inFlight;

	private volatile Report report;

	DemoRunner(VmsClient client, AccountRepository accounts, LedgerAccountRepository ledger, DebitRepository debits,
			@Value("${demo.accounts:1000}") int accountCount,
			@Value("${demo.transactions:30000}") int transactions, @Value("${demo.in-flight:256}") int inFlight) {
		this.client = client;
		this.accounts = accounts;
		this.ledger = ledger;
		this.debits = debits;
		this.accountCount = accountCount;
		this.transactions = transactions;
		this.inFlight = inFlight;
	}

	@Override
	public void run(String... args) {
		long expectedTotal;
		long transferId;
		if (this.accounts.count() == 0) {
			List<CompletableFuture<TransactionResult>> opened = new ArrayList<>();
			for (long id = 1; id <= this.accountCount; id++) {
				opened.add(this.client.submit("open_account", new OpenAccount(id, "owner-" + (id % 100), 1_000)));
			}
			CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).join();
			expectedTotal = 1_000L * this.accountCount;
			transferId = 0;
			System.out.printf("Opened %,d accounts; money in the system: %,d%n", this.accounts.count(), total());
		}
		else {
			// the state was kept (vmodb.h2.directory and vmodb.kafka.embedded.log-directory): transactions in flight
			// when the last run stopped are decided first, since batches commit in order, and then the run goes on
			this.client.submit("deposit", new Deposit(1, 0)).join();
			expectedTotal = total();
			transferId = this.debits.findTopByOrderByTransferIdDesc().map(Debit::getTransferId).orElse(0L);
			System.out.printf("Continuing with %,d accounts and %,d transfers kept from the last run; money in the "
					+ "system: %,d%n", this.accounts.count(), this.debits.count(), expectedTotal);
		}

		Random random = new Random(42);
		Semaphore window = new Semaphore(this.inFlight);
		AtomicLong committed = new AtomicLong();
		AtomicLong aborted = new AtomicLong();
		long deposited = 0;
		long start = System.nanoTime();
		long nextReport = start + 1_000_000_000L;
		List<CompletableFuture<TransactionResult>> pending = new ArrayList<>(this.transactions);
		for (int i = 0; i < this.transactions; i++) {
			window.acquireUninterruptibly();
			CompletableFuture<TransactionResult> future;
			long account = 1 + random.nextInt(this.accountCount);
			// deposits refill accounts about as fast as transfers drain them into the ledger
			if (random.nextInt(5) == 0) {
				deposited += 100;
				future = this.client.submit("deposit", new Deposit(account, 100));
			}
			else {
				long to = 1 + (account + random.nextInt(this.accountCount - 1)) % this.accountCount;
				future = this.client.submit("transfer", new Transfer(++transferId, account, to, 1 + random.nextInt(50)));
			}
			pending.add(future.whenComplete((result, failure) -> {
				(failure == null ? committed : aborted).incrementAndGet();
				window.release();
			}));
			if (System.nanoTime() > nextReport) {
				nextReport += 1_000_000_000L;
				System.out.printf("  ... %,d submitted, %,d committed, %,d aborted%n", i + 1, committed.get(), aborted.get());
			}
		}
		String sampleAbort = null;
		for (CompletableFuture<TransactionResult> future : pending) {
			try {
				future.join();
			}
			catch (CompletionException ex) {
				if (sampleAbort == null && ex.getCause() instanceof TransactionAbortedException abort) {
					sampleAbort = abort.getMessage();
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long total = total();
		System.out.printf("Transactions: %,d committed, %,d aborted (overdrafts) in %.2f s: %,.0f tx/s%n",
				committed.get(), aborted.get(), seconds, this.transactions / seconds);
		if (sampleAbort != null) {
			System.out.println("An abort, for example: " + sampleAbort);
		}
		System.out.printf("Money in accounts and ledger: %,d, expected %,d (%s)%n", total, expectedTotal + deposited,
				(total == expectedTotal + deposited) ? "conserved" : "NOT CONSERVED");
		System.out.printf("Accounts with more than 1,000: %,d; accounts of owner-7: %d%n",
				this.accounts.countByBalanceGreaterThan(1_000), this.accounts.findByOwner("owner-7").size());
		this.report = new Report(committed.get(), aborted.get(), expectedTotal + deposited, total);
	}

	/**
	 * What the last run did.
	 * @return the report, or {@code null} before the first run finished
	 */
	Report report() {
		return this.report;
	}

	/**
	 * The outcome of a run.
	 * @param committed transactions committed
	 * @param aborted transactions aborted
	 * @param expectedTotal the money there should be
	 * @param committedTotal the money the committed state holds
	 */
	record Report(long committed, long aborted, long expectedTotal, long committedTotal) {
	}

	/** Money is in accounts until transferred, then in the ledger. */
	private long total() {
		long sum = 0;
		for (var account : this.accounts.findAll()) {
			sum += account.getBalance();
		}
		for (var account : this.ledger.findAll()) {
			sum += account.getBalance();
		}
		return sum;
	}

}
