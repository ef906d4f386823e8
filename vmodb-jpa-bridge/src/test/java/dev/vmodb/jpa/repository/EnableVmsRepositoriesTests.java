package dev.vmodb.jpa.repository;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.repository.sample.CartItemRepository;
import dev.vmodb.jpa.repository.sample.OrderStatus;
import dev.vmodb.jpa.repository.sample.ShopOrder;
import dev.vmodb.jpa.repository.sample.ShopOrderRepository;
import dev.vmodb.jpa.repository.sample.StockItemRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableVmsRepositories} in a plain application context makes working repository beans.
 */
class EnableVmsRepositoriesTests {

	@Test
	void repositoryBeansReadAndWriteTheStore() {
		try (ShopFixture shop = ShopFixture.create();
				AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(VmsCatalog.BEAN_NAME, VmsCatalog.class, () -> shop.catalog);
			context.register(Config.class);
			context.refresh();

			ShopOrderRepository orders = context.getBean(ShopOrderRepository.class);
			assertThat(context.getBean(CartItemRepository.class)).isNotNull();
			assertThat(context.getBean(StockItemRepository.class)).isNotNull();
			shop.run(1, 1, () -> orders.save(new ShopOrder(1L, 7L, 70L, OrderStatus.PAID, new BigDecimal("9.99"), 2,
					null, true, LocalDate.of(2026, 3, 1))));
			shop.store.commit(1, 1);

			assertThat(orders.findBySellerId(7)).extracting(ShopOrder::getId).containsExactly(1L);
			assertThat(orders.countByStatus(OrderStatus.PAID)).isEqualTo(1);
			assertThat(orders.findById(1L)).get().extracting(ShopOrder::getCustomerId).isEqualTo(70L);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableVmsRepositories(basePackageClasses = ShopOrderRepository.class)
	static class Config {

	}

}
