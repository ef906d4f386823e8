package dev.vmodb.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.vmodb.core.codec.EventReader;
import dev.vmodb.core.codec.EventWriter;
import dev.vmodb.core.topology.HandlerManifest;
import dev.vmodb.core.topology.VmsManifest;

/**
 * The binary encoding of the log's records: a format version byte, then varints, strings and byte arrays.
 * Compact because the log carries every event of every transaction.
 *
 * <p>Format 3 added idempotency keys (submissions, sealed batches), the sealing time of a batch and the outcomes of
 * repeated keys (committed batches). A record of another format is refused with a clear error rather than misread:
 * a log written by another version of vMODB cannot be continued by this one.
 */
public final class ProtocolCodec {

	private static final int VERSION = 3;

	private static final int TOPOLOGY = 1;

	private static final int SEALED = 2;

	private static final int COMMITTED = 3;

	private static final int RERUN = 4;

	private ProtocolCodec() {
	}

	public static byte[] encode(SubmissionRecord record) {
		EventWriter out = start(64 * record.submissions().size());
		out.writeLong(record.clientId());
		out.writeUnsignedVarLong(record.firstSeq());
		writeList(out, record.submissions(), (w, s) -> {
			w.writeString(s.event());
			w.writeBytes(s.payload());
			// keys are never blank, so "" stands for "no key"
			w.writeString((s.idempotencyKey() != null) ? s.idempotencyKey() : "");
		});
		return out.toByteArray();
	}

	public static SubmissionRecord decodeSubmissions(byte[] bytes) {
		EventReader in = open(bytes);
		return new SubmissionRecord(in.readLong(), in.readUnsignedVarLong(),
				readList(in, r -> new Submission(r.readString(), r.readBytes(), emptyToNull(r.readString()))));
	}

	public static byte[] encode(ControlRecord record) {
		EventWriter out = start(256);
		if (record instanceof TopologyAnnounced topology) {
			out.writeByte(TOPOLOGY);
			writeList(out, topology.manifests(), ProtocolCodec::writeManifest);
		}
		else if (record instanceof BatchSealed sealed) {
			out.writeByte(SEALED);
			out.writeUnsignedVarLong(sealed.batch());
			out.writeUnsignedVarLong(sealed.firstTid());
			out.writeUnsignedVarInt(sealed.types().length);
			for (int type : sealed.types()) {
				out.writeVarInt(type);
			}
			writeList(out, sealed.inputs(), (w, range) -> {
				w.writeUnsignedVarInt(range.partition());
				w.writeUnsignedVarLong(range.fromOffset());
				w.writeUnsignedVarLong(range.toOffset());
			});
			writeList(out, sealed.origins(), (w, origin) -> {
				w.writeLong(origin.clientId());
				w.writeUnsignedVarLong(origin.firstSeq());
				w.writeUnsignedVarInt(origin.count());
			});
			out.writeLong(sealed.sealedAt());
			// TIDs relative to the batch's first, originals relative to their repeat: a byte or two each
			writeList(out, sealed.keyed(), (w, keyed) -> {
				w.writeUnsignedVarLong(keyed.tid() - sealed.firstTid());
				w.writeString(keyed.key());
				w.writeUnsignedVarLong(keyed.tid() - keyed.originalTid());
			});
		}
		else if (record instanceof BatchRerun rerun) {
			out.writeByte(RERUN);
			out.writeUnsignedVarLong(rerun.epoch());
			out.writeUnsignedVarLong(rerun.batch());
			out.writeUnsignedVarLong(rerun.fromTid());
			writeTids(out, rerun.aborted());
		}
		else {
			BatchCommitted committed = (BatchCommitted) record;
			out.writeByte(COMMITTED);
			out.writeUnsignedVarLong(committed.batch());
			out.writeUnsignedVarLong(committed.lastTid());
			writeList(out, committed.aborts(), ProtocolCodec::writeAbort);
			writeList(out, committed.results(), ProtocolCodec::writeResult);
			writeList(out, committed.repeats(), ProtocolCodec::writeRepeat);
		}
		return out.toByteArray();
	}

