package dev.vmodb.autoconfigure.stock;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Adds the stock VMS's package to the application's packages, beside the sample's counters. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class StockConfiguration {

}
