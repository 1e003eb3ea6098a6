#!/bin/bash
# Randomised workload for tangd under launcher.py (inetd-style, one tangd per connection).
# Usage: workload.sh  -> writes tang.log in this folder.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round32-r32g/tang
PORT=36400
LOG=$HERE/tang.log
TANGD=/usr/libexec/tangd
rm -rf "$T"; mkdir -p "$T/db" "$T/ecmr-only"
: > "$LOG"
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }

# client keys (P-521 matches the server's exchange key, P-256 does not)
jose jwk gen -i '{"alg":"ECMR","crv":"P-521"}' | jose jwk pub -i- -o "$T/c521.jwk"
jose jwk gen -i '{"alg":"ECMR","crv":"P-256"}' | jose jwk pub -i- -o "$T/c256.jwk"
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
json.dump({"p521": json.load(open(t + "/c521.jwk")), "p256": json.load(open(t + "/c256.jwk")), "thp_extra": []}, open(t + "/client.json", "w"))
PY

start() { python3 "$HERE/launcher.py" $PORT "$LOG" $TANGD "$@" & echo $! > "$T/launcher.pid"; sleep 0.5; }
stop() { kill "$(cat "$T/launcher.pid")" 2>/dev/null; wait "$(cat "$T/launcher.pid")" 2>/dev/null; sleep 0.2; }
client() { python3 "$HERE/client.py" $PORT "$T/db" "$1" "$T/client.json"; }

start "$T/db"
for round in $(seq 1 $(r 9 12)); do
  client $(r 60 160)
  case $(( RANDOM % 7 )) in
    0|1) # a corrupt key file shows up in the key directory for a while
      f="$T/db/$(head -c 12 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=').jwk"
      printf '{"kty": "EC", "crv": ' > "$f"
      client $(r 10 40); rm -f "$f" ;;
    2) # key rotation
      /usr/libexec/tangd-rotate-keys -d "$T/db" >/dev/null 2>&1
      client $(r 20 60) ;;
    3|6) # bad launcher configuration: missing dir, file instead of dir, no argument
      stop
      case $(( RANDOM % 3 )) in
        0) start "$T/missing-$(r 1 99)" ;;
        1) start "$T/client.json" ;;
        2) start ;;
      esac
      client $(r 3 12); stop; start "$T/db" ;;
    4) # a key directory with only an exchange key (no signing key)
      stop
      rm -f "$T/ecmr-only"/*
      jose jwk gen -i '{"alg":"ECMR"}' -o "$T/ecmr-only/x$(r 100 999).jwk"
      start "$T/ecmr-only"; client $(r 5 20); stop; start "$T/db" ;;
    5) # old rotated keys cleaned up
      rm -f "$T/db"/.*.jwk; client $(r 10 30) ;;
  esac
done
stop
rm -rf "$T"
