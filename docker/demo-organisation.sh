#!/bin/sh
# Creates the demo organisation on the first start (through the gateway's admin API) and prints
# its API key on every start. The key is shown once by the API, so the answer is kept.
set -eu
state=/demo/organisation.json

if [ ! -s "$state" ]; then
    curl --silent --show-error --fail-with-body --retry 5 --retry-connrefused \
        -H "Authorization: Bearer $(cat /run/secrets/ticklist/ticklist.gateway.admin-key)" \
        -H 'Content-Type: application/json' \
        -d '{"name":"Demo Academy"}' \
        "$GATEWAY_URL/admin/v1/organisations" > "$state.new"
    mv "$state.new" "$state"
fi

key=$(sed 's/.*"apiKey":"\([^"]*\)".*/\1/' "$state")
organisation=$(sed 's/.*"organisationId":"\([^"]*\)".*/\1/' "$state")
cat <<BANNER

Ticklist is running.
  Gateway (the API):   http://127.0.0.1:8080   (whole API: /v3/api-docs, readable at /docs)
  Demo organisation:   $organisation
  Demo API key:        $key

Try:  export TICKLIST=http://127.0.0.1:8080 KEY=$key
      curl -s -H "Authorization: Bearer \$KEY" \$TICKLIST/api/v1/checklists

BANNER
