package dev.vmodb.samples.marketplace.payment;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link OrderPayment} rows of the payment VMS.
 */
public interface OrderPaymentRepository extends VmsRepository<OrderPayment, OrderPaymentId> {

	List<OrderPayment> findByCustomerIdAndOrderId(Long customerId, Long orderId);

}
