#!/bin/sh
# Starts the Docker stack's broker: server.properties (beside this script) plus the broker's own
# SCRAM login, the admin user. A first start formats the storage with that user in it, since SCRAM
# users live in the cluster's metadata and the broker needs one before anyone could make it.
# Also writes the admin's client settings for the health check and kafka-init (container's /tmp).
set -eu
admin_password=$(cat "${KAFKA_SECRETS_DIR:-/run/secrets/kafka}/admin")
config=/tmp/server.properties
login="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$admin_password\";"
umask 077

cp "$(dirname "$0")/server.properties" "$config"
echo "listener.name.internal.scram-sha-512.sasl.jaas.config=$login" >> "$config"
cat > /tmp/admin.properties <<CONFIG
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$login
CONFIG

if [ ! -f /var/lib/kafka/data/meta.properties ]; then
    /opt/kafka/bin/kafka-storage.sh format --config "$config" \
        --cluster-id "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" \
        --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
