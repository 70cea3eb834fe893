#!/bin/sh
# Starts Redis with the users of users.acl (beside this script), each with the password hash of the
# file named after it in $REDIS_PASSWORDS_DIR; the probe user gets a password made here, kept in
# $REDIS_RUN_DIR/probe-password for the health check. The ACL file holds SHA-256 hashes only and
# lives in $REDIS_RUN_DIR (memory). Arguments are passed on to redis-server.
# Used by docker-compose.yml and, as a copy in k8s/base/redis.yaml, by the Kubernetes StatefulSet.
set -eu
rules="${REDIS_ACL_RULES:-$(dirname "$0")/users.acl}"
run="${REDIS_RUN_DIR:?}"
passwords="${REDIS_PASSWORDS_DIR:?}"
umask 077

hash() {
    printf '%s' "$1" | sha256sum | cut -d ' ' -f 1
}

probe_password=$(head -c 32 /dev/urandom | od -A n -t x1 | tr -d ' \n')
printf '%s' "$probe_password" > "$run/probe-password.new"
mv "$run/probe-password.new" "$run/probe-password"

while read -r directive name rules; do
    [ "$directive" = user ] || continue
    case "$name" in
        default) echo "user default $rules" ;;
        probe) echo "user probe $rules #$(hash "$probe_password")" ;;
        *)
            if [ ! -s "$passwords/$name" ]; then
                echo "redis start: no password for Redis user $name in $passwords" >&2
                exit 1
            fi
            echo "user $name $rules #$(hash "$(cat "$passwords/$name")")"
            ;;
    esac
done < "$rules" > "$run/users.acl"

exec redis-server "$@" --aclfile "$run/users.acl"
