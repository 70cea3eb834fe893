#!/bin/sh
# Makes the stack's secrets on the first start, into volumes; later starts keep them. Each file a
# service reads is named after the Spring property it sets: the services read their folders with
# Spring Boot's configtree import, so no secret is ever written in docker-compose.yml. Shared
# settings go to the ticklist-secrets volume, each service's own logins to its own volume
# (/run/secrets/<service>), which no other service mounts.
# Runs in the gateway's image, for its Java (the identity keys).
set -eu
cd "${SECRETS_DIR:-/run/secrets/ticklist}"

random() {
    head -c "$1" /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

write() {
    if [ ! -s "$1" ]; then
        printf '%s' "$2" > "$1"
        chmod 0444 "$1"
        echo "created $1"
    fi
}

# The gateway's identity key pair: the public key for every service, the private key into the
# gateway's own folder, which no other service mounts (IdentityKeys writes both, once).
java -cp /app/service.jar dev.ticklist.platform.identity.IdentityKeys \
    ticklist.identity.public-key "${GATEWAY_SECRETS_DIR:-/run/secrets/gateway}/ticklist.identity.private-key"
chmod 0444 ticklist.identity.public-key "${GATEWAY_SECRETS_DIR:-/run/secrets/gateway}/ticklist.identity.private-key"
write ticklist.gateway.admin-key "tka_$(random 32)"
# AES-256: standard Base64 of 32 random bytes.
write ticklist.webhooks.encryption-key "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"

# Kafka and Redis: each service logs in as itself (docs/operations.md, "Securing Kafka and Redis").
# The passwords are made once into the broker's folder (the admin login, and the SCRAM users that
# kafka-init makes) and Redis's (docker/redis/start.sh keeps only their SHA-256 hashes); each
# service's folder gets its two logins as settings.
password() {
    if [ ! -s "$1" ]; then
        random 32 > "$1"
        chmod 0444 "$1"
        echo "created $1"
    fi
}
kafka="${KAFKA_SECRETS_DIR:-/run/secrets/kafka}"
redis="${REDIS_SECRETS_DIR:-/run/secrets/redis}"
password "$kafka/admin"
for service in ${SERVICES:-gateway checklist-service progress-service notification-service}; do
    password "$kafka/$service"
    password "$redis/$service"
    cd "${SERVICE_SECRETS_ROOT:-/run/secrets}/$service"
    write spring.data.redis.password "$(cat "$redis/$service")"
    write spring.kafka.properties.sasl.jaas.config "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$service\" password=\"$(cat "$kafka/$service")\";"
done

# The demo container runs as uid 100 and keeps the demo organisation's answer in its own volume.
if [ -n "${DEMO_DIR:-}" ]; then
    chown 100:101 "$DEMO_DIR"
fi
