package dev.vmodb.samples.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A child process's line to the test: the test writes commands on the child's standard input, the child answers
 * with marked lines on its standard output (which the test reads from the child's log file).
 *
 * <p>When standard input ends, the test JVM is gone (a crashed or killed fork): the child halts at once, so no
 * child outlives its test, whatever happened to the test.
 */
final class ParentLink {

	/** Starts every line the test waits for, so it never mistakes a log line for an answer. */
	static final String MARK = "CRASH-CHILD ";

	static final String READY = MARK + "READY";

	static final String STOPPED = MARK + "STOPPED";

	private ParentLink() {
	}

	static void say(String line) {
		System.out.println(MARK + line);
		System.out.flush();
	}

	/**
	 * Runs the commands the test sends until standard input ends, then halts the JVM.
	 * @param commands what to do for each command word; the handler gets the command's words
	 */
	static void serve(Map<String, Consumer<String[]>> commands) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				String[] words = line.trim().split("\\s+");
				Consumer<String[]> command = commands.get(words[0]);
				if (command == null) {
					say("UNKNOWN " + line);
				}
				else {
					command.accept(words);
				}
			}
		}
		catch (IOException ex) {
			ex.printStackTrace();
		}
		System.out.println(MARK + "stdin closed: the test is gone, halting");
		System.out.flush();
		Runtime.getRuntime().halt(3);
	}

}
