#!/bin/bash
# Randomised workload for "fossil server" on 127.0.0.1:26200 (repositories under /tmp/round31-r31g/fossil).
# Server runs as user nobody with --errorlog - --httptrace --cgitrace; its stdout+stderr go to
# /tmp/round31-r31g/fossil/fossil.log. Usage: workload.sh [ROUNDS]
set -u
D=$(cd "$(dirname "$0")" && pwd)
F=/tmp/round31-r31g/fossil
PORT=26200
B=http://127.0.0.1:$PORT
ROUNDS=${1:-4}
export HOME=$F/home FOSSIL_HOME=$F/home USER=admin
rnd() { echo $((RANDOM % $1)); }
req() { curl -s -o /dev/null -m 20 "$@"; }

# --- fresh repositories -----------------------------------------------------------------------
rm -rf "$F"; mkdir -p "$F/repos" "$F/home" "$F/run" "$F/work"
for r in alpha beta; do
  fossil init --admin-user admin "$F/repos/$r.fossil" >/dev/null
  fossil user password admin r31g-admin-pw -R "$F/repos/$r.fossil"
  fossil user new dev dev@example.org r31g-dev-pw -R "$F/repos/$r.fossil" >/dev/null
  fossil user capabilities dev eiow -R "$F/repos/$r.fossil" >/dev/null
done
( cd "$F/work" && fossil open "$F/repos/alpha.fossil" >/dev/null
  for i in $(seq 8); do echo "line $i $RANDOM" >> "file$((i % 4)).txt"; fossil add . >/dev/null 2>&1
    fossil commit -m "change $i" --no-warnings >/dev/null 2>&1; done
  echo "Welcome to alpha" | fossil wiki create Home >/dev/null
  echo "Notes page" | fossil wiki create Notes >/dev/null
  fossil ticket add title "First bug" status Open type Code_Defect >/dev/null
  fossil ticket add title "Second bug" status Open type Feature_Request >/dev/null
  fossil close >/dev/null )
rm -rf "$F/work"
echo 'this is not a repository' > "$F/repos/broken.fossil"
chown -R nobody:nogroup "$F"
rm -f "$F/fossil.log"

SPID=
start() { # extra server options...
  ( cd "$F/run" && exec setpriv --reuid=nobody --regid=nogroup --init-groups env HOME="$F/home" \
      fossil server --port $PORT --localhost --errorlog - --httptrace --cgitrace "$@" --repolist "$F/repos" \
      >> "$F/fossil.log" 2>&1 ) &
  SPID=$!; sleep 1
}
stop() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=; sleep 1
  # backoffice children of finished requests outlive the server: stop them by the pids the log recorded
  for p in $(grep -ao 'creates backoffice child [0-9]*' "$F/fossil.log" | awk '{print $4}' | sort -u); do
    grep -qa fossil "/proc/$p/cmdline" 2>/dev/null && kill "$p"; done; }

J=$F/jar
login() { req -c "$J" -d "u=admin" -d "p=r31g-admin-pw" -d "g=" "$B/alpha/login"; }
PAGES=(timeline "timeline?n=5" "timeline?y=ci&n=3" dir "dir?ci=tip" "file?name=file1.txt&ci=tip" "info/tip" "wiki?name=Home"
       "wiki?name=Notes" wcontent reportlist "rptview?rn=1" brlist taglist stat "finfo?name=file2.txt" "doc/tip/file3.txt"
       "raw/file0.txt?ci=tip" "vdiff?from=trunk&to=tip" home "login" "help?cmd=clone" forum "chat" sitemap "json/stat")
one() {
  local r; r=$(rnd 100)
  if   [ $r -lt 30 ]; then req "$B/alpha/${PAGES[$(rnd ${#PAGES[@]})]}"
  elif [ $r -lt 36 ]; then req "$B/beta/${PAGES[$(rnd 8)]}"
  elif [ $r -lt 39 ]; then req "$B/"
  elif [ $r -lt 43 ]; then req "$B/$(echo gamma delta alphabet x | cut -d' ' -f$((1 + $(rnd 4))))/timeline"
  elif [ $r -lt 45 ]; then req "$B/al..pha/timeline"
  elif [ $r -lt 47 ]; then req "$B/broken/timeline"
  elif [ $r -lt 52 ]; then req "$B/alpha/info/$(printf '%08x' $((RANDOM * RANDOM)))"
  elif [ $r -lt 55 ]; then req "$B/alpha/nosuchpage$(rnd 9)"
  elif [ $r -lt 60 ]; then req -d "u=admin" -d "p=guess$(rnd 99)" "$B/alpha/login"
  elif [ $r -lt 63 ]; then req -d "u=dev" -d "p=r31g-dev-pw" "$B/alpha/login"
  elif [ $r -lt 74 ]; then login; req -b "$J" "$B/alpha/test-warning?case=$((1 + $(rnd 8)))"
  elif [ $r -lt 77 ]; then login; req -b "$J" "$B/alpha/$(echo setup_ulist setup_settings admin_log errorlog setup_timeline | cut -d' ' -f$((1 + $(rnd 5))))"
  elif [ $r -lt 80 ]; then req -b "fossil-0123456789abcdef=deadbeef/1234/admin" "$B/alpha/setup_ulist"
  elif [ $r -lt 84 ]; then
    rm -f "$F/clone.fossil"; fossil clone "http://dev:r31g-dev-pw@127.0.0.1:$PORT/alpha" "$F/clone.fossil" >/dev/null 2>&1
  elif [ $r -lt 86 ]; then
    rm -f "$F/clone2.fossil"; fossil clone "http://dev:wrong-pw@127.0.0.1:$PORT/beta" "$F/clone2.fossil" >/dev/null 2>&1
  elif [ $r -lt 89 ]; then
    if [ -f "$F/clone.fossil" ]; then
      rm -rf "$F/co"; mkdir -p "$F/co"
      ( cd "$F/co" && fossil open "$F/clone.fossil" >/dev/null 2>&1 && echo "pushed $RANDOM" >> file1.txt &&
        fossil commit -m "pushed change $(rnd 999)" --user dev --no-warnings >/dev/null 2>&1 &&
        fossil push "http://dev:r31g-dev-pw@127.0.0.1:$PORT/alpha" >/dev/null 2>&1; fossil close --force >/dev/null 2>&1 )
      rm -rf "$F/co"
    fi
  elif [ $r -lt 96 ]; then perl "$D/rawclient.pl" "$(echo badline nouri proto badlen xfer hangup | cut -d" " -f$((1 + $(rnd 6))))" $PORT
  else req -X POST -H 'Content-Type: application/x-fossil' --data-binary "garbage$(rnd 99)" "$B/alpha/xfer"
  fi
}
burst() { local n=$((${1:-20} + $(rnd ${2:-30}))); for i in $(seq $n); do one; done; }

start
for round in $(seq "$ROUNDS"); do
  burst 8 10
  case $(rnd 4) in
    0) stop; start --max-latency 1 ;;                      # restart with a strict latency limit
    1) stop; start --no-such-option; stop; start ;;       # bad command line
    2) stop; ( cd "$F/run" && setpriv --reuid=nobody --regid=nogroup --init-groups env HOME="$F/home" \
         fossil server --port $PORT --localhost --errorlog - --httptrace --cgitrace "$F/nonexistent" >> "$F/fossil.log" 2>&1 ); start ;;
    *) ;;
  esac
done
stop
rm -rf "$F/co" "$F/clone.fossil" "$F/clone2.fossil" "$J" "$F/run"/httplog-*.txt
