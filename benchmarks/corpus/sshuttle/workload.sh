#!/bin/bash
# sshuttle workload: `sshuttle -vvv` (nft method) run as root in network namespace r44hcli; its
# remote end runs in namespace r44hsrv (veth pair r44hc0/r44hs0), started by fakessh.sh given as
# --ssh-cmd. Targets there: python3 http.server on 10.244.44.2:49580, fake DNS (dnsd.py) on :49553.
# sshuttle's stderr and stdout are appended to one file; the log is a stretch of it.
set -u
HERE=/work/round44/sshuttle
BASE=/tmp/round44-r44h/sshuttle
VENV=/tmp/round44-r44h/venv-sshuttle
LOG=$BASE/out.log
if [ "${1:-}" != inside ]; then
  set -m
  rm -rf "$BASE"; mkdir -p "$BASE/www" "$BASE/home" "$BASE/tmp" "$BASE/run"
  echo "nameserver 10.244.44.2" > "$BASE/srv-resolv.conf"
  echo "nameserver 10.244.44.53" > "$BASE/cli-resolv.conf"
  echo "<html>ok</html>" > "$BASE/www/index.html"; head -c 30000 /dev/urandom > "$BASE/www/big.bin"
  ip netns add r44hcli; ip netns add r44hsrv
  ip -n r44hcli link add r44hc0 type veth peer name r44hs0 netns r44hsrv
  ip -n r44hcli addr add 10.244.44.1/24 dev r44hc0; ip -n r44hsrv addr add 10.244.44.2/24 dev r44hs0
  for n in r44hcli r44hsrv; do ip -n $n link set lo up; done
  ip -n r44hcli link set r44hc0 up; ip -n r44hsrv link set r44hs0 up
  (cd "$BASE/www" && exec ip netns exec r44hsrv python3 -m http.server --bind 10.244.44.2 49580 >/dev/null 2>&1) & WP=$!
  ip netns exec r44hsrv python3 "$HERE/dnsd.py" 10.244.44.2 49553 >/dev/null 2>&1 & DP=$!
  sleep 1
  ip netns exec r44hcli unshare -m bash -c '
    mount --make-rprivate /
    mount --bind /tmp/round44-r44h /mnt
    mount -t tmpfs tmpfs /tmp
    mkdir -p /tmp/round44-r44h
    mount --bind /mnt /tmp/round44-r44h
    mount -t tmpfs tmpfs /var/tmp
    mount -t tmpfs tmpfs /dev/shm
    mount --bind /tmp/round44-r44h/sshuttle/cli-resolv.conf /etc/resolv.conf
    exec bash '"$HERE"'/workload.sh inside'
  kill $WP $DP 2>/dev/null; wait $WP $DP 2>/dev/null
  ip netns del r44hcli; ip netns del r44hsrv
  # keep one contiguous stretch of whole lines
  sed -n '1,2500p' "$LOG" > "$HERE/sshuttle.log"
  wc -l "$HERE/sshuttle.log"
  exit 0
fi
set -m
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_RUNTIME_DIR=$BASE/run
export XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache XDG_DATA_HOME=$HOME/.local/share XDG_STATE_HOME=$HOME/.local/state
export PATH=$VENV/bin:$PATH
: > "$LOG"
r() { echo $((RANDOM % $1)); }
SSH="$HERE/fakessh.sh"
COMMON=(-vvv --method nft -e "$SSH" --python python3)
clients() {  # clients COUNT: random traffic through the tunnel
  local i k cp=()
  for ((i = 0; i < $1; i++)); do
    case $(r 12) in
      0|1|2|3|4) k=http ;; 5|6) k=dns ;; 7|8) k=refused ;; 9) k=nohost ;; *) k=abort ;;
    esac
    timeout 8 python3 "$HERE/client.py" $k &
    cp+=($!)
    [ $((RANDOM % 3)) = 0 ] && wait $!
    sleep 0.$(r 3)
  done
  [ ${#cp[@]} -gt 0 ] && wait "${cp[@]}"
}
kill_remote() {  # kill the remote python (child of the shell whose pid fakessh.sh recorded)
  [ -f "$BASE/remote.pid" ] || return
  local rp; rp=$(ps -o pid= --ppid "$(cat "$BASE/remote.pid")" | head -1)
  kill "$@" ${rp:-$(cat "$BASE/remote.pid")} 2>/dev/null
}
session() {
  local args=("${COMMON[@]}" -r srv 10.244.44.0/24)
  [ $(r 3) != 0 ] && args+=(--dns --ns-hosts 10.244.44.53)
  [ $(r 2) = 0 ] && args+=(--to-ns 10.244.44.2:49553)
  [ $(r 4) = 0 ] && args+=(-x 10.244.44.1)
  [ $(r 3) = 0 ] && args+=(--listen "127.0.0.1:49540,[::1]:49541")
  [ $(r 5) = 0 ] && args+=(--no-latency-control)
  [ $(r 5) = 0 ] && args+=(--disable-ipv6)
  [ $(r 6) = 0 ] && args+=(-H)
  [ $(r 6) = 0 ] && args+=(-N)
  rm -f "$BASE/remote.pid"
  local before; before=$(grep -c "Connected to server" "$LOG")
  sshuttle "${args[@]}" >> "$LOG" 2>&1 &
  local sp=$! t
  for t in $(seq 1 40); do  # wait (up to 10 s) until the tunnel is up
    [ "$(grep -c "Connected to server" "$LOG")" -gt "$before" ] && break
    sleep 0.25
  done
  sleep 0.5
  clients $((1 + RANDOM % 5))
  case $(r 6) in
    0|1|2) kill -INT $sp ;;
    3) kill -TERM $sp ;;
    4) kill_remote -TERM; sleep 1; clients 2; kill -INT $sp 2>/dev/null ;;
    5) kill_remote -KILL; sleep 1; kill -INT $sp 2>/dev/null ;;
  esac
  sleep 1; kill -INT $sp 2>/dev/null; sleep 1; kill -KILL $sp 2>/dev/null
  wait $sp 2>/dev/null
}
bad() {
  case $(r 9) in
    0) sshuttle "${COMMON[@]}" -r bad 10.244.44.0/24 ;;
    1) sshuttle -vvv --method nosuch -e "$SSH" -r srv 10.244.44.0/24 ;;
    2) sshuttle -vvv --method nft -e /nonexistent/ssh -r srv 10.244.44.0/24 ;;
    3) sshuttle "${COMMON[@]}" -r srv 10.244.44.0/99 ;;
    4) sshuttle "${COMMON[@]}" -r srv ;;
    5) sshuttle "${COMMON[@]}" -r srv --listen 127.0.0.1:notaport 10.244.44.0/24 ;;
    6) sshuttle -vvv --method nft -e "$SSH" --python /no/python -r srv 10.244.44.0/24 ;;
    7) sshuttle "${COMMON[@]}" -r srv -X /nonexistent/excludes 10.244.44.0/24 ;;
    8) sshuttle "${COMMON[@]}" -r srv --dns --to-ns notanip 10.244.44.0/24 ;;
  esac >> "$LOG" 2>&1 </dev/null
}
n=0
while [ "$(wc -l < "$LOG")" -lt 2600 ] && [ $n -lt 200 ]; do
  if [ $(r 4) = 0 ]; then timeout 20 bash -c "$(declare -f r bad); COMMON=(${COMMON[*]@Q}); LOG=$LOG; SSH=$SSH; bad"; else session; fi
  n=$((n + 1))
done
