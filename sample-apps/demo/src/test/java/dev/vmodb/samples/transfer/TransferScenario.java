package dev.vmodb.samples.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.history.HistoryRecorder;
import dev.vmodb.core.runtime.VmsRuntime;
import dev.vmodb.samples.demo.audit.AuditEntry;
import dev.vmodb.samples.demo.events.TransferEvents.FreezeLedgerAccount;
import dev.vmodb.samples.demo.events.TransferEvents.OpenAccount;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;
import dev.vmodb.samples.demo.events.TransferEvents.TransferAudited;

/**
 * Opens accounts and freezes a few ledger accounts, then runs transfers from several threads at once while a
 * {@link SnapshotAuditor} reads, and records the history of every VMS: what each transaction read and wrote and the
 * order each VMS applied them in.
 *
 * <p>About one transfer in ten fails, at every kind of place of its DAG: at the input VMS (an overdraft violates
 * {@code @PositiveOrZero} in accounts), in the middle (the target ledger account is frozen: an explicit abort in
 * ledger, after accounts debited), after the fan-out on one branch only (an amount over the audit's limit violates
 * {@code @Max} in audit's debit handler while ledger credits on the other branch) and at the terminal join (a
 * transfer to the owner's own ledger account: an explicit abort in audit's credit handler).
 */
final class TransferScenario {

	static final int ACCOUNTS = 100;

	static final long OPENING_BALANCE = 10_000;

	static final int SUBMITTERS = 4;

	static final int IN_FLIGHT = 512;

	/** Transfers to these ledger accounts abort in ledger. */
	static final Set<Long> FROZEN = Set.of(7L, 42L, 77L);

	/** Amounts are drawn from 1 to this; those over {@link AuditEntry#SINGLE_TRANSFER_LIMIT} abort in audit. */
	static final int MAX_AMOUNT = 200;

	private final VmsClient client;

	private final SnapshotAuditor.Repositories repositories;

	private final List<VmsRuntime> runtimes;

	TransferScenario(VmsClient client, SnapshotAuditor.Repositories repositories, List<VmsRuntime> runtimes) {
		this.client = client;
		this.repositories = repositories;
		this.runtimes = runtimes;
	}

	Outcome run(int transfers) throws Exception {
		HistoryRecorder recorder = new HistoryRecorder();
		this.runtimes.forEach(runtime -> runtime.record(recorder));
		List<CompletableFuture<TransactionResult>> opened = new ArrayList<>();
		for (long id = 1; id <= ACCOUNTS; id++) {
			opened.add(this.client.submit("open_account", new OpenAccount(id, "owner-" + id, OPENING_BALANCE)));
		}
		for (long id : FROZEN) {
			opened.add(this.client.submit("freeze_ledger_account", new FreezeLedgerAccount(id)));
		}
		CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

		SnapshotAuditor auditor = new SnapshotAuditor(this.repositories, ACCOUNTS * OPENING_BALANCE);
		auditor.start();
		Map<Long, Long> committedTransfers = new ConcurrentHashMap<>(); // transfer id → TID
		Map<Long, Transfer> submitted = new ConcurrentHashMap<>();
		Map<Long, TransactionAbortedException> aborted = new ConcurrentHashMap<>();
		List<String> wrongResults = new java.util.concurrent.CopyOnWriteArrayList<>();
		Semaphore window = new Semaphore(IN_FLIGHT);
		List<Thread> submitters = new ArrayList<>();
		long start = System.nanoTime();
		for (int s = 0; s < SUBMITTERS; s++) {
			int submitter = s;
			Thread thread = new Thread(() -> {
				Random random = new Random(submitter);
				for (int i = submitter; i < transfers; i += SUBMITTERS) {
					long transferId = i + 1;
					long from = 1 + random.nextInt(ACCOUNTS);
					long to = 1 + random.nextInt(ACCOUNTS);
					Transfer transfer = new Transfer(transferId, from, to, 1 + random.nextInt(MAX_AMOUNT));
					submitted.put(transferId, transfer);
					window.acquireUninterruptibly();
					this.client.submit("transfer", transfer)
						.whenComplete((result, failure) -> {
							if (failure == null) {
								committedTransfers.put(transferId, result.tid());
								TransferAudited audited = result.output("transfer_audited", TransferAudited.class);
								if (audited == null || audited.transferId() != transferId) {
									wrongResults.add("transfer " + transferId + " returned " + result.outputs());
								}
							}
							else if (failure instanceof TransactionAbortedException abort) {
								recorder.aborted(abort.tid());
								aborted.put(transferId, abort);
							}
							else {
								wrongResults.add("transfer " + transferId + " failed: " + failure);
							}
							window.release();
						});
				}
			}, "submitter-" + s);
			thread.setDaemon(true);
			submitters.add(thread);
			thread.start();
		}
		for (Thread thread : submitters) {
			thread.join(TimeUnit.MINUTES.toMillis(5));
			if (thread.isAlive()) {
				throw new IllegalStateException(thread.getName() + " still waits for in-flight transfers to complete");
			}
		}
		if (!window.tryAcquire(IN_FLIGHT, 2, TimeUnit.MINUTES)) {
			throw new IllegalStateException((IN_FLIGHT - window.availablePermits())
					+ " transfers neither committed nor aborted within 2 minutes");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long snapshots = auditor.stop();
		this.runtimes.forEach(runtime -> runtime.record(null));
		System.out.printf("Transfer scenario: %,d committed, %,d aborted in %.2f s (%,.0f tx/s); %,d snapshot rounds%n",
				committedTransfers.size(), aborted.size(), seconds, transfers / seconds, snapshots);
		return new Outcome(submitted, committedTransfers, aborted, wrongResults, auditor.violations(), snapshots,
				recorder);
	}

	/**
	 * What a run did.
	 * @param transfers every transfer submitted, by id
	 * @param committedTransfers the TID of every committed transfer, by transfer id
	 * @param abortedTransfers the abort of every aborted transfer, by transfer id
	 * @param wrongResults futures whose outcome was not a committed result or an abort, or carried a wrong result
	 * @param snapshotViolations what the snapshot auditor saw that a partial transaction would show
	 * @param snapshots snapshot rounds made while transfers ran
	 * @param history the recorded history
	 */
	record Outcome(Map<Long, Transfer> transfers, Map<Long, Long> committedTransfers,
			Map<Long, TransactionAbortedException> abortedTransfers, List<String> wrongResults,
			List<String> snapshotViolations, long snapshots, HistoryRecorder history) {
	}

}
