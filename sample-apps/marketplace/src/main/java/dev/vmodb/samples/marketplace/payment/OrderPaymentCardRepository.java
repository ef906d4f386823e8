package dev.vmodb.samples.marketplace.payment;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link OrderPaymentCard} rows of the payment VMS.
 */
public interface OrderPaymentCardRepository extends VmsRepository<OrderPaymentCard, OrderPaymentCardId> {

}