	public static ControlRecord decodeControl(byte[] bytes) {
		EventReader in = open(bytes);
		int kind = in.readByte();
		return switch (kind) {
			case TOPOLOGY -> new TopologyAnnounced(readList(in, ProtocolCodec::readManifest));
			case SEALED -> {
				long batch = in.readUnsignedVarLong();
				long firstTid = in.readUnsignedVarLong();
				int[] types = new int[in.readLength()];
				for (int i = 0; i < types.length; i++) {
					types[i] = in.readVarInt();
				}
				List<BatchSealed.InputRange> inputs = readList(in, r -> new BatchSealed.InputRange(
						r.readUnsignedVarInt(), r.readUnsignedVarLong(), r.readUnsignedVarLong()));
				List<BatchSealed.Origin> origins = readList(in,
						r -> new BatchSealed.Origin(r.readLong(), r.readUnsignedVarLong(), r.readUnsignedVarInt()));
				long sealedAt = in.readLong();
				List<BatchSealed.Keyed> keyed = readList(in, r -> {
					long tid = firstTid + r.readUnsignedVarLong();
					String key = r.readString();
					return new BatchSealed.Keyed(tid, key, tid - r.readUnsignedVarLong());
				});
				yield new BatchSealed(batch, firstTid, types, inputs, origins, sealedAt, keyed);
			}
			case RERUN -> new BatchRerun(in.readUnsignedVarLong(), in.readUnsignedVarLong(), in.readUnsignedVarLong(),
					readTids(in));
			case COMMITTED -> new BatchCommitted(in.readUnsignedVarLong(), in.readUnsignedVarLong(),
					readList(in, ProtocolCodec::readAbort), readList(in, ProtocolCodec::readResult),
					readList(in, ProtocolCodec::readRepeat));
			default -> throw new IllegalArgumentException("Unknown control record kind " + kind);
		};
	}

	public static byte[] encode(EventBatch batch) {
		EventWriter out = start(32 + 48 * batch.deliveries().size());
		out.writeString(batch.producer());
		out.writeUnsignedVarLong(batch.batch());
		out.writeUnsignedVarLong(batch.epoch());
		writeList(out, batch.deliveries(), (w, d) -> {
			w.writeUnsignedVarLong(d.tid());
			w.writeUnsignedVarInt(d.node());
			w.writeByte(d.kind().ordinal());
			if (d.kind() == Delivery.Kind.EVENT) {
				w.writeBytes(d.payload());
			}
		});
		return out.toByteArray();
	}

	public static EventBatch decodeEvents(byte[] bytes) {
		EventReader in = open(bytes);
		String producer = in.readString();
		long batch = in.readUnsignedVarLong();
		long epoch = in.readUnsignedVarLong();
		Delivery.Kind[] kinds = Delivery.Kind.values();
		return new EventBatch(producer, batch, epoch, readList(in, r -> {
			long tid = r.readUnsignedVarLong();
			int node = r.readUnsignedVarInt();
			Delivery.Kind kind = kinds[r.readByte()];
			return (kind == Delivery.Kind.EVENT) ? Delivery.event(tid, node, r.readBytes())
					: Delivery.without(tid, node, kind);
		}));
	}

	public static byte[] encode(BatchDone done) {
		EventWriter out = start(64);
		out.writeString(done.vms());
		out.writeUnsignedVarLong(done.batch());
		out.writeUnsignedVarLong(done.epoch());
		writeList(out, done.aborts(), ProtocolCodec::writeAbort);
		writeList(out, done.results(), ProtocolCodec::writeResult);
		// readers and writers are TIDs close to each other: the distance takes a byte or two
		writeList(out, done.readsFrom(), (w, edge) -> {
			w.writeUnsignedVarLong(edge.reader());
			w.writeUnsignedVarLong(edge.reader() - edge.writer());
		});
		writeList(out, done.tainted(), (w, tid) -> w.writeUnsignedVarLong(tid));
		return out.toByteArray();
	}

	public static BatchDone decodeDone(byte[] bytes) {
		EventReader in = open(bytes);
		return new BatchDone(in.readString(), in.readUnsignedVarLong(), in.readUnsignedVarLong(),
				readList(in, ProtocolCodec::readAbort), readList(in, ProtocolCodec::readResult), readList(in, r -> {
					long reader = r.readUnsignedVarLong();
					return new ReadFrom(reader, reader - r.readUnsignedVarLong());
				}), readList(in, EventReader::readUnsignedVarLong));
	}

