package dev.vmodb.samples.crash;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM of the crash test: started with this JVM's {@code java} and class path, its output in a log file,
 * commands on its standard input (see {@link ParentLink}).
 *
 * <p>The class path is this JVM's {@code java.class.path}. Under Surefire that may be a manifest-only jar whose
 * manifest lists the real class path; a child started with it sees the same classes, because the JVM follows a
 * jar's {@code Class-Path} manifest entry.
 */
final class ChildProcess {

	private final String name;

	private final Process process;

	private final Path log;

	private final Writer commands;

	/** How far {@link #awaitLine} has read the log: a line is only found once, after what was found before. */
	private long readOffset;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
	}

	/**
	 * Starts a child JVM.
	 * @param name what reports call it
	 * @param log the file taking its standard output and error
	 * @param jvmOptions options of the child JVM
	 * @param main its main class
	 * @param args its arguments
	 * @return the started child
	 */
	static ChildProcess start(String name, Path log, List<String> jvmOptions, Class<?> main, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(args);
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ChildProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + command, ex);
		}
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits for a line of the child's output starting with a prefix, after the lines found by earlier calls.
	 * @param prefix what the line starts with
	 * @param timeout how long to wait
	 * @return the line, or {@code null} if the child exited or the time ran out first
	 */
	String awaitLine(String prefix, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		StringBuilder partial = new StringBuilder();
		while (true) {
			for (String line : readLines(partial)) {
				if (line.startsWith(prefix)) {
					return line;
				}
			}
			if (!this.process.isAlive()) {
				// the process may have written its last lines just before exiting
				for (String line : readLines(partial)) {
					if (line.startsWith(prefix)) {
						return line;
					}
				}
				return null;
			}
			if (System.nanoTime() > deadline) {
				return null;
			}
			sleep(50);
		}
	}

	/** Complete lines written since the last read; an unfinished last line waits in {@code partial}. */
	private List<String> readLines(StringBuilder partial) {
		List<String> lines = new ArrayList<>();
		try (RandomAccessFile file = new RandomAccessFile(this.log.toFile(), "r")) {
			long length = file.length();
			if (length <= this.readOffset) {
				return lines;
			}
			byte[] bytes = new byte[(int) (length - this.readOffset)];
			file.seek(this.readOffset);
			file.readFully(bytes);
			this.readOffset = length;
			partial.append(new String(bytes, StandardCharsets.UTF_8));
			int end;
			while ((end = partial.indexOf("\n")) >= 0) {
				lines.add(partial.substring(0, end));
				partial.delete(0, end + 1);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a command to the child.
	 * @param command the command line
	 */
	void send(String command) {
		try {
			this.commands.write(command + "\n");
			this.commands.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not send '" + command + "' to " + this.name, ex);
		}
	}

	/**
	 * Kills the child with SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits until it is gone.
	 */
	void kill() {
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/**
	 * Waits for the child to exit.
	 * @param timeout how long
	 * @return its exit code, or {@code null} if it still runs
	 */
	Integer awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * The last lines of the child's log, to show why something failed.
	 * @param lines how many
	 * @return them, with a header naming the child and its log file
	 */
	String tail(int lines) {
		StringBuilder tail = new StringBuilder("---- last ").append(lines).append(" lines of ").append(this.name)
			.append(" (pid ").append(pid()).append(this.process.isAlive() ? ", running" : ", exited")
			.append("), ").append(this.log.toAbsolutePath()).append('\n');
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> tail.append(line).append('\n'));
		}
		catch (IOException | UncheckedIOException ex) {
			tail.append("(cannot read: ").append(ex).append(")\n");
		}
		return tail.toString();
	}

	/** Sleeps, turning an interrupt into a failure: children and the test wait in short steps the same way. */
	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
