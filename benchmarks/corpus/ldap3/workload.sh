#!/bin/bash
# ldap3 workload: slapd of our own + randomised ldap3 clients; log = clients' stderr.
RANDOM=4646
DIR=/work/round46/ldap3
ST=/tmp/round46-r46b/slapd
PY=/tmp/round46-r46b/venv/bin/python
if [ -z "$IN_R46B_NS" ]; then
  # private network namespace (loopback only) and mount namespace with private /tmp, /var/tmp, /dev/shm
  cd "$DIR" || exit 1
  export IN_R46B_NS=1 HOME=/tmp/round46-r46b/home TMPDIR=/tmp/round46-r46b/tmp \
    XDG_CONFIG_HOME=/tmp/round46-r46b/xdg/config XDG_DATA_HOME=/tmp/round46-r46b/xdg/data \
    XDG_CACHE_HOME=/tmp/round46-r46b/xdg/cache XDG_STATE_HOME=/tmp/round46-r46b/xdg/state \
    XDG_RUNTIME_DIR=/tmp/round46-r46b/xdg/runtime
  mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
  exec unshare -n -m -- /bin/bash -c '
    ip link set lo up
    mount --make-rprivate /
    mount --bind /tmp/round46-r46b /mnt
    mount -t tmpfs tmpfs /tmp
    mkdir -p /tmp/round46-r46b
    mount --bind /mnt /tmp/round46-r46b
    umount -l /mnt
    mount -t tmpfs tmpfs /var/tmp
    mount -t tmpfs tmpfs /dev/shm
    exec "$0" "$@"' "$DIR/workload.sh" "$@"
fi
set -m
cd "$DIR" || exit 1
rm -rf "$ST"; mkdir -p "$ST/db"
/usr/sbin/slapadd -f "$DIR/slapd.conf" -l "$DIR/base.ldif" > "$ST/slapadd.out" 2>&1
RAW=$ST/raw.log
: > "$RAW"
start_slapd() {
  /usr/sbin/slapd -h ldap://127.0.0.1:46601/ -f "$DIR/slapd.conf" -d 0 >> "$ST/slapd.out" 2>&1 &
  SLAPD=$!
  sleep 1
}
stop_slapd() {
  kill -TERM "$SLAPD"; wait "$SLAPD" 2>/dev/null
}
start_slapd
for round in 1 2 3 4 5 6 7 8 9; do
  n=$(( RANDOM % 3 + 1 ))
  "$PY" "$DIR/ldapclient.py" "$RANDOM" "$n" "$SLAPD" 2>> "$RAW"
  case $(( RANDOM % 3 )) in
    0) stop_slapd
       "$PY" "$DIR/ldapclient.py" "$RANDOM" 1 0 2>> "$RAW"
       start_slapd ;;
    1) stop_slapd; start_slapd ;;
    *) : ;;
  esac
done
stop_slapd
sed -n '1,2500p' "$RAW" > "$DIR/ldap3.log"
