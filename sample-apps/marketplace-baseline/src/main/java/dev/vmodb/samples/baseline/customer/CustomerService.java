package dev.vmodb.samples.baseline.customer;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.RequestRejectedException;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentFailed;
import dev.vmodb.samples.baseline.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.baseline.events.DeliveryEvents.SellerDelivery;
import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.baseline.messaging.ProcessedEvents;
import dev.vmodb.samples.marketplace.customer.Customer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;

/**
 * The customer service: customers and their payment and delivery counters.
 */
@Service
public class CustomerService {

	static final String NAME = "customer";

	private final CustomerRepository customers;

	private final ProcessedEvents processed;

	private final EventPublisher publisher;

	public CustomerService(CustomerRepository customers, ProcessedEvents processed, EventPublisher publisher) {
		this.customers = customers;
		this.processed = processed;
		this.publisher = publisher;
	}

	@Transactional
	public void ingest(IngestCustomer event) {
		RequestRejectedException.rejectIf(this.customers.existsById(event.customerId()), NAME,
				"customer " + event.customerId() + " exists");
		this.customers.insert(new Customer(event.customerId(), event.firstName(), event.lastName(), event.city(), 0,
				0, 0));
	}

	@KafkaListener(id = "customer.payment-confirmed", topics = Topics.PAYMENT_CONFIRMED)
	@Transactional
	public void countPayment(PaymentConfirmed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_CONFIRMED, event.requestId())) {
			this.customers.findLockedById(event.customerId())
				.ifPresent((customer) -> customer.setSuccessPaymentCount(customer.getSuccessPaymentCount() + 1));
		}
	}

	@KafkaListener(id = "customer.payment-failed", topics = Topics.PAYMENT_FAILED)
	@Transactional
	public void countFailedPayment(PaymentFailed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_FAILED, event.requestId())) {
			this.customers.findLockedById(event.customerId())
				.ifPresent((customer) -> customer.setFailedPaymentCount(customer.getFailedPaymentCount() + 1));
		}
	}

	/** Counts delivered packages, as the benchmark counts one delivery notification per package. */
	@KafkaListener(id = "customer.packages-delivered", topics = Topics.PACKAGES_DELIVERED)
	@Transactional
	public void countDeliveries(PackagesDelivered event) {
		if (this.processed.firstDelivery(NAME, Topics.PACKAGES_DELIVERED, event.requestId())) {
			// customers locked in id order: two deliveries counting for the same customers never deadlock
			Map<Long, Integer> packages = new TreeMap<>();
			for (SellerDelivery delivery : event.deliveries()) {
				packages.merge(delivery.customerId(), delivery.packages(), Integer::sum);
			}
			packages.forEach((customerId, delivered) -> this.customers.findLockedById(customerId)
				.ifPresent((customer) -> customer.setDeliveryCount(customer.getDeliveryCount() + delivered)));
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

}
