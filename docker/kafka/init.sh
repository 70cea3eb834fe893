#!/bin/sh
# Readies the broker before the services start, logged in as the admin user:
# 1. a SCRAM user per service in USERS, with the password docker/create-secrets.sh made for it
#    (made again on every start: the same password, so nothing changes);
# 2. every Ticklist topic with its settings (TOPICS: "name:partitions" pairs, TOPIC_CONFIG:
#    "key=value,..."); a topic that exists is left as it is;
# 3. the ACLs of acls (beside this script), one kafka-acls.sh --add per line. Adding an ACL
#    that exists changes nothing; a line removed from the file must be removed by hand
#    (kafka-acls.sh --remove), docs/operations.md.
set -eu
secrets="${KAFKA_SECRETS_DIR:-/run/secrets/kafka}"
bin=/opt/kafka/bin
client=/tmp/admin.properties
umask 077
cat > "$client" <<CONFIG
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(cat "$secrets/admin")";
CONFIG

# One JVM per step, started side by side; then every one must have succeeded.
pids=""
started() {
    pids="$pids $!"
}
all_succeeded() {
    failed=0
    for pid in $pids; do
        wait "$pid" || failed=1
    done
    pids=""
    return "$failed"
}

for user in $USERS; do
    # The password goes in a file, never on a command line.
    printf 'SCRAM-SHA-512=[password=%s]\n' "$(cat "$secrets/$user")" > "/tmp/scram-$user.properties"
    "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$client" --alter \
        --entity-type users --entity-name "$user" --add-config-file "/tmp/scram-$user.properties" &
    started
done

configs=""
for setting in $(echo "$TOPIC_CONFIG" | tr ',' ' '); do
    configs="$configs --config $setting"
done
for entry in $TOPICS; do
    # shellcheck disable=SC2086 # $configs is a list of arguments
    "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$client" --create --if-not-exists \
        --topic "${entry%:*}" --partitions "${entry##*:}" --replication-factor 1 $configs &
    started
done
all_succeeded

# Side by side again: the pipeline's last command, so its status is the script's (set -e).
grep -v -e '^#' -e '^[[:space:]]*$' "$(dirname "$0")/acls" | {
    while read -r acl; do
        # shellcheck disable=SC2086 # each line is a list of arguments
        "$bin/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$client" --add $acl > /dev/null &
        started
    done
    all_succeeded
}
echo "kafka-init: users, topics and ACLs are in place"
