package dev.vmodb.autoconfigure.echo;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Makes the echo VMS's package the application's package. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class EchoConfiguration {
}
