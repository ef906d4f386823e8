package dev.vmodb.kafka.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats the log directory as {@code kafka-storage.sh format} does, unless a previous broker did.
 */
final class StorageFormat {

	private StorageFormat() {
	}

	/**
	 * Formats a directory that holds no {@code meta.properties} yet, with a new cluster id and the latest production
	 * metadata version; a formatted directory is left as it is, so its cluster id and records are kept.
	 * @param logDirectory the directory of the metadata log and the topics' logs
	 * @return whether the directory was formatted now
	 * @throws Exception if formatting fails
	 */
	static boolean formatIfNeeded(Path logDirectory) throws Exception {
		if (Files.exists(logDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
			return false;
		}
		String directory = logDirectory.toString();
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(BrokerProperties.NODE_ID)
			.setClusterId(Uuid.randomUuid().toString())
			.setDirectories(List.of(directory))
			.setMetadataLogDirectory(directory)
			.setControllerListenerName(PreboundListeners.CONTROLLER)
			.run();
		return true;
	}

}
