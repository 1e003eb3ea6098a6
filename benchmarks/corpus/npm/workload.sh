#!/bin/bash
# npm --loglevel silly workload against a static registry of our own (port 49510) in netns r43hnpm.
# The debug log files npm writes to logs/ are joined in order into the raw log; npm.log is a stretch of it.
set -m
cd /work/round43/npm || exit 1
B=/tmp/round43-r43h
W=$B/npm-work
LOGS=/work/round43/npm/logs
PORT=49510 DEAD=49511 HANG=49512 NS=r43hnpm
RANDOM=${SEED:-1043}
rm -rf "$W" "$LOGS" $B/npm-cache $B/npm-global; mkdir -p "$W/proj" "$LOGS" $B/home $B/tmp $B/xdg/{cache,config,data,state} $B/npm-global/etc
: > $B/home/.npmrc
python3 gen_registry.py "$W" $PORT $RANDOM || exit 1
ip netns add $NS && ip netns exec $NS ip link set lo up || exit 1
ip netns exec $NS python3 serve.py "$W/reg" $PORT $HANG & SRV=$!
sleep 1
NPM=$B/npm-prefix/bin/npm
npmr() { # npm in the namespace, private env, silly log files in $LOGS
  ip netns exec $NS unshare -m env -i PATH=$B/npm-prefix/bin:/usr/bin:/bin HOME=$B/home TMPDIR=$B/tmp \
    XDG_CACHE_HOME=$B/xdg/cache XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state \
    npm_config_cache=$B/npm-cache npm_config_prefix=$B/npm-global npm_config_userconfig=$B/home/.npmrc \
    npm_config_globalconfig=$B/npm-global/etc/npmrc npm_config_update_notifier=false npm_config_fund=false \
    npm_config_fetch_retries=1 npm_config_fetch_retry_mintimeout=100 npm_config_fetch_retry_maxtimeout=300 \
    npm_config_fetch_timeout=2500 npm_config_audit=false \
    $NPM --loglevel silly --logs-dir "$LOGS" --logs-max 100000 --registry "${REG:-http://127.0.0.1:$PORT/}" "$@" \
    >/dev/null 2>&1 < /dev/null
}
PKGS=(leftpadx colorz tinyutil fmtlib deepmerge-r argy smallcli corelib)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
newproj() { P=$W/proj/p$RANDOM; mkdir -p "$P"; (cd "$P" && npmr init -y); }
newproj
steps=$((80 + RANDOM % 20))
for ((s=0;s<steps;s++)); do
  cd "$P" || exit 1
  r=$((RANDOM % 30))
  case $r in
    0|1|2|3|4) npmr install $(pick "${PKGS[@]}") $( [ $((RANDOM%2)) = 0 ] && pick "${PKGS[@]}") ;;
    5) npmr install "$(pick "${PKGS[@]}")@^1.0.0" --save-dev ;;
    6) npmr uninstall $(pick "${PKGS[@]}") ;;
    7) npmr install "$W/local/lib$((RANDOM%3))" ;;
    8) npmr install "$W/local/localtar$((RANDOM%3)).tgz" ;;
    9) (cd "$W/local/lib$((RANDOM%3))" && npmr pack --pack-destination "$W") ;;
    10) k=$((RANDOM%3)); (cd "$W/local/lib$k" && npmr link); npmr link locallib$k ;;
    11) npmr ls --all ;;
    12) npmr outdated ;;
    13) npmr update ;;
    14) npmr view $(pick "${PKGS[@]}") ;;
    15) [ -f package-lock.json ] && npmr ci || npmr install ;;
    16) npmr install nosuchpkg$((RANDOM%5)) ;;                       # 404
    17) npmr install "$(pick "${PKGS[@]}")@9.9.9" ;;                   # no matching version
    18) npmr install badhash ;;                                        # integrity mismatch
    19) npmr install gonepkg ;;                                        # tarball 404
    20) npmr install brokenmeta ;;                                     # bad packument JSON
    21) npmr install "$W/local/corrupt.tgz" ;;                         # not a tarball
    22) npmr install "$W/local/missing$RANDOM" ;;                      # missing folder
    23) REG=http://127.0.0.1:$DEAD/ npmr install $(pick "${PKGS[@]}") --prefer-online ;;   # refused
    24) REG=http://127.0.0.1:$HANG/ npmr view $(pick "${PKGS[@]}") ;;  # timeout
    25) cp package.json package.json.ok; echo '{"name": "broken",' > package.json; npmr install; mv package.json.ok package.json ;;
    26) npmr publish ;;                                               # registry refuses PUT
    27) npmr run nosuchscript$((RANDOM%3)) ;;
    28) npmr install nocachepkg --offline ;;
    29) npmr cache verify; [ $((RANDOM%3)) = 0 ] && newproj ;;
  esac
done
cd /work/round43/npm
kill $SRV; wait $SRV 2>/dev/null
ip netns del $NS
# join the debug logs in the order they were written (names start with an ISO timestamp)
ls "$LOGS" | sort | while read -r f; do cat "$LOGS/$f"; done > $B/npm-raw.log
rm -rf "$LOGS"
total=$(wc -l < $B/npm-raw.log); start=$(( total > 2500 ? 1 + RANDOM % (total - 2499) : 1 ))
sed -n "${start},$((start + 2499))p" $B/npm-raw.log > /work/round43/npm/npm.log
wc -l $B/npm-raw.log /work/round43/npm/npm.log
