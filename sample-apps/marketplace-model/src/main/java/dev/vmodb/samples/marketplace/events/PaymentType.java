package dev.vmodb.samples.marketplace.events;

/**
 * How a customer pays (the benchmark's types; the driver draws the first three).
 */
public enum PaymentType {

	CREDIT_CARD, DEBIT_CARD, BOLETO, VOUCHER

}
