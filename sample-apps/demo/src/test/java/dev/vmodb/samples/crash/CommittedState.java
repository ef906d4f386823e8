package dev.vmodb.samples.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the VMSs' H2 files hold after the application processes stopped: the state the crash test verifies.
 *
 * <p>Read from the files, not from the running applications: they are what a crash leaves behind, so they are the
 * state recovery starts from, and reading them needs no endpoint in the applications. The processes are stopped
 * only after their VMSs applied the last commit the driver saw ({@link AppProcess}), and a stopping VMS checkpoints
 * its committed state, so the files hold every committed batch; {@link #checkpoints()} says up to which.
 *
 * @param checkpoints the batch of each VMS's last checkpoint, by VMS
 * @param accounts account balances, by account id
 * @param debits debits in accounts, by transfer id
 * @param ledgerAccounts ledger balances, by ledger account id
 * @param credits credits in ledger, by transfer id
 * @param audit audit entries, by transfer id
 */
record CommittedState(Map<String, Long> checkpoints, Map<Long, Long> accounts, Map<Long, Money> debits,
		Map<Long, Long> ledgerAccounts, Map<Long, Money> credits, Map<Long, AuditRow> audit) {

	/**
	 * Reads the databases of both application processes; they must have stopped.
	 * @param accountsDirectory the H2 directory of process A
	 * @param ledgerAndAuditDirectory the H2 directory of process B
	 * @return the state
	 */
	static CommittedState read(Path accountsDirectory, Path ledgerAndAuditDirectory) throws SQLException {
		Map<String, Long> checkpoints = new TreeMap<>();
		Map<Long, Long> accounts = new HashMap<>();
		Map<Long, Money> debits = new HashMap<>();
		Map<Long, Long> ledgerAccounts = new HashMap<>();
		Map<Long, Money> credits = new HashMap<>();
		Map<Long, AuditRow> audit = new HashMap<>();
		try (Connection db = open(accountsDirectory, "accounts")) {
			checkpoints.put("accounts", checkpoint(db, "accounts"));
			query(db, "select id, balance from accounts", row -> accounts.put(row.getLong(1), row.getLong(2)));
			query(db, "select transferId, accountId, amount from debits",
					row -> debits.put(row.getLong(1), new Money(row.getLong(2), row.getLong(3))));
		}
		try (Connection db = open(ledgerAndAuditDirectory, "ledger")) {
			checkpoints.put("ledger", checkpoint(db, "ledger"));
			query(db, "select id, balance from ledger_accounts", row -> ledgerAccounts.put(row.getLong(1), row.getLong(2)));
			query(db, "select transferId, ledgerAccountId, amount from credits",
					row -> credits.put(row.getLong(1), new Money(row.getLong(2), row.getLong(3))));
		}
		try (Connection db = open(ledgerAndAuditDirectory, "audit")) {
			checkpoints.put("audit", checkpoint(db, "audit"));
			query(db, "select transferId, fromAccount, toAccount, debited, credited from audit_entries",
					row -> audit.put(row.getLong(1),
							new AuditRow(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5))));
		}
		return new CommittedState(checkpoints, accounts, debits, ledgerAccounts, credits, audit);
	}

	private static Connection open(Path directory, String vms) throws SQLException {
		// read-only: the check must not change what it checks
		return DriverManager.getConnection("jdbc:h2:file:" + directory.resolve(vms).toAbsolutePath()
				+ ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "sa", "");
	}

	private static long checkpoint(Connection db, String vms) throws SQLException {
		Map<String, Long> batch = new HashMap<>();
		query(db, "select vms, batch_id from vmodb_checkpoint", row -> batch.put(row.getString(1), row.getLong(2)));
		return batch.getOrDefault(vms, 0L);
	}

	private static void query(Connection db, String sql, RowReader reader) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				reader.read(rows);
			}
		}
	}

	private interface RowReader {

		void read(ResultSet row) throws SQLException;

	}

	/**
	 * A debit or credit row.
	 * @param account the account debited or the ledger account credited
	 * @param amount the amount
	 */
	record Money(long account, long amount) {
	}

	/**
	 * An audit entry.
	 * @param from the account debited
	 * @param to the ledger account credited
	 * @param debited the amount its debit handler saw
	 * @param credited the amount its credit handler saw (0 if it never ran)
	 */
	record AuditRow(long from, long to, long debited, long credited) {
	}

}
