package dev.vmodb.samples.marketplace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServerConnection;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * Samples a shop JVM while the driver runs: its CPU time, heap in use, bytes allocated and GC time through JMX every
 * 200 ms, and its log's volume every second. {@link #usage(long, long)} then cuts the samples to the driver's measured
 * window (both on this JVM's {@link System#nanoTime()} clock), interpolating between the samples around its edges.
 */
final class ResourceSampler implements AutoCloseable {

	private static final long SAMPLE_MILLIS = 200;

	private static final int SAMPLES_PER_LOG_READING = 5;

	private final OperatingSystemMXBean os;

	private final MemoryMXBean memory;

	private final ThreadMXBean threads;

	private final List<GarbageCollectorMXBean> collectors;

	private final LogMeter log;

	private final List<Sample> samples = new ArrayList<>();

	private final List<LogSample> logSamples = new ArrayList<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "bench-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Exception failure;

	private int ticks;

	ResourceSampler(MBeanServerConnection mbeans, LogMeter log) {
		try {
			this.os = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
					OperatingSystemMXBean.class);
			this.memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
					MemoryMXBean.class);
			this.threads = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
					ThreadMXBean.class);
			this.collectors = ManagementFactory.getPlatformMXBeans(mbeans, GarbageCollectorMXBean.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the shop's platform MBeans", ex);
		}
		this.log = log;
	}

	/** Takes the first samples now and then keeps sampling in the background until closed. */
	ResourceSampler start() throws Exception {
		sampleLog();
		sample();
		this.timer.scheduleAtFixedRate(this::tick, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
		return this;
	}

	private void tick() {
		try {
			if (++this.ticks % SAMPLES_PER_LOG_READING == 0) {
				sampleLog();
			}
			sample();
		}
		catch (Exception ex) {
			this.failure = ex;
			throw new IllegalStateException(ex);
		}
	}

	private void sample() {
		long gcMillis = this.collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
		Sample sample = new Sample(System.nanoTime(), this.os.getProcessCpuTime(),
				this.memory.getHeapMemoryUsage().getUsed(), this.threads.getTotalThreadAllocatedBytes(), gcMillis);
		synchronized (this.samples) {
			this.samples.add(sample);
		}
	}

	private void sampleLog() throws Exception {
		LogMeter.LogVolume volume = this.log.read();
		synchronized (this.logSamples) {
			this.logSamples.add(new LogSample(System.nanoTime(), volume));
		}
	}

	/**
	 * What the shop used between two points in time.
	 * @param from the start, on {@link System#nanoTime()}'s clock
	 * @param to the end
	 * @return CPU, allocation, GC and the log's growth, interpolated to the window, and the peak heap seen in it
	 * @throws IllegalStateException if sampling failed
	 */
	Usage usage(long from, long to) throws Exception {
		this.timer.shutdown();
		this.timer.awaitTermination(10, TimeUnit.SECONDS);
		sampleLog();
		sample();
		if (this.failure != null) {
			throw new IllegalStateException("sampling the shop failed", this.failure);
		}
		List<Sample> taken;
		synchronized (this.samples) {
			taken = List.copyOf(this.samples);
		}
		List<LogSample> logged;
		synchronized (this.logSamples) {
			logged = List.copyOf(this.logSamples);
		}
		long[] times = taken.stream().mapToLong(Sample::nanos).toArray();
		double cpu = between(times, taken.stream().mapToDouble(Sample::cpuNanos).toArray(), from, to) / 1e9;
		double allocated = between(times, taken.stream().mapToDouble(Sample::allocatedBytes).toArray(), from, to);
		double gc = between(times, taken.stream().mapToDouble(Sample::gcMillis).toArray(), from, to);
		long peakHeap = taken.stream()
			.filter((sample) -> sample.nanos() >= from && sample.nanos() <= to)
			.mapToLong(Sample::heapUsed)
			.max()
			.orElse(0);
		long[] logTimes = logged.stream().mapToLong(LogSample::nanos).toArray();
		double bytes = between(logTimes, logged.stream().mapToDouble((s) -> s.volume().bytes()).toArray(), from, to);
		double records = between(logTimes, logged.stream().mapToDouble((s) -> s.volume().records()).toArray(), from,
				to);
		return new Usage(cpu, (long) allocated, peakHeap, (long) gc,
				new LogMeter.LogVolume(Math.round(bytes), Math.round(records)));
	}

	/** How much a growing counter grew between two times, interpolating linearly between samples. */
	static double between(long[] times, double[] values, long from, long to) {
		return at(times, values, to) - at(times, values, from);
	}

	static double at(long[] times, double[] values, long time) {
		if (time <= times[0]) {
			return values[0];
		}
		for (int i = 1; i < times.length; i++) {
			if (time <= times[i]) {
				double share = (double) (time - times[i - 1]) / (times[i] - times[i - 1]);
				return values[i - 1] + share * (values[i] - values[i - 1]);
			}
		}
		return values[times.length - 1];
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	private record Sample(long nanos, long cpuNanos, long heapUsed, long allocatedBytes, long gcMillis) {
	}

	private record LogSample(long nanos, LogMeter.LogVolume volume) {
	}

	/**
	 * What a shop JVM used in a window.
	 *
	 * @param cpuSeconds CPU time of all its threads (broker included, as the broker runs in the shop's JVM)
	 * @param allocatedBytes bytes its threads allocated
	 * @param peakHeapBytes the most heap in use among the samples (every 200 ms)
	 * @param gcMillis time its collectors reported
	 * @param logged what its topics grew by
	 */
	record Usage(double cpuSeconds, long allocatedBytes, long peakHeapBytes, long gcMillis, LogMeter.LogVolume logged) {
	}

}
