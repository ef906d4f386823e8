package dev.vmodb.samples.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.runtime.VmsRuntime;
import dev.vmodb.samples.demo.accounts.Account;
import dev.vmodb.samples.demo.events.TransferEvents.OpenAccount;
import dev.vmodb.samples.demo.events.TransferEvents.Transfer;
import dev.vmodb.samples.demo.ledger.LedgerAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedded mode keeps its state across restarts when configured to: an application on its own broker with a kept
 * log directory and file databases is stopped in the middle of a transfer load and started again. What committed
 * before the stop is there, nothing is half applied, the VMSs resume from their checkpoints' log positions (not from
 * the logs' beginning), every transfer in flight at the stop gets a definite outcome when its submitter sends it
 * again with the same idempotency key, and the load goes on.
 */
class EmbeddedRestartIntegrationTests {

	private static final int ACCOUNTS = 100;

	private static final long OPENING_BALANCE = 10_000;

	private static final int IN_FLIGHT = 256;

	@TempDir
	Path directory;

	private final Map<Long, Long> committed = new ConcurrentHashMap<>();

	private final Set<Long> aborted = ConcurrentHashMap.newKeySet();

	/** Transfers whose futures failed because the application stopped: committed or not, but all or nothing. */
	private final Set<Long> inDoubt = ConcurrentHashMap.newKeySet();

	private final Map<Long, Transfer> submitted = new ConcurrentHashMap<>();

	private final Random random = new Random(17);

	private long nextTransferId = 1;

	@Test
	void anApplicationStoppedMidLoadContinuesWhereItStopped() throws Exception {
		try (ConfigurableApplicationContext first = start()) {
			VmsClient client = first.getBean(VmsClient.class);
			List<CompletableFuture<TransactionResult>> opened = new ArrayList<>();
			for (long id = 1; id <= ACCOUNTS; id++) {
				opened.add(client.submit("open_account", new OpenAccount(id, "owner-" + id, OPENING_BALANCE)));
			}
			CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			Semaphore window = new Semaphore(IN_FLIGHT);
			while (this.committed.size() < 2_000) {
				submitTransfer(client, window);
			}
			// stopped with transfers in flight: sealed, running, or waiting for their commit
		}
		int inFlightAtStop = this.inDoubt.size();
		System.out.printf("Stopped with %,d committed, %,d aborted and %,d in flight%n", this.committed.size(),
				this.aborted.size(), inFlightAtStop);
		assertThat(inFlightAtStop).as("transfers in flight when the application stopped").isPositive();

		try (ConfigurableApplicationContext second = start()) {
			for (VmsRuntime runtime : second.getBean(VmsRuntimes.class).all()) {
				Checkpoint restored = runtime.restored();
				assertThat(restored.state().batch()).as("%s restarted from a checkpoint", runtime.name()).isPositive();
				assertThat(restored.resume().controlOffset()).as("%s resumes the control log after its start",
						runtime.name()).isPositive();
				assertThat(restored.resume().eventsOffset()).as("%s resumes its event log after its start",
						runtime.name()).isPositive();
			}
			VmsClient client = second.getBean(VmsClient.class);
			Map<Long, Object> resubmitted = resubmitInDoubt(client);
			Set<Long> committedBefore = Set.copyOf(this.committed.keySet());
			Semaphore window = new Semaphore(IN_FLIGHT);
			List<CompletableFuture<?>> after = new ArrayList<>();
			for (int i = 0; i < 1_000; i++) {
				after.add(submitTransfer(client, window));
			}
			CompletableFuture.allOf(after.toArray(CompletableFuture[]::new)).exceptionally(ex -> null)
				.get(120, TimeUnit.SECONDS);
			assertThat(this.committed.keySet()).as("transfers committed after the restart")
				.hasSizeGreaterThan(committedBefore.size() + 500);

			Map<String, DataSource> databases = Contexts.checkpointedDatabases(second);
			SnapshotAuditor.Repositories repositories = Contexts.repositories(second, second);
			verifyAllOrNothing(repositories, databases);
			verifyResubmissions(resubmitted, repositories);
		}
	}

	/**
	 * Sends every transfer in flight at the stop again, with its key: each future completes with the first
	 * submission's outcome, whether it committed during recovery, aborted, or never got a TID.
	 * @return the outcome per transfer: its {@link TransactionResult} or its {@link TransactionAbortedException}
	 */
	private Map<Long, Object> resubmitInDoubt(VmsClient client) throws Exception {
		Map<Long, CompletableFuture<TransactionResult>> again = new java.util.TreeMap<>();
		for (long id : this.inDoubt) {
			again.put(id, client.submit("transfer", this.submitted.get(id), key(id)));
		}
		Map<Long, Object> outcomes = new java.util.TreeMap<>();
		for (Map.Entry<Long, CompletableFuture<TransactionResult>> entry : again.entrySet()) {
			try {
				outcomes.put(entry.getKey(), entry.getValue().get(60, TimeUnit.SECONDS));
			}
			catch (java.util.concurrent.ExecutionException ex) {
				assertThat(ex.getCause()).as("outcome of transfer %d sent again", entry.getKey())
					.isInstanceOf(TransactionAbortedException.class);
				outcomes.put(entry.getKey(), ex.getCause());
			}
		}
		return outcomes;
	}

