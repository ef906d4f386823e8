package dev.vmodb.samples.marketplace.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTableTests {

	@Test
	void showsBothShopsSideBySideWithTheirRatioPerTypeAndInTheSummary() {
		BenchSettings settings = BenchFixtures.settings(List.of(Shop.VMODB, Shop.BASELINE), List.of(1, 64));
		BenchResult result = BenchFixtures.result(settings,
				List.of(BenchFixtures.run(Shop.VMODB, "vmodb-local", 64, false, 30, 0),
						BenchFixtures.run(Shop.BASELINE, "vmodb-local", 64, false, 10, 3)),
				List.of(BenchFixtures.logCapacity("vmodb-local", 50, 100)));

		String table = BenchTable.format(result);

		assertThat(table).contains("| type | vMODB tx/s | vMODB p50 | vMODB p90 | vMODB p99 | vMODB aborted |"
				+ " baseline tx/s | baseline p50 | baseline p90 | baseline p99 | baseline aborted | vMODB/baseline tx/s |");
		assertThat(table).contains("| checkout | 30.0 | 100.0 | 200.0 | 400.0 | 1 | 10.0 | 100.0 | 200.0 | 400.0 | 1 | 3.00x |");
		assertThat(table).contains("| total | 150.0 | 60.0 | 120.0 | 240.0 | 1 | 50.0 | 60.0 | 120.0 | 240.0 | 1 | 3.00x |");
		// 5 CPU s over 1,500 commits; 1 MB logged over 1,500 commits; the limit: 50 MB/s (the lower rate) / 666.7 B
		assertThat(table).contains("| vmodb-local | vMODB | 150.0 | 60.0 | 240.0 | 1 | 0 | passed | 0 | 5.0 | 3.33 | 68 |"
				+ " 512 | 40 | 667 | 1.33 | 3.00x | 75,000 | 0.0020x |");
		assertThat(table).contains("| vmodb-local | baseline | 50.0 | 60.0 | 240.0 | 1 | 0 | violated | 3 |");
		assertThat(table).contains("| 500 B (vmodb-local) | 100,000 | 50.0 | 200,000 | 100.0 |");
		assertThat(table).contains("400,000 rows/s inserted, 200,000 rows/s updated");
	}

	@Test
	void leavesOutWhatDidNotRun() {
		BenchSettings settings = BenchFixtures.settings(List.of(Shop.VMODB), List.of(1, 8));
		BenchResult result = BenchFixtures.result(settings,
				List.of(BenchFixtures.run(Shop.VMODB, "sigmod", 64, false, 20, 0),
						BenchFixtures.run(Shop.VMODB, "vmodb-local", 1, true, 2, 0)),
				List.of());

		String table = BenchTable.format(result);

		assertThat(table).doesNotContain("baseline tx/s").doesNotContain("| baseline |").doesNotContain("### Mix vmodb-local");
		assertThat(table).contains("| sigmod | vMODB | 100.0 |").contains("| – | – |\n");
		assertThat(table).contains("| 1 | 10.0 | 60.0 | 240.0 | passed |").contains("| 8 | – | – | – | – |");
		assertThat(table).doesNotContain("| broker: record size");
	}

	@Test
	void keepsSmallRatiosReadable() {
		assertThat(BenchTable.ratio(java.util.Optional.of(3.0), java.util.Optional.of(1.0))).isEqualTo("3.00x");
		assertThat(BenchTable.ratio(java.util.Optional.of(1.0), java.util.Optional.of(4000.0))).isEqualTo("0.00025x");
		assertThat(BenchTable.ratio(java.util.Optional.of(1.0), java.util.Optional.of(0.0))).isEqualTo("–");
		assertThat(BenchTable.ratio(java.util.Optional.of(1.0), java.util.Optional.empty())).isEqualTo("–");
	}

}
