#!/bin/bash
# Randomised workload for "git daemon --verbose --informative-errors", stderr appended to
# gitdaemon.log.  Clients: git clone/fetch/ls-remote/push/archive and rawgit.py (broken,
# hostile and slow git:// requests).  Only 127.0.0.1, daemon port 43418.
D=$(cd "$(dirname "$0")" && pwd)
cd "$D" || exit 1
PORT=43418
URL="git://127.0.0.1:$PORT"
LOG="$D/gitdaemon.log"
RUN="$D/run"
R="$RUN/repos"
W="$RUN/work"
rm -rf "$RUN" && mkdir -p "$R" "$W"
: > "$LOG"
export GIT_CONFIG_NOSYSTEM=1 HOME="$RUN/home" GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.email "wl@example.invalid"
git config --global user.name "Workload"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# ---------------------------------------------------------------- repositories
setup_repos() {
  local seed="$RUN/seed" n
  git init -q "$seed"
  for n in $(seq 1 $((4 + RANDOM % 4))); do
    echo "line $n $RANDOM" >> "$seed/file$((n % 3)).txt"
    git -C "$seed" add -A && git -C "$seed" commit -qm "commit $n"
  done
  git -C "$seed" tag v1.0
  git -C "$seed" branch topic
  for r in alpha beta gamma; do
    git clone -q --bare "$seed" "$R/$r.git"
  done
  touch "$R/alpha.git/git-daemon-export-ok" "$R/beta.git/git-daemon-export-ok"
  git -C "$R/alpha.git" config daemon.uploadarch true
  git -C "$R/alpha.git" config daemon.receivepack false
  git -C "$R/beta.git" config daemon.receivepack true
  git -C "$R/beta.git" config receive.denyNonFastForwards true
  cat > "$R/beta.git/hooks/pre-receive" <<'EOF'
#!/bin/sh
while read old new ref; do
  case "$ref" in *reject*) echo "pre-receive: $ref is not allowed here" >&2; exit 1 ;; esac
done
exit 0
EOF
  chmod +x "$R/beta.git/hooks/pre-receive"
  git clone -q "$seed" "$R/delta"
  touch "$R/delta/.git/git-daemon-export-ok"
  mkdir -p "$R/notrepo" "$R/127.0.0.1" "$R/vhost.example"
  echo "not a repository" > "$R/notrepo/README"
  ln -s ../alpha.git "$R/127.0.0.1/alpha.git"
  ln -s ../beta.git "$R/127.0.0.1/beta.git"
  ln -s ../alpha.git "$R/vhost.example/site.git"
  touch "$R/127.0.0.1/git-daemon-export-ok"
}

# ---------------------------------------------------------------- daemon control
PIDS=()
start_daemon() { # extra options
  git daemon --verbose --informative-errors --reuseaddr --listen=127.0.0.1 --port=$PORT \
      --pid-file="$RUN/daemon.pid" "$@" >> "$LOG" 2>&1 &
  GD=$!
  PIDS+=($GD)
  sleep 0.7
}
stop_daemon() {
  kill "$GD" 2>/dev/null
  wait "$GD" 2>/dev/null
  sleep 0.3
}
bad_start() { # a daemon that refuses to start
  timeout 10 git daemon --verbose --listen=127.0.0.1 --port=$PORT "$@" >> "$LOG" 2>&1
}

# ---------------------------------------------------------------- clients
g() { timeout 30 git "$@" </dev/null >/dev/null 2>>"$RUN/client.err"; }
raw() { timeout 20 python3 rawgit.py $PORT "$@" >>"$RUN/client.err" 2>&1; }
proto() { pick 0 1 2 2; }
repo() { pick alpha.git alpha.git beta.git delta delta/.git; }
badrepo() { pick nope.git gamma.git notrepo ../../etc "alpha.git/../beta.git" "~root/x.git" "%2e%2e/alpha.git" relative; }

