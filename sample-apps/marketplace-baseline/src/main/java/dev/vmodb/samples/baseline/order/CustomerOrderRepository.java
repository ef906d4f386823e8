package dev.vmodb.samples.baseline.order;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.order.CustomerOrder;

/** The {@link CustomerOrder} rows of the order service. */
public interface CustomerOrderRepository extends JpaRepository<CustomerOrder, Long>, Inserts<CustomerOrder> {

}
