#!/bin/sh
# Makes the stack's secrets on the first start, into the ticklist-secrets volume; later starts
# keep them. Each file is named after the Spring property it sets: the services read the folder
# with Spring Boot's configtree import, so no secret is ever written in docker-compose.yml.
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

# The demo container runs as uid 100 and keeps the demo organisation's answer in its own volume.
if [ -n "${DEMO_DIR:-}" ]; then
    chown 100:101 "$DEMO_DIR"
fi
