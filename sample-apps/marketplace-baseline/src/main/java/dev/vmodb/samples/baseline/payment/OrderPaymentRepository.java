package dev.vmodb.samples.baseline.payment;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.payment.OrderPayment;
import dev.vmodb.samples.marketplace.payment.OrderPaymentId;

/** The {@link OrderPayment} rows of the payment service. */
public interface OrderPaymentRepository extends JpaRepository<OrderPayment, OrderPaymentId>, Inserts<OrderPayment> {

}
