#!/bin/bash
# Randomised workload for usbguard-daemon (debug log to a file), umockdev backend with fake
# USB devices (no hardware), driven through its IPC interface with the usbguard CLI.
# Runs inside a private network namespace (the IPC socket is an abstract unix socket).
# usbguard.log is one contiguous stretch (lines 3301-5800) of the usbguard.full.log this writes.
set -u
if [ -z "${R32G_NS:-}" ]; then exec env R32G_NS=1 unshare -n "$0" "$@"; fi
HERE=$(cd "$(dirname "$0")" && pwd)
U=/tmp/round32-r32g/usb
LOG=$HERE/usbguard.full.log
rm -rf "$U"; mkdir -p "$U/rules.d" "$U/ipcacl" "$U/devdir"
: > "$LOG"
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
python3 "$HERE/gen_devices.py" "$U/stage" $RANDOM
conf() { # conf BACKEND [extra lines]
  sed "s|@U@|$U|g; s|@BACKEND@|$1|" "$HERE/usbguard-daemon.conf.in" > "$U/daemon.conf"; shift
  for l in "$@"; do echo "$l" >> "$U/daemon.conf"; done
  chmod 600 "$U/daemon.conf"
}
cp "$HERE/rules.conf.in" "$U/rules.conf"; chmod 600 "$U/rules.conf"
start() {
  USBGUARD_UMOCKDEV_DEVICEDIR=$U/devdir umockdev-wrapper usbguard-daemon -d -K -l "$LOG" -p "$U/daemon.pid" -c "$U/daemon.conf" "$@" &
  echo $! > "$U/wrapper.pid"; sleep 2
}
stop() { # umockdev-wrapper execs the daemon: same pid
  local p=$(cat "$U/wrapper.pid"); kill -TERM "$p" 2>/dev/null
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null; sleep 0.3
}
G() { usbguard "$@" >/dev/null 2>&1; }
ids() { usbguard list-devices 2>/dev/null | sed -n 's/^\([0-9]\+\):.*/\1/p'; }
rids() { usbguard list-rules 2>/dev/null | sed -n 's/^\([0-9]\+\):.*/\1/p'; }
pick() { local a=($(cat)); [ ${#a[@]} -gt 0 ] && echo "${a[RANDOM % ${#a[@]}]}" || echo 999; }
plug() { local f=$(ls "$U/stage" | grep dev- | shuf -n1); [ -e "$U/devdir/$f" ] || ln "$U/stage/$f" "$U/devdir/$f"; }
unplug() { local f=$(ls "$U/devdir" | grep dev- | shuf -n1); [ -n "$f" ] && rm -f "$U/devdir/$f"; }
RULES=('allow id 046d:*' 'block id 0781:* with-interface 08:06:50' 'reject name "Rubber Ducky"'
  'allow with-interface equals { 03:01:01 }' 'block with-interface one-of { 08:*:* 0b:*:* }'
  'allow serial "0000:00:14.0"' 'allow id 1050:* if !rule-applied' 'reject via-port "1-7"'
  'block id 0403:* label "serial-adapter"' 'allow with-connect-type "hotplug"')
BADRULES=('allow id 046d' 'permit id 1234:5678' 'allow with-interface { 03:01 }' 'block serial "unterminated'
  'allow id 046d:* with-interface equals-ordered' 'reject if nonsense()' '' 'allow hash')
PARAMS=(InsertedDevicePolicy ImplicitPolicyTarget)
VALUES=(allow block reject apply-policy keep bogus)

ln "$U/stage/controller.umockdev" "$U/devdir/"
for i in $(seq 1 $(r 2 4)); do plug; done
conf umockdev; start
for round in $(seq 1 $(r 50 70)); do
  case $(( RANDOM % 20 )) in
    0|1|2) plug; sleep 0.5 ;;
    3|4) unplug; sleep 0.5 ;;
    5|6) G list-devices; G list-devices -b ;;
    7) G allow-device $(ids | pick) ;;
    8) G block-device $(ids | pick) ;;
    9) G reject-device $(ids | pick) ;;
    10) G allow-device $(r 100 999) ;;
    11) G append-rule "${RULES[RANDOM % ${#RULES[@]}]}" ;;
    12) G append-rule "${BADRULES[RANDOM % ${#BADRULES[@]}]}" ;;
    13) G remove-rule $(rids | pick) ;;
    14) G remove-rule $(r 100 999) ;;
    15) G list-rules ;;
    16) G get-parameter ${PARAMS[RANDOM % 2]}; G get-parameter Bogus$(r 1 9) ;;
    17) G set-parameter ${PARAMS[RANDOM % 2]} ${VALUES[RANDOM % ${#VALUES[@]}]} ;;
    18) setpriv --reuid=65534 --regid=65534 --clear-groups usbguard list-devices >/dev/null 2>&1 ;;
    19) case $(( RANDOM % 5 )) in # restart, possibly with a broken configuration first
          0) stop; conf umockdev "PresentDevicePolicy=sometimes"; start; stop; conf umockdev; start ;;
          1) stop; chmod 644 "$U/daemon.conf"; start; stop; conf umockdev; start ;;
          2) stop; cp "$U/rules.conf" "$U/rules.ok"; echo 'allow id zzzz:1' >> "$U/rules.conf"; start; stop; mv "$U/rules.ok" "$U/rules.conf"; start ;;
          3) stop; conf umockdev "IPCAccessControlFiles=$U/missing-acl/"; start; stop; conf umockdev; start ;;
          4) stop; start ;;
        esac ;;
  esac
done
stop
rm -rf "$U"
