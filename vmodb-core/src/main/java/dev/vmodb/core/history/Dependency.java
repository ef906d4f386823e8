package dev.vmodb.core.history;

/**
 * An edge of the dependency graph: transaction {@code from} must precede transaction {@code to} because of their
 * conflict on one key.
 *
 * @param from the transaction that must come first
 * @param to the transaction that must come after
 * @param kind why
 * @param vms the VMS of the key
 * @param table the table of the key
 * @param key the primary key
 * @param version the version the conflict is about: for WR the version read (written by {@code from}), for WW the
 * version overwritten (written by {@code from}), for RW the version {@code from} read ({@code 0} when it saw none)
 */
public record Dependency(long from, long to, DependencyKind kind, String vms, String table, Object key, long version) {

	/**
	 * Whether the edge contradicts TID order: then running the transactions one by one by TID is not equivalent
	 * to the history, even if some other serial order is.
	 * @return whether {@code to} has the smaller TID
	 */
	public boolean backward() {
		return this.to < this.from;
	}

	/**
	 * The edge in a line, with its reason, e.g.
	 * {@code T7 -RW-> T9 on bank/accounts[1]: T7 read version T3, T9 wrote the next one}.
	 * @return the description
	 */
	public String describe() {
		String edge = "T" + this.from + " -" + this.kind + "-> T" + this.to + " on " + item(this.vms, this.table, this.key)
				+ ": ";
		String reason = switch (this.kind) {
			case WR -> "T" + this.to + " read the version T" + this.from + " wrote";
			case WW -> "T" + this.to + " overwrote the version T" + this.from + " wrote";
			case RW -> "T" + this.from + " read " + ((this.version != 0) ? "version T" + this.version : "no version")
					+ ", T" + this.to + " wrote the next one";
		};
		if (!backward()) {
			return edge + reason;
		}
		String problem = switch (this.kind) {
			case WR -> "T" + this.to + " saw the write of the later T" + this.from;
			case WW -> "T" + this.to + " overwrote the later T" + this.from;
			case RW -> "T" + this.from + " missed the write of the earlier T" + this.to;
		};
		return edge + reason + " [backward: " + problem + "]";
	}

	@Override
	public String toString() {
		return describe();
	}

	static String item(String vms, String table, Object key) {
		return vms + "/" + table + "[" + key + "]";
	}

}
