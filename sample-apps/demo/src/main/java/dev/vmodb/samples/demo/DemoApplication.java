package dev.vmodb.samples.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Three VMSs (accounts, ledger, audit) on an embedded Kafka broker: opens accounts, runs concurrent cross-service
 * transfers and deposits, and prints what committed.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(DemoApplication.class, args));
	}

}
