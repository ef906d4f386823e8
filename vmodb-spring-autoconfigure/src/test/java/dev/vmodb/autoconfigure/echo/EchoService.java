package dev.vmodb.autoconfigure.echo;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;

/**
 * A VMS whose result can be far larger than its input: a result over the log's record size makes the log
 * refuse the VMS's report of its batch for good, so the VMS can no longer make progress.
 */
@VirtualMicroservice("echo")
public class EchoService {

	private final EchoCountRepository counts;

	public EchoService(EchoCountRepository counts) {
		this.counts = counts;
	}

	@Inbound("shout")
	@Outbound(value = "shouted", terminal = true)
	public Shouted shout(Shout event) {
		long shouts = this.counts.findById(event.word()).map(EchoCount::getShouts).orElse(0L) + 1;
		this.counts.save(new EchoCount(event.word(), shouts));
		return new Shouted(event.word().repeat(event.times()));
	}

	public record Shout(String word, int times) {
	}

	public record Shouted(String words) {
	}

}