	/** An answered resubmission is the first outcome: the transfer is applied exactly when it committed. */
	private void verifyResubmissions(Map<Long, Object> outcomes, SnapshotAuditor.Repositories repositories) {
		assertThat(outcomes.keySet()).as("every transfer in flight at the stop has an outcome").isEqualTo(
				new java.util.TreeSet<>(this.inDoubt));
		outcomes.forEach((id, outcome) -> assertThat(repositories.debits().existsById(id))
			.as("transfer %d, answered %s", id, outcome).isEqualTo(outcome instanceof TransactionResult));
		long committedAgain = outcomes.values().stream().filter(TransactionResult.class::isInstance).count();
		System.out.printf("Sent again with their keys: %,d transfers in flight at the stop, %,d answered as committed, "
				+ "%,d as aborted; none ran twice%n", outcomes.size(), committedAgain, outcomes.size() - committedAgain);
	}

	private static String key(long transferId) {
		return "transfer-" + transferId;
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TransferApplications.AllVms.class)
			// no drain at shutdown: the stop leaves transfers in doubt, as a crash or an expired drain would
			.properties("vmodb.application-name=transfer-restart", "spring.main.banner-mode=off",
					"vmodb.shutdown.drain-timeout=0s",
					"vmodb.kafka.embedded.log-directory=" + this.directory.resolve("kafka"),
					"vmodb.h2.directory=" + this.directory.resolve("h2"), "logging.level.org.apache.kafka=warn",
					"logging.level.kafka=warn", "logging.level.org.hibernate=warn")
			.run();
	}

	private CompletableFuture<?> submitTransfer(VmsClient client, Semaphore window) throws InterruptedException {
		window.acquire();
		long from = 1 + this.random.nextInt(ACCOUNTS);
		// one in twenty to the owner's own ledger account, which the audit refuses at the end: aborts in flight too
		long to = (this.random.nextInt(20) == 0) ? from : 1 + (from + this.random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
		long id = this.nextTransferId++;
		Transfer transfer = new Transfer(id, from, to, 1 + this.random.nextInt(150));
		this.submitted.put(id, transfer);
		return client.submit("transfer", transfer, key(id))
			.whenComplete((result, failure) -> {
				if (failure == null) {
					this.committed.put(id, result.tid());
				}
				else if (failure instanceof TransactionAbortedException) {
					this.aborted.add(id);
				}
				else {
					this.inDoubt.add(id);
				}
				window.release();
			});
	}

	/**
	 * Every committed transfer is in all three VMSs, no aborted one in any, every transfer in flight at the stop in
	 * all or none, in memory and in H2; money is conserved.
	 */
	private void verifyAllOrNothing(SnapshotAuditor.Repositories repositories, Map<String, DataSource> databases) {
		long money = repositories.accounts().findAll().stream().mapToLong(Account::getBalance).sum()
				+ repositories.ledger().findAll().stream().mapToLong(LedgerAccount::getBalance).sum();
		assertThat(money).as("money conserved across the restart").isEqualTo(ACCOUNTS * OPENING_BALANCE);
		AtomicInteger inDoubtCommitted = new AtomicInteger();
		for (long id = 1; id < this.nextTransferId; id++) {
			boolean debited = repositories.debits().existsById(id);
			boolean credited = repositories.credits().existsById(id);
			boolean audited = repositories.audit().existsById(id);
			assertThat(List.of(debited, credited, audited)).as("transfer %d in accounts, ledger, audit", id)
				.containsOnly(debited);
			if (this.committed.containsKey(id)) {
				assertThat(debited).as("committed transfer %d", id).isTrue();
			}
			else if (this.aborted.contains(id)) {
				assertThat(debited).as("aborted transfer %d", id).isFalse();
			}
			else if (debited) {
				assertThat(this.inDoubt).as("transfer %d, applied without an outcome", id).contains(id);
				inDoubtCommitted.incrementAndGet();
			}
		}
		int applied = this.committed.size() + inDoubtCommitted.get();
		Map<String, String> tables = Map.of("accounts", "debits", "ledger", "credits", "audit", "audit_entries");
		tables.forEach((vms, table) -> assertThat(count(databases.get(vms), table))
			.as("transfers in H2 %s.%s", vms, table).isEqualTo(applied));
		System.out.printf("After the restart: %,d committed, %,d aborted; of %,d in flight at the stop, %,d committed "
				+ "during recovery%n", this.committed.size(), this.aborted.size(), this.inDoubt.size(), inDoubtCommitted.get());
	}

	private static long count(DataSource database, String table) {
		try (var connection = database.getConnection();
				var rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
