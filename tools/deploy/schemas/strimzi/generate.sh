#!/usr/bin/env bash
# Writes the Strimzi CRDs (apiextensions.k8s.io/v1, served version kafka.strimzi.io/v1) that
# tools/deploy validates k8s/ against, for the Strimzi release tools/deploy/platform.json pins.
# Strimzi generates its CRD files from the annotated model classes in io.strimzi:api with
# io.strimzi:crd-generator; this runs the same generator on the same release's jars from Maven Central.
# Needs Maven and Java 21+ (the generator's class files are Java 21); JAVA_HOME wins when set.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="$(node -p "require('$here/../../platform.json').strimzi.version")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mvn -q -B -f "$here/pom.xml" -Dstrimzi.version="$version" -DoutputDirectory="$work/libs" dependency:copy-dependencies
model=io.strimzi.api.kafka.model
"$java" -cp "$work/libs/*" io.strimzi.crdgenerator.CrdGenerator --crd-api-version v1 \
  "$model.kafka.Kafka=$work/Kafka.json" \
  "$model.nodepool.KafkaNodePool=$work/KafkaNodePool.json" \
  "$model.topic.KafkaTopic=$work/KafkaTopic.json" \
  "$model.user.KafkaUser=$work/KafkaUser.json"

for kind in Kafka KafkaNodePool KafkaTopic KafkaUser; do
  # The generator writes one line of JSON; indent it so a version bump reads as a diff.
  node -e "const fs=require('fs');fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],'utf8')),null,1)+'\n')" \
    "$work/$kind.json" "$here/$kind.json"
done
printf '%s\n' "$version" > "$here/VERSION"
echo "Strimzi $version CRDs written to $here"
