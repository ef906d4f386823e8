package dev.vmodb.autoconfigure.clientonly;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application that hosts no VMS (its package declares none): it only submits transactions, like a front end. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ClientOnlyConfiguration {

}
