package dev.vmodb.samples.baseline.payment;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.payment.OrderPaymentCard;
import dev.vmodb.samples.marketplace.payment.OrderPaymentCardId;

/** The {@link OrderPaymentCard} rows of the payment service. */
public interface OrderPaymentCardRepository extends JpaRepository<OrderPaymentCard, OrderPaymentCardId>, Inserts<OrderPaymentCard> {

}