op_clone() {
  local d="$W/c$RANDOM$RANDOM"
  case $((RANDOM % 3)) in
    0) g -c protocol.version=$(proto) clone -q "$URL/$(repo)" "$d" ;;
    1) g -c protocol.version=$(proto) clone -q --depth $((1 + RANDOM % 3)) "$URL/$(repo)" "$d" ;;
    2) g -c protocol.version=$(proto) clone -q --bare --single-branch -b topic "$URL/$(pick alpha.git beta.git)" "$d" ;;
  esac
  rm -rf "$d"
}
op_fetch() {
  local d="$W/fetch-$1"
  [ -d "$d" ] || g clone -q "$URL/$1" "$d"
  g -C "$d" -c protocol.version=$(proto) fetch -q --tags origin
  g -C "$d" -c protocol.version=$(proto) pull -q --ff-only
}
op_lsremote() { g -c protocol.version=$(proto) ls-remote $(pick "" --heads --tags) "$URL/$(repo)"; }
op_archive() {
  g archive --remote="$URL/$(pick alpha.git alpha.git beta.git delta)" --format=$(pick tar zip tar.gz) \
    -o "$W/a.out" HEAD $(pick "" file1.txt)
}
op_bad() { g -c protocol.version=$(proto) ls-remote "$URL/${1:-$(badrepo)}"; }
op_push() {
  local d="$W/push"
  [ -d "$d" ] || g clone -q "$URL/beta.git" "$d"
  g -C "$d" fetch -q origin
  g -C "$d" reset -q --hard origin/main
  echo "change $RANDOM" >> "$d/file1.txt"
  g -C "$d" commit -qam "work $RANDOM"
  case $((RANDOM % 7)) in
    0|1) g -C "$d" push -q origin HEAD:main ;;
    2) g -C "$d" push -q origin "HEAD:refs/heads/feature-$RANDOM" ;;
    3) g -C "$d" push -q origin "HEAD:refs/heads/reject-$RANDOM" ;;
    4) g -C "$d" push -q origin HEAD~2:main ;;
    5) g -C "$d" push -q -f origin HEAD~1:main ;;
    6) g -C "$d" push -q "$URL/$(pick alpha.git delta gamma.git nope.git)" HEAD:main ;;
  esac
}
op_raw() { # $1 = variant (default: random)
  case ${1:-$((RANDOM % 13))} in
    0) raw http ;;
    1) raw badlen ;;
    2) raw shortlen ;;
    3) raw eof ;;
    4) raw unknown ;;
    5) raw badhost ;;
    11) raw request upload-pack "$(pick relative.git alpha.git beta.git)" 127.0.0.1 ;;
    12) raw stall alpha.git 2 ;;
    6) raw hangup "$(pick alpha.git beta.git)" ;;
    7) raw wantbad "$(pick alpha.git beta.git)" ;;
    8) raw badwant alpha.git ;;
    9) raw pushgarbage beta.git ;;
    10) raw request "$(pick upload-pack receive-pack upload-archive)" "/$(pick alpha.git beta.git gamma.git delta)" "$(pick 127.0.0.1 127.0.0.1:$PORT vhost.example "[127.0.0.1]:$PORT")" $(pick "" version=2 "version=1 agent=raw/1.0") ;;
  esac
}
op_idle() { raw idle "$(pick 1 3 4)"; }
burst() { # several clients at once (more than --max-connections)
  local i bp=()
  for i in $(seq 1 $((5 + RANDOM % 3))); do raw stall "$(pick alpha.git beta.git)" 4 & bp+=($!); sleep 0.1; done
  sleep 0.3
  op_lsremote & bp+=($!)
  op_clone & bp+=($!)
  wait "${bp[@]}"
}

random_ops() { # $1 = count
  local n
  for ((n = 0; n < $1; n++)); do
    case $((RANDOM % 16)) in
      0|1|2) op_clone ;;
      3|4) op_fetch "$(pick alpha.git beta.git)" ;;
      5|6) op_lsremote ;;
      7) op_archive ;;
      8|9) op_bad ;;
      10|11) op_push ;;
      12|13|14) op_raw ;;
      15) op_idle ;;
    esac
  done
}

