package dev.vmodb.samples.crash;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.core.runtime.VmsRuntime;

/**
 * An application process of the crash test: the demo's VMSs of one side (without the demo's runner) on the test's
 * broker and file databases.
 *
 * <p>Arguments: {@code accounts} or {@code ledger-audit}, then Spring properties as {@code --key=value} (command-line
 * arguments, so they win over the demo's {@code application.yml}). Command
 * {@code drain <batch> <timeout-ms>}: waits until every hosted VMS has applied that batch's commit (or the timeout
 * passed), then closes the application, which checkpoints the committed state into the VMSs' databases, and exits.
 * So the test reads in the databases exactly what the VMSs had committed when it stopped submitting.
 */
public final class AppProcess {

	private AppProcess() {
	}

	public static void main(String[] args) {
		Class<?> application = switch (args[0]) {
			case "accounts" -> CrashApplications.Accounts.class;
			case "ledger-audit" -> CrashApplications.LedgerAndAudit.class;
			default -> throw new IllegalArgumentException("Unknown application " + args[0]);
		};
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.run(Arrays.copyOfRange(args, 1, args.length));
		List<VmsRuntime> runtimes = context.getBean(VmsRuntimes.class).all();
		ParentLink.say("READY in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms, restored "
				+ marks(runtimes, false));
		ParentLink.serve(Map.of("drain", words -> drain(context, runtimes, Long.parseLong(words[1]),
				Long.parseLong(words[2]))));
	}

	private static void drain(ConfigurableApplicationContext context, List<VmsRuntime> runtimes, long batch,
			long timeoutMillis) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (runtimes.stream().anyMatch(runtime -> runtime.store().committed().batch() < batch)
				&& System.nanoTime() < deadline) {
			ChildProcess.sleep(20);
		}
		ParentLink.say("COMMITTED " + marks(runtimes, false) + " (asked for batch " + batch + ")");
		context.close();
		ParentLink.say("STOPPED checkpointed " + marks(runtimes, true));
		System.exit(0);
	}

	private static String marks(List<VmsRuntime> runtimes, boolean checkpointed) {
		StringJoiner marks = new StringJoiner(" ");
		for (VmsRuntime runtime : runtimes) {
			long batch = checkpointed ? runtime.checkpointer().checkpointed().batch() : runtime.store().committed().batch();
			marks.add(runtime.name() + "=" + batch);
		}
		return marks.toString();
	}

}