	private static void writeTids(EventWriter out, long[] tids) {
		out.writeUnsignedVarInt(tids.length);
		for (long tid : tids) {
			out.writeUnsignedVarLong(tid);
		}
	}

	private static long[] readTids(EventReader in) {
		long[] tids = new long[in.readLength()];
		for (int i = 0; i < tids.length; i++) {
			tids[i] = in.readUnsignedVarLong();
		}
		return tids;
	}

	public static byte[] encode(VmsManifest manifest) {
		EventWriter out = start(128);
		writeManifest(out, manifest);
		return out.toByteArray();
	}

	public static VmsManifest decodeManifest(byte[] bytes) {
		return readManifest(open(bytes));
	}

	private static void writeManifest(EventWriter out, VmsManifest manifest) {
		out.writeString(manifest.vms());
		writeList(out, manifest.handlers(), (w, h) -> {
			w.writeString(h.handler());
			w.writeString(h.inboundEvent());
			// event names are never blank, so "" stands for "emits nothing"
			w.writeString((h.outboundEvent() != null) ? h.outboundEvent() : "");
			w.writeBoolean(h.terminal());
		});
	}

	private static VmsManifest readManifest(EventReader in) {
		return new VmsManifest(in.readString(), readList(in,
				r -> new HandlerManifest(r.readString(), r.readString(), emptyToNull(r.readString()), r.readBoolean())));
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static void writeAbort(EventWriter out, Abort abort) {
		out.writeUnsignedVarLong(abort.tid());
		out.writeString(abort.vms());
		out.writeString(abort.handler());
		out.writeString(abort.reason());
	}

	private static Abort readAbort(EventReader in) {
		return new Abort(in.readUnsignedVarLong(), in.readString(), in.readString(), in.readString());
	}

	private static void writeResult(EventWriter out, Result result) {
		out.writeUnsignedVarLong(result.tid());
		out.writeString(result.event());
		out.writeBytes(result.payload());
	}

	private static Result readResult(EventReader in) {
		return new Result(in.readUnsignedVarLong(), in.readString(), in.readBytes());
	}

	private static void writeRepeat(EventWriter out, Repeat repeat) {
		out.writeUnsignedVarLong(repeat.tid());
		out.writeUnsignedVarLong(repeat.tid() - repeat.originalTid());
		out.writeUnsignedVarLong(repeat.originalBatch());
		out.writeBoolean(repeat.abort() != null);
		if (repeat.abort() != null) {
			// the abort is the original's: its TID is the original's
			out.writeString(repeat.abort().vms());
			out.writeString(repeat.abort().handler());
			out.writeString(repeat.abort().reason());
		}
		writeList(out, repeat.results(), ProtocolCodec::writeResult);
	}

	private static Repeat readRepeat(EventReader in) {
		long tid = in.readUnsignedVarLong();
		long originalTid = tid - in.readUnsignedVarLong();
		long originalBatch = in.readUnsignedVarLong();
		Abort abort = in.readBoolean() ? new Abort(originalTid, in.readString(), in.readString(), in.readString()) : null;
		return new Repeat(tid, originalTid, originalBatch, abort, readList(in, ProtocolCodec::readResult));
	}

	private static EventWriter start(int capacity) {
		EventWriter out = new EventWriter(Math.max(16, capacity));
		out.writeByte(VERSION);
		return out;
	}

	private static EventReader open(byte[] bytes) {
		EventReader in = new EventReader(bytes);
		int version = in.readByte();
		if (version != VERSION) {
			throw new IllegalArgumentException("Log record format " + version + " is not supported (expected "
					+ VERSION + "); the log was written by another version of vMODB: start on fresh topics (another "
					+ "vmodb.application-name, or an emptied log) or run the version that wrote it");
		}
		return in;
	}

	private static <T> void writeList(EventWriter out, List<T> items, Writer<T> writer) {
		out.writeUnsignedVarInt(items.size());
		for (T item : items) {
			writer.write(out, item);
		}
	}

	private static <T> List<T> readList(EventReader in, Function<EventReader, T> reader) {
		int size = in.readLength();
		List<T> items = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			items.add(reader.apply(in));
		}
		return items;
	}

	@FunctionalInterface
	private interface Writer<T> {

		void write(EventWriter out, T item);

	}

}
