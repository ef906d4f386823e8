package dev.vmodb.core.history;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the committed transactions of a {@link History} are serializable, and serializable in TID order.
 *
 * <p>Builds the dependency graph of the committed transactions (aborted ones and their writes are left out), per
 * key: {@link DependencyKind#WR WR} from the writer of each version read to its reader, {@link DependencyKind#WW
 * WW} between successive writers, {@link DependencyKind#RW RW} from each reader to the writer of the version after
 * the one it read. The history is serializable if the graph has no cycle; it is equivalent to running the
 * transactions in TID order if, in addition, no edge points from a larger TID to a smaller one. A committed
 * transaction that read an aborted transaction's version is reported as well: no serial order of committed
 * transactions explains such a read.
 *
 * <p>A read that found no version at all is taken to have seen the newest earlier deletion, if the newest
 * earlier write of the key is one: pruning drops deleted keys, after which readers find nothing. Otherwise it saw
 * the state before the key's first write. Versions no recorded transaction wrote (loaded from a checkpoint,
 * written before recording began) have no writer to depend on, but their next writer still anti-depends on their
 * readers.
 *
 * <p>Scans are recorded as reads of the keys they examined. A row that an earlier transaction inserted only after
 * a later one's scan ran (a phantom) is not among those keys, so such an anomaly shows only if the two
 * transactions conflict elsewhere.
 */
public final class SerializabilityChecker {

	/**
	 * Checks a history.
	 * @param history the history
	 * @return what was found
	 */
	public SerializabilityReport check(History history) {
		Set<Long> aborted = history.aborted();
		Set<Long> transactions = new HashSet<>();
		Map<Key, KeyWriters> writersByKey = new HashMap<>();
		for (History.Write write : history.writes()) {
			if (!aborted.contains(write.writerTid())) {
				transactions.add(write.writerTid());
				writersByKey.computeIfAbsent(new Key(write.vms(), write.table(), write.key()), k -> new KeyWriters())
					.add(write.writerTid(), write.deletion());
			}
		}
		writersByKey.values().forEach(KeyWriters::seal);
		for (History.Applied applied : history.applied()) {
			if (!aborted.contains(applied.tid())) {
				transactions.add(applied.tid());
			}
		}

		Set<Dependency> dependencies = new LinkedHashSet<>();
		writersByKey.forEach((key, writers) -> {
			for (int i = 1; i < writers.count(); i++) {
				long previous = writers.tid(i - 1);
				dependencies.add(key.dependency(previous, writers.tid(i), DependencyKind.WW, previous));
			}
		});
		Set<History.Read> abortedReads = new LinkedHashSet<>(); // a handler may read a key twice
		for (History.Read read : history.reads()) {
			if (aborted.contains(read.readerTid())) {
				continue;
			}
			transactions.add(read.readerTid());
			if (read.versionTid() != 0 && aborted.contains(read.versionTid())) {
				abortedReads.add(read);
				continue;
			}
			Key key = new Key(read.vms(), read.table(), read.key());
			KeyWriters writers = writersByKey.get(key);
			if (writers != null) {
				addReadDependencies(read, key, writers, dependencies);
			}
		}

		Map<DependencyKind, Integer> counts = new EnumMap<>(DependencyKind.class);
		List<Dependency> backward = new ArrayList<>();
		for (Dependency dependency : dependencies) {
			counts.merge(dependency.kind(), 1, Integer::sum);
			if (dependency.backward()) {
				backward.add(dependency);
			}
		}
		long[] nodes = transactions.stream().mapToLong(Long::longValue).toArray();
		List<Dependency> cycle = new DependencyGraph(nodes, dependencies).findCycle();
		return new SerializabilityReport(transactions.size(), counts, cycle, backward, List.copyOf(abortedReads));
	}

	private static void addReadDependencies(History.Read read, Key key, KeyWriters writers, Set<Dependency> dependencies) {
		long reader = read.readerTid();
		long version = (read.versionTid() != 0) ? read.versionTid() : writers.deletionSeenBy(reader);
		if (version != 0 && version != reader && writers.wrote(version)) {
			dependencies.add(key.dependency(version, reader, DependencyKind.WR, version));
		}
		long next = writers.nextAfter(version);
		if (next != 0 && next != reader) {
			dependencies.add(key.dependency(reader, next, DependencyKind.RW, version));
		}
	}

	/** A key of a table of a VMS: what versions, and so conflicts, are about. */
	private record Key(String vms, String table, Object key) {

		Dependency dependency(long from, long to, DependencyKind kind, long version) {
			return new Dependency(from, to, kind, this.vms, this.table, this.key, version);
		}

	}

}