deck() { # every client kind once, in a random order
  local c a
  for c in $(shuf -e "$@"); do
    a=${c#*:}; ${c%%:*} ${a//:/ }
  done
}
ALL_RAW=(op_raw:0 op_raw:1 op_raw:2 op_raw:3 op_raw:4 op_raw:6 op_raw:7 op_raw:8 op_raw:9
         op_raw:10 op_raw:11 op_raw:12 raw:badhost:0 raw:badhost:1 raw:badhost:2 raw:badhost:3
         raw:badwant:alpha.git:0 raw:badwant:beta.git:3 raw:badwant:alpha.git:4 raw:badwant:beta.git:5
         raw:badwant:alpha.git:6 raw:badwant:alpha.git:7 raw:len3 raw:longpath:/:127.0.0.1)
ALL_BAD=(op_bad:nope.git op_bad:gamma.git op_bad:notrepo op_bad:../../etc
         op_bad:alpha.git/../beta.git op_bad:~root/x.git op_bad:delta/.git/objects)
ALL_GOOD=(op_clone: op_clone: op_clone: op_fetch:alpha.git op_fetch:beta.git op_lsremote: op_lsremote:
          op_archive: op_archive: op_push: op_push: op_push: op_idle:)

setup_repos

# ---- phase 1: base-path, receive-pack enabled (per-repo override), small limits
start_daemon --base-path="$R" --enable=receive-pack --max-connections=4 --init-timeout=2 --timeout=15
deck "${ALL_RAW[@]}" "${ALL_BAD[@]}" "${ALL_GOOD[@]}"
random_ops $((50 + RANDOM % 15))
burst

# a second daemon cannot bind the same port
bad_start --base-path="$R"

# ---- phase 2: restart without overrides for receive-pack, with an access hook
stop_daemon
cat > "$RUN/access-hook.sh" <<'EOF'
#!/bin/sh
# $1 service  $2 path  $3 host  $4 canon host  $5 ip  $6 port
case "$2" in
  */delta/.git) echo "delta is closed for maintenance"; exit 1 ;;
esac
[ "$1" = receive-pack ] && [ $(( $(date +%s) % 2 )) -eq 0 ] && { echo "pushes are paused"; exit 1; }
exit 0
EOF
chmod +x "$RUN/access-hook.sh"
start_daemon --base-path="$R" --forbid-override=receive-pack --enable=upload-archive \
  --access-hook="$RUN/access-hook.sh" --init-timeout=3
deck "${ALL_BAD[@]}" "${ALL_GOOD[@]}" op_raw:7 op_raw:9
random_ops $((15 + RANDOM % 10))

# ---- phase 3: interpolated paths (virtual hosts) and user paths
stop_daemon
start_daemon --interpolated-path="$R/%H%D" --user-path=public_git --enable=receive-pack
for i in $(seq 1 $((8 + RANDOM % 5))); do
  case $((RANDOM % 6)) in
    0) g ls-remote "$URL/alpha.git" ;;
    1) g clone -q "$URL/beta.git" "$W/i$i" ;;
    2) raw request upload-pack /site.git vhost.example ;;
    3) raw request upload-pack "$(pick relative.git "~nobody/x.git" "~root")" 127.0.0.1 ;;
    4) g ls-remote "$URL/~$(pick root daemon nobody)/$(pick x.git proj)" ;;
    5) raw request upload-pack /alpha.git "$(pick other.example "[127.0.0.1]:$PORT" UPPER.Example)" ;;
  esac
done
raw longpath / 127.0.0.1
raw longpath "~$(pick root daemon)/" 127.0.0.1

# ---- phase 4: strict paths with a whitelist, no base path
stop_daemon
start_daemon --strict-paths --export-all --timeout=10 "$R/alpha.git" "$R/delta"
for i in $(seq 1 $((8 + RANDOM % 5))); do
  case $((RANDOM % 5)) in
    0) g ls-remote "$URL$R/alpha.git" ;;
    1) g ls-remote "$URL$R/$(pick beta.git gamma.git alpha.git/objects)" ;;
    2) g clone -q "$URL$R/delta" "$W/s$i" ;;
    3) g ls-remote "$URL$R/$(pick delta/.git notrepo)" ;;
    4) raw request upload-pack "$R/$(pick alpha.git delta beta.git)" 127.0.0.1 ;;
  esac
done
stop_daemon

# ---- start-up failures
bad_start --base-path="$RUN/does-not-exist"
bad_start --strict-paths
bad_start --group=nogroup
bad_start --log-destination=everywhere
bad_start --user=no-such-user-$RANDOM
bad_start --user=root --group=no-such-group-$RANDOM
bad_start --inetd --detach --log-destination=stderr
bad_start --inetd --log-destination=stderr
bad_start --enable=teleport

# ---- phase 5: back to normal service, more clients, then shutdown
start_daemon --base-path="$R" --enable=receive-pack --max-connections=6 --init-timeout=2
random_ops $((35 + RANDOM % 10))
burst
stop_daemon
rm -rf "$RUN"
echo "git daemon workload done: $(wc -l < "$LOG") lines"
