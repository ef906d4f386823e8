package dev.vmodb.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The log's part of {@link VmodbAutoConfiguration}: where the log is ({@link VmodbLog}), with Boot's Kafka
 * connection details when spring-boot-kafka is present and the embedded broker when vmodb-kafka-embedded is. Both
 * are optional dependencies: their types are named only in nested configurations that their presence enables.
 */
@Configuration(proxyBeanMethods = false)
class VmodbLogConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VmodbLog vmodbLog(VmodbProperties properties, Environment environment, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<BootKafkaConnection> bootConnection, ObjectProvider<EmbeddedLogBrokerLauncher> embeddedBrokers) {
		return new VmodbLog(properties, environment,
				new LogLocator(properties.getKafka(), sslBundles, bootConnection, embeddedBrokers));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails")
	static class BootKafka {

		@Bean
		BootKafkaConnection vmodbBootKafkaConnection(ListableBeanFactory beanFactory, Environment environment) {
			return new BootKafkaConnection(beanFactory, environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "dev.vmodb.kafka.embedded.EmbeddedKafkaBroker")
	static class EmbeddedBroker {

		@Bean
		@ConditionalOnMissingBean
		EmbeddedLogBrokerLauncher vmodbEmbeddedBrokerLauncher() {
			return new InJvmKafkaBrokerLauncher();
		}

	}

}
