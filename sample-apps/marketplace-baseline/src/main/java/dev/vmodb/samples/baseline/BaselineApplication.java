package dev.vmodb.samples.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Online Marketplace shop without vMODB: eight services as packages of one JVM, talking over Kafka topics, each
 * with its own tables and one local database transaction per event.
 */
@SpringBootApplication
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

}
