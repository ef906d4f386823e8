package dev.vmodb.autoconfigure.echo;

import dev.vmodb.jpa.repository.VmsRepository;

public interface EchoCountRepository extends VmsRepository<EchoCount, String> {
}
