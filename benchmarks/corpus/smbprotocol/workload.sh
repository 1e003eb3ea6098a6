#!/bin/bash
# smbprotocol workload: smbd of our own + randomised smbclient driver; log = driver's stdout.
RANDOM=23
DIR=/work/round46/smbprotocol
ST=/tmp/round46-r46b/samba
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
rm -rf "$ST"
mkdir -p "$ST"/{private,lock,state,cache,run,ncalrpc,bind-dns,etc} "$ST"/share/{data,ro,priv}
# private account database for this mount namespace only
cp /etc/passwd /etc/group "$ST/etc/"
echo "alice:x:46601:46601::/tmp/round46-r46b/home:/usr/sbin/nologin" >> "$ST/etc/passwd"
echo "bob:x:46602:46602::/tmp/round46-r46b/home:/usr/sbin/nologin" >> "$ST/etc/passwd"
echo "alice:x:46601:" >> "$ST/etc/group"; echo "bob:x:46602:" >> "$ST/etc/group"
mount --bind "$ST/etc/passwd" /etc/passwd
mount --bind "$ST/etc/group" /etc/group
chown 46601 "$ST/share/data"; chown 46602 "$ST/share/priv"
echo "read only file" > "$ST/share/ro/f01.txt"
(echo alicepw1; echo alicepw1) | /usr/bin/smbpasswd -c "$DIR/smb.conf" -s -a alice > "$ST/pw.out" 2>&1
(echo bobpw2; echo bobpw2) | /usr/bin/smbpasswd -c "$DIR/smb.conf" -s -a bob >> "$ST/pw.out" 2>&1
RAW=$ST/raw.log
: > "$RAW"
start_smbd() {
  /usr/sbin/smbd --foreground --no-process-group -s "$DIR/smb.conf" >> "$ST/smbd.out" 2>&1 &
  SMBD=$!
  sleep 2
}
stop_smbd() {
  kill -TERM "$SMBD"; wait "$SMBD" 2>/dev/null
  if [ -f "$ST/run/samba-dcerpcd.pid" ]; then kill -TERM "$(cat "$ST/run/samba-dcerpcd.pid")" 2>/dev/null; fi
}
start_smbd
for round in 1 2 3 4; do
  "$PY" "$DIR/smbwork.py" "$RANDOM" $(( RANDOM % 8 + 8 )) >> "$RAW" 2>> "$ST/py.err"
  case $(( RANDOM % 3 )) in
    0) stop_smbd
       "$PY" "$DIR/smbwork.py" "$RANDOM" $(( RANDOM % 3 + 1 )) >> "$RAW" 2>> "$ST/py.err"
       start_smbd ;;
    1) stop_smbd; start_smbd ;;
    *) : ;;
  esac
done
stop_smbd
sed -n '1,2500p' "$RAW" > "$DIR/smbprotocol.log"
