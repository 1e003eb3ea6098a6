#!/bin/bash
# runs inside the private namespaces (see workload.sh)
set -m
D=/work/round44/yarn
Y=/tmp/round44-r44d/yarn-pfx/node_modules/yarn/bin/yarn.js
RAW=/tmp/round44-r44d/yarn-raw.log
W=/tmp/round44-r44d/yarn-work
export YARN_CACHE_FOLDER=/tmp/round44-r44d/ycache
RANDOM=${SEED:-7741}
: > "$RAW"; rm -rf "$W" "$YARN_CACHE_FOLDER"; mkdir -p "$W/local/lpkg" "$W/link"
python3 "$D/registry.py" 47600 & R=$!
sleep 1
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
y() { ( cd "$P" && /usr/bin/node "$Y" --verbose --use-yarnrc "$D/yarnrc" --link-folder "$W/link" --global-folder "$W/global" "$@" >> "$RAW" 2>&1 </dev/null ) ; }
echo '{"name":"lpkg","version":"0.3.0","main":"index.js","license":"MIT","dependencies":{"alpha":"^1.0.0"}}' > "$W/local/lpkg/package.json"
echo 'module.exports=1;' > "$W/local/lpkg/index.js"
( cd "$W/local" && tar czf lpkg-0.3.0.tgz --transform 's,^lpkg,package,' lpkg )
mkproj() {
  rm -rf "$P"; mkdir -p "$P"
  case $((RANDOM % 12)) in
    0|1) printf '{"name":"ws-root","private":true,"license":"MIT","workspaces":["packages/*"]}\n' > "$P/package.json"
       for w in one two; do mkdir -p "$P/packages/$w"; printf '{"name":"%s","version":"1.0.0","license":"MIT","dependencies":{"%s":"%s"}}\n' "$w" "$(pick alpha beta theta)" "^1.0.0" > "$P/packages/$w/package.json"; done ;;
    2) printf '{"name":"bad", "version": "1.0.0",\n  "dependencies": {"alpha": "^1.0.0"\n' > "$P/package.json" ;;
    *) printf '{"name":"app%d","version":"1.0.0","license":"MIT","scripts":{"hello":"node -e \\"process.exit(0)\\"","fail":"node -e \\"process.exit(2)\\""},"dependencies":{"%s":"^1.0.0"}}\n' $RANDOM "$(pick alpha beta theta)" > "$P/package.json" ;;
  esac
}
for round in $(seq 1 75); do
  P=$W/p$((RANDOM % 4)); [[ -f $P/package.json && $((RANDOM % 4)) -ne 0 ]] || mkproj
  case $((RANDOM % 32)) in
    0|1|2|3) y install ;;
    4) y install --frozen-lockfile ;;
    5) y install --offline ;;
    6) y install --force --check-files ;;
    7|8|9) y add "$(pick alpha alpha@1.0.0 beta@^1.0.0 gamma delta theta@1.0.0 alpha@^2.0.0)" ;;
    10) y add "$(pick epsilon eta zeta iota iota@1.1.0 theta@1.0.1 nosuchpkg alpha@9.9.9)" ;;
    11) y add --dev "$(pick gamma@0.1.0 delta)" ;;
    12) y add "file:$W/local/lpkg-0.3.0.tgz" ;;
    13) y add "file:$W/local/lpkg" ;;
    14) y add "link:$W/local/lpkg" ;;
    15|16) y remove "$(pick alpha beta theta gamma delta notthere)" ;;
    17) y upgrade ;;
    18) y upgrade alpha --latest ;;
    19) y outdated ;;
    20) y list --depth=0 ;;
    21) y list --pattern alpha ;;
    22) y check; y check --integrity ;;
    23) y pack --filename "$W/pack-$round.tgz" ;;
    24) ( cd "$W/local/lpkg" && /usr/bin/node "$Y" --verbose --use-yarnrc "$D/yarnrc" --link-folder "$W/link" link >> "$RAW" 2>&1 </dev/null ); y link lpkg; (( RANDOM % 2 )) && y unlink lpkg ;;
    25) y run "$(pick hello fail nosuch)" ;;
    26) y cache list ;;
    27) y add slowpkg --network-timeout 1000 ;;
    28) y autoclean --init ;;
    29) y install --production --ignore-scripts ;;
    30|31) P=$W/pbad; mkdir -p "$P"; printf '{"name":"bad", "version": "1.0.0",\n  "dependencies": {"alpha": "^1.0.0"\n' > "$P/package.json"; y "$(pick install add)" $( (( RANDOM % 2 )) && echo alpha) ;;
  esac
done
kill $R; wait $R
