package dev.vmodb.core.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the tasks of one VMS in position (TID) order, whatever order they arrive in.
 *
 * <p>Each task names its predecessor at this VMS; a task is dispatched once its predecessor has been. Dispatch
 * is strictly in TID order. Serial tasks run alone on the dispatcher thread. A run of consecutive partitioned
 * tasks is spread over lanes by partition key (one thread per lane, so a partition's tasks keep TID order); a run
 * of consecutive parallel tasks is spread over the lanes round-robin. Before a task of another mode is
 * dispatched, every running task finishes: overlap never crosses a mode change.
 */
public final class VmsScheduler implements AutoCloseable {

	private static final Logger logger = Logger.getLogger(VmsScheduler.class.getName());

	private final String vms;

	private final Map<Long, Queued> waiting = new HashMap<>();

	private final LinkedBlockingQueue<Queued> ready = new LinkedBlockingQueue<>();

	private final ExecutorService[] lanes;

	private final Thread dispatcher;

	private final Object idle = new Object();

	private long lastDispatched;

	/** Counts rewinds: a task submitted before the last one is dropped when it comes up. */
	private long generation;

	private int running;

	private long roundRobin;

	private volatile boolean closed;

	private volatile LongConsumer dispatchListener;

	/**
	 * Creates and starts a scheduler.
	 * @param vms the VMS name (for thread names and messages)
	 * @param lanes the number of threads for partitioned and parallel tasks
	 * @param startAfter the position the first task follows (that of a restored checkpoint's last transaction)
	 */
	public VmsScheduler(String vms, int lanes, long startAfter) {
		if (lanes < 1) {
			throw new IllegalArgumentException("A VMS needs at least one lane, got " + lanes);
		}
		this.vms = vms;
		this.lastDispatched = startAfter;
		this.lanes = new ExecutorService[lanes];
		for (int i = 0; i < lanes; i++) {
			String name = "vmodb-" + vms + "-lane-" + i;
			this.lanes[i] = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name));
		}
		this.dispatcher = daemon(this::dispatchLoop, "vmodb-" + vms + "-dispatcher");
		this.dispatcher.start();
	}

	/**
	 * Hands a task over; it runs once every task before it at this VMS has been dispatched.
	 * @param task the task
	 */
	public void submit(ScheduledTask task) {
		if (this.closed) {
			throw new IllegalStateException("The scheduler of VMS '" + this.vms + "' is closed");
		}
		synchronized (this.waiting) {
			if (task.previous() < this.lastDispatched
					|| this.waiting.putIfAbsent(task.previous(), new Queued(task, this.generation)) != null) {
				throw new IllegalStateException("VMS '" + this.vms + "': task " + task.position() + " names predecessor "
						+ task.previous() + ", which another task already follows");
			}
			Queued next;
			while ((next = this.waiting.remove(this.lastDispatched)) != null) {
				this.lastDispatched = next.task().position();
				this.ready.add(next);
			}
		}
	}

	/**
	 * Drops every task after a position, waiting or ready, so they can be submitted again: a re-run. Tasks
	 * running now go on; the caller waits for them if it must.
	 * @param position the position the next task submitted follows
	 */
	public void rewind(long position) {
		synchronized (this.waiting) {
			this.waiting.clear();
			this.ready.clear();
			this.lastDispatched = position;
			this.generation++;
		}
	}

	/**
	 * The position of the last task released to run.
	 * @return the position
	 */
	public long lastDispatched() {
		synchronized (this.waiting) {
			return this.lastDispatched;
		}
	}

	/**
	 * Tells a listener the position of every task as it is dispatched, on the dispatcher thread, in order: the
	 * VMS's apply order, for recording histories. Overlapping tasks may then start in any order on their lanes.
	 * @param listener the listener, or {@code null} for none
	 */
	public void onDispatch(LongConsumer listener) {
		this.dispatchListener = listener;
	}

	private void dispatchLoop() {
		ExecutionMode current = ExecutionMode.SERIAL;
		try {
			while (!this.closed) {
				Queued queued = this.ready.take();
				ScheduledTask task = queued.task();
				synchronized (this.waiting) {
					if (queued.generation() != this.generation) {
						continue; // taken just before a rewind dropped it
					}
					LongConsumer listener = this.dispatchListener;
					if (listener != null) {
						listener.accept(task.position());
					}
				}
				if (task.mode() != current || task.mode() == ExecutionMode.SERIAL) {
					awaitIdle();
					current = task.mode();
				}
				if (task.mode() == ExecutionMode.SERIAL) {
					runSafely(task);
				}
				else {
					dispatchToLane(task);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void dispatchToLane(ScheduledTask task) {
		int lane = (task.mode() == ExecutionMode.PARTITIONED)
				? Math.floorMod(spread(task.partitionKey().hashCode()), this.lanes.length)
				: (int) (this.roundRobin++ % this.lanes.length);
		synchronized (this.idle) {
			this.running++;
		}
		this.lanes[lane].execute(() -> {
			try {
				runSafely(task);
			}
			finally {
				synchronized (this.idle) {
					if (--this.running == 0) {
						this.idle.notifyAll();
					}
				}
			}
		});
	}

	private void awaitIdle() throws InterruptedException {
		synchronized (this.idle) {
			while (this.running > 0) {
				this.idle.wait();
			}
		}
	}

	private void runSafely(ScheduledTask task) {
		try {
			task.body().run();
		}
		catch (Throwable ex) {
			logger.log(Level.SEVERE, "VMS '" + this.vms + "': task " + task.position() + " escaped its error handling", ex);
		}
	}

	/** A task and the generation it was submitted in. */
	private record Queued(ScheduledTask task, long generation) {
	}

	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void close() {
		this.closed = true;
		this.dispatcher.interrupt();
		for (ExecutorService lane : this.lanes) {
			lane.shutdown();
		}
		try {
			this.dispatcher.join(TimeUnit.SECONDS.toMillis(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
