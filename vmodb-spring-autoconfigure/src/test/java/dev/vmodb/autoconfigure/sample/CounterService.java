package dev.vmodb.autoconfigure.sample;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;

@VirtualMicroservice("counters")
public class CounterService {

	private final CounterRepository counters;

	public CounterService(CounterRepository counters) {
		this.counters = counters;
	}

	@Inbound("add")
	@Outbound(value = "added", terminal = true)
	public Added add(Add event) {
		long value = this.counters.findById(event.name()).map(Counter::getValue).orElse(0L) + event.delta();
		this.counters.save(new Counter(event.name(), value));
		return new Added(event.name(), value);
	}

	public record Add(String name, long delta) {
	}

	public record Added(String name, long value) {
	}

}
