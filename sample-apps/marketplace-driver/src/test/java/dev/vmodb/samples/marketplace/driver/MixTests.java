package dev.vmodb.samples.marketplace.driver;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MixTests {

	@Test
	void sigmodIsTheBenchmarksConfiguration() {
		Mix mix = Mix.of("sigmod");
		assertThat(mix.percent(TransactionType.CHECKOUT)).isEqualTo(30);
		assertThat(mix.percent(TransactionType.DASHBOARD)).isEqualTo(5);
		assertThat(mix.percent(TransactionType.PRICE_UPDATE)).isEqualTo(3);
		assertThat(mix.percent(TransactionType.PRODUCT_UPDATE)).isEqualTo(2);
		assertThat(mix.percent(TransactionType.DELIVERY)).isEqualTo(60);
		assertThat(mix.percent(TransactionType.ADD_TO_CART)).isZero();
	}

	@Test
	void vmodbLocalDropsDeliveries() {
		Mix mix = Mix.of(" VMODB-local ");
		assertThat(mix.percent(TransactionType.CHECKOUT)).isEqualTo(70);
		assertThat(mix.percent(TransactionType.PRICE_UPDATE)).isEqualTo(10);
		assertThat(mix.percent(TransactionType.PRODUCT_UPDATE)).isEqualTo(10);
		assertThat(mix.percent(TransactionType.DASHBOARD)).isEqualTo(10);
		assertThat(mix.percent(TransactionType.DELIVERY)).isZero();
		assertThat(mix.name()).isEqualTo("vmodb-local");
	}

	@Test
	void customMixTakesShortAndLongTypeNamesAndLeavesTheRestAtZero() {
		Mix mix = Mix.of("checkout=50, price_update=20,product=25,dashboard=5");
		assertThat(mix.percent(TransactionType.CHECKOUT)).isEqualTo(50);
		assertThat(mix.percent(TransactionType.PRICE_UPDATE)).isEqualTo(20);
		assertThat(mix.percent(TransactionType.PRODUCT_UPDATE)).isEqualTo(25);
		assertThat(mix.percent(TransactionType.DASHBOARD)).isEqualTo(5);
		assertThat(mix.percent(TransactionType.DELIVERY)).isZero();
		assertThat(mix).hasToString("custom (checkout=50,price_update=20,product_update=25,dashboard=5)");
	}

	@Test
	void badMixesAreRefusedWithWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("tpcc")).withMessageContaining("unknown mix 'tpcc'");
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("checkout=50,refund=50"))
			.withMessageContaining("unknown transaction type 'refund'");
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("checkout=50,price=40"))
			.withMessageContaining("sum to 90, not 100");
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("checkout=110,price=-10"))
			.withMessageContaining("negative");
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("checkout=50,checkout=50"))
			.withMessageContaining("checkout twice");
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("checkout=half,price=50"))
			.withMessageContaining("not a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("checkout"))
			.withMessageContaining("unknown mix");
		assertThatIllegalArgumentException().isThrownBy(() -> Mix.of("checkout=100,"))
			.withMessageContaining("is not type=percent");
	}

	@Test
	void everyTypeTakesAsManyOfTheHundredPointsAsItsPercent() {
		Mix mix = Mix.of("sigmod");
		Map<TransactionType, Integer> chosen = new EnumMap<>(TransactionType.class);
		for (int point = 0; point < 100; point++) {
			chosen.merge(mix.choose(point), 1, Integer::sum);
		}
		for (TransactionType type : TransactionType.values()) {
			assertThat(chosen.getOrDefault(type, 0)).as(type.label()).isEqualTo(mix.percent(type));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> mix.choose(100));
	}

}
