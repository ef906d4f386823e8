package dev.vmodb.samples.marketplace.customer;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.SellerDelivery;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;

/**
 * The customer VMS: customers and their payment and delivery counters.
 */
@VirtualMicroservice("customer")
public class CustomerService {

	private final CustomerRepository customers;

	public CustomerService(CustomerRepository customers) {
		this.customers = customers;
	}

	@Inbound("ingest_customer")
	public void ingest(IngestCustomer event) {
		this.customers.insert(new Customer(event.customerId(), event.firstName(), event.lastName(), event.city(), 0, 0, 0));
	}

	/**
	 * Counts a successful payment. A declined payment aborts the checkout, so {@code failedPaymentCount} only changes
	 * if a later transaction records failures on purpose.
	 */
	@Inbound("payment_confirmed")
	public void countPayment(PaymentConfirmed event) {
		Customer customer = this.customers.findById(event.customerId()).orElse(null);
		VmsTransaction.abortIf(customer == null, "no customer " + event.customerId());
		customer.setSuccessPaymentCount(customer.getSuccessPaymentCount() + 1);
		this.customers.save(customer);
	}

	/** Counts delivered packages, as the benchmark counts one delivery notification per package. */
	@Inbound("packages_delivered")
	public void countDeliveries(PackagesDelivered event) {
		for (SellerDelivery delivery : event.deliveries()) {
			Customer customer = this.customers.findById(delivery.customerId()).orElse(null);
			VmsTransaction.abortIf(customer == null, "no customer " + delivery.customerId());
			customer.setDeliveryCount(customer.getDeliveryCount() + delivery.packages());
			this.customers.save(customer);
		}
	}

}
