package dev.vmodb.autoconfigure.metrics.shelf;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.autoconfigure.metrics.approval.ApprovalService;

/** Makes the shelf's and the approval's packages the application's packages. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage(basePackageClasses = { ShelfService.class, ApprovalService.class })
public class ShelfConfiguration {

}
