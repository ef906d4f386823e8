#!/usr/bin/env bash
# The side-by-side marketplace bench in one command: builds both shops and the bench (tests skipped), then runs it.
# Arguments are bench settings, e.g. --bench.duration=20s --bench.sweep=1,8,32 (see README.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
echo "Bench: building both shops and the bench (about 1-2 minutes on 2 cores)"
./mvnw -B -q -pl sample-apps/marketplace,sample-apps/marketplace-baseline,sample-apps/marketplace-bench -am \
  package -DskipTests
bench="sample-apps/marketplace-bench"
exec java -Xms1g -Xmx2g -cp "$bench/target/classes:$(cat "$bench/target/runtime.classpath")" \
  dev.vmodb.samples.marketplace.bench.BenchApplication --bench.project-directory="$root" "$@"
