package dev.vmodb.samples.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.demo.events.TransferEvents.Deposit;
import dev.vmodb.samples.demo.events.TransferEvents.FreezeLedgerAccount;
import dev.vmodb.samples.demo.events.TransferEvents.OpenAccount;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;
import dev.vmodb.samples.demo.events.TransferEvents.TransferAudited;

/**
 * The crash test's submitter: keeps a fixed number of transfers and deposits in flight from one thread and records
 * every future's outcome.
 *
 * <p>Some transfers abort by the demo's rules, so the test can look for traces of aborted transactions: to a
 * frozen ledger account (abort in ledger, after accounts debited), over the audit's limit (abort in audit on one
 * branch), to the owner's own ledger account (abort at the join). Deposits touch accounts only, so they keep
 * committing while process B is down; transfers touch all three VMSs.
 */
final class CrashWorkload {

	static final int ACCOUNTS = 100;

	static final long OPENING_BALANCE = 10_000;

	static final Set<Long> FROZEN = Set.of(7L, 42L, 77L);

	static final int MAX_AMOUNT = 200;

	private final VmsClient client;

	private final int inFlight;

	private final Semaphore window;

	private final Random random;

	private final List<Submitted> submitted = new CopyOnWriteArrayList<>();

	/** Committed transfers in completion order, for recovery times. */
	private final List<Submitted> committedTransfers = new ArrayList<>();

	private final Thread driver = new Thread(this::drive, "crash-driver");

	private volatile boolean running;

	/** Set once the run is over: answers arriving later (the client failing its open futures on close) are not outcomes. */
	private volatile boolean finished;

	private long nextTransferId = 1;

	CrashWorkload(VmsClient client, int inFlight, long seed) {
		this.client = client;
		this.inFlight = inFlight;
		this.window = new Semaphore(inFlight);
		this.random = new Random(seed);
		this.driver.setDaemon(true);
	}

	/**
	 * Opens the accounts and freezes some ledger accounts; every one of these must commit.
	 * @param timeout how long to wait for them
	 */
	void open(Duration timeout) throws Exception {
		List<CompletableFuture<TransactionResult>> opened = new ArrayList<>();
		for (long id = 1; id <= ACCOUNTS; id++) {
			opened.add(this.client.submit("open_account", new OpenAccount(id, "owner-" + id, OPENING_BALANCE)));
		}
		for (long id : FROZEN) {
			opened.add(this.client.submit("freeze_ledger_account", new FreezeLedgerAccount(id)));
		}
		CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new))
			.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	void start() {
		this.running = true;
		this.driver.start();
	}

	private void drive() {
		while (this.running) {
			try {
				if (!this.window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
					continue;
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			submitNext();
		}
	}

	private void submitNext() {
		boolean deposit = this.random.nextInt(5) == 0;
		long account = 1 + this.random.nextInt(ACCOUNTS);
		Record payload;
		if (deposit) {
			payload = new Deposit(account, 1 + this.random.nextInt(100));
		}
		else {
			// from == to happens one time in a hundred and aborts at the audit's join
			payload = new Transfer(this.nextTransferId++, account, 1 + this.random.nextInt(ACCOUNTS),
					1 + this.random.nextInt(MAX_AMOUNT));
		}
		Submitted entry = new Submitted(payload, System.nanoTime());
		this.submitted.add(entry);
		try {
			this.client.submit(deposit ? "deposit" : "transfer", payload)
				.whenComplete((result, failure) -> completed(entry, result, failure));
		}
		catch (RuntimeException ex) {
			entry.complete(Submitted.Outcome.REFUSED, 0, 0, ex.toString());
			this.window.release();
			pause();
		}
	}

	private void completed(Submitted entry, TransactionResult result, Throwable failure) {
		if (this.finished) {
			return;
		}
		try {
			if (failure == null) {
				entry.complete(Submitted.Outcome.COMMITTED, result.tid(), result.batch(), wrongResult(entry, result));
				if (entry.isTransfer()) {
					synchronized (this.committedTransfers) {
						this.committedTransfers.add(entry);
					}
				}
			}
			else if (failure instanceof TransactionAbortedException abort) {
				entry.complete(Submitted.Outcome.ABORTED, abort.tid(), 0, abort.vms() + "." + abort.handler());
			}
			else {
				entry.complete(Submitted.Outcome.FAILED, 0, 0, failure.toString());
			}
		}
		finally {
			this.window.release();
		}
	}

	/** A committed transfer's result names it and its amount; {@code null} if it does. */
	private static String wrongResult(Submitted entry, TransactionResult result) {
		if (!entry.isTransfer()) {
			return null;
		}
		Transfer transfer = entry.transfer();
		TransferAudited audited = result.output("transfer_audited", TransferAudited.class);
		if (audited == null || audited.transferId() != transfer.transferId() || audited.amount() != transfer.amount()) {
			return "WRONG RESULT " + result.outputs();
		}
		return null;
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops submitting and waits for the futures still open; whatever is open then stays in doubt.
	 * @param timeout how long to wait for them
	 * @return how many are still open: in doubt
	 */
	int stop(Duration timeout) throws InterruptedException {
		this.running = false;
		this.driver.join(5_000);
		boolean allAnswered = this.window.tryAcquire(this.inFlight, timeout.toMillis(), TimeUnit.MILLISECONDS);
		this.finished = true;
		return allAnswered ? 0 : this.inFlight - this.window.availablePermits();
	}

	/**
	 * Every submission so far, in submission order.
	 * @return them
	 */
	List<Submitted> submitted() {
		return List.copyOf(this.submitted);
	}

	/**
	 * The first transfer that committed after a moment: the workload is moving again.
	 * @param since the moment, in {@link System#nanoTime()}
	 * @return when it completed
	 */
	OptionalLong firstTransferCommitAfter(long since) {
		synchronized (this.committedTransfers) {
			int first = firstCompletedSince(since);
			return (first < this.committedTransfers.size())
					? OptionalLong.of(this.committedTransfers.get(first).completedAt()) : OptionalLong.empty();
		}
	}

	/**
	 * The first commit of a transfer submitted after a moment: new work gets through, not only work that was stuck.
	 * @param since the moment, in {@link System#nanoTime()}
	 * @return when it completed
	 */
	OptionalLong firstCommitOfTransferSubmittedAfter(long since) {
		synchronized (this.committedTransfers) {
			for (int i = firstCompletedSince(since); i < this.committedTransfers.size(); i++) {
				if (this.committedTransfers.get(i).submittedAt() >= since) {
					return OptionalLong.of(this.committedTransfers.get(i).completedAt());
				}
			}
			return OptionalLong.empty();
		}
	}

	/** Caller holds the lock. Futures complete on one thread (the client's), so the list is in completion order. */
	private int firstCompletedSince(long since) {
		int first = this.committedTransfers.size();
		while (first > 0 && this.committedTransfers.get(first - 1).completedAt() >= since) {
			first--;
		}
		return first;
	}

}
