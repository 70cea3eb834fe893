#!/bin/sh
# Creates every Ticklist topic with its settings before the services start; a topic that exists
# is left as it is. TOPICS holds "name:partitions" pairs, TOPIC_CONFIG "key=value,..." settings.
set -eu

configs=""
for setting in $(echo "$TOPIC_CONFIG" | tr ',' ' '); do
    configs="$configs --config $setting"
done

# One JVM per topic: started side by side, then every one must have succeeded.
pids=""
for entry in $TOPICS; do
    # shellcheck disable=SC2086 # $configs is a list of arguments
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
        --topic "${entry%:*}" --partitions "${entry##*:}" --replication-factor 1 $configs &
    pids="$pids $!"
done
failed=0
for pid in $pids; do
    wait "$pid" || failed=1
done
exit "$failed"
