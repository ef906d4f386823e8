package dev.vmodb.samples.marketplace.payment;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link OrderPayment} rows of the payment VMS.
 */
public interface OrderPaymentRepository extends VmsRepository<OrderPayment, OrderPaymentId> {

}
