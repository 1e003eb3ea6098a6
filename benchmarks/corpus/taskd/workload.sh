#!/bin/bash
# Workload for taskd (Taskwarrior server): private data dir + PKI under /tmp, several server
# runs with varied config (debug=1, log file copied here as taskd.log), Taskwarrior clients
# syncing through `task sync` with their own taskrc files, plus bad clients and raw messages.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round34-r34h/taskd
PORT=45520
export TASKDDATA=$T/data
rm -rf "$T/data" "$T/c" "$T/taskd.log" "$T/bad"
mkdir -p "$T/data" "$T/c" "$T/bad"
R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }

# --- PKI (generated outside this folder, deleted at the end) ---
if [ ! -f "$T/pki/ca.cert.pem" ]; then
  mkdir -p "$T/pki"; cp /usr/share/taskd/pki/generate* "$T/pki/"
  printf 'BITS=2048\nEXPIRATION_DAYS=365\nORGANIZATION="R34 Test"\nCN=localhost\nCOUNTRY=SE\nSTATE="Test"\nLOCALITY="Test"\n' > "$T/pki/vars"
  (cd "$T/pki" && ./generate && for u in alice bob carol dave eve; do ./generate.client $u; done) >/dev/null 2>&1
fi
# a self-signed client certificate the server does not trust
certtool --generate-privkey --bits 2048 --outfile "$T/bad/rogue.key.pem" >/dev/null 2>&1
printf 'cn = rogue\nexpiration_days = 30\ntls_www_client\nsigning_key\n' > "$T/bad/rogue.info"
certtool --generate-self-signed --load-privkey "$T/bad/rogue.key.pem" --template "$T/bad/rogue.info" --outfile "$T/bad/rogue.cert.pem" >/dev/null 2>&1

# --- server data ---
taskd init >/dev/null 2>&1
setc() { taskd config --force "$1" "$2" >/dev/null 2>&1; }
setc server 127.0.0.1:$PORT; setc debug 1; setc debug.tls 1; setc log "$T/taskd.log"; setc pid.file "$T/taskd.pid"
for f in ca.cert server.cert server.key server.crl client.cert client.key; do
  p=${f/./.}; case $f in server.crl) p=server.crl.pem ;; *) p=$f.pem ;; esac
  setc $f "$T/pki/$p"
done
taskd add org Public >/dev/null; taskd add org Lab >/dev/null; taskd add org Closed >/dev/null
declare -A KEY
adduser() { KEY[$1/$2]=$(taskd add user "$1" "$2" 2>&1 | sed -n 's/^New user key: //p'); }
adduser Public alice; adduser Public bob; adduser Lab carol; adduser Lab dave; adduser Closed eve
taskd suspend user Lab "${KEY[Lab/dave]}" >/dev/null 2>&1
taskd suspend org Closed >/dev/null 2>&1

mkclient() { # name org user key certname [server]
  local d="$T/c/$1"; mkdir -p "$d"
  cat > "$d/taskrc" <<EOF
data.location=$d/data
taskd.server=${6:-localhost:$PORT}
taskd.certificate=$T/pki/$5.cert.pem
taskd.key=$T/pki/$5.key.pem
taskd.ca=$T/pki/ca.cert.pem
taskd.credentials=$2/$3/$4
confirmation=off
verbose=nothing
recurrence.confirmation=no
EOF
}
mkclient alice1 Public alice "${KEY[Public/alice]}" alice
mkclient alice2 Public alice "${KEY[Public/alice]}" alice
mkclient bob Public bob "${KEY[Public/bob]}" bob
mkclient carol Lab carol "${KEY[Lab/carol]}" carol
mkclient dave Lab dave "${KEY[Lab/dave]}" dave                                # suspended user
mkclient eve Closed eve "${KEY[Closed/eve]}" eve                              # suspended org
mkclient mallory Public mallory 11111111-2222-3333-4444-555555555555 bob      # unknown user
mkclient imposter Public bob 99999999-8888-7777-6666-555555555555 bob         # bad key
mkclient stranger Nowhere zed 12345678-1234-1234-1234-123456789012 carol      # unknown org
mkclient rogue Public alice "${KEY[Public/alice]}" alice
sed -i "s#^taskd.certificate=.*#taskd.certificate=$T/bad/rogue.cert.pem#; s#^taskd.key=.*#taskd.key=$T/bad/rogue.key.pem#" "$T/c/rogue/taskrc"
GOOD=(alice1 alice1 alice2 alice2 bob bob bob carol carol)
BAD=(dave eve mallory imposter stranger rogue)

SPID=""
start() {
  taskd server --data "$T/data" > /dev/null 2>&1 &
  SPID=$!
  sleep 0.6
  kill -0 $SPID 2>/dev/null
}
stop() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=""; }

T_() { TASKRC="$T/c/$1/taskrc" task "${@:2}" >/dev/null 2>&1 </dev/null; }
projects=(home work garden r34 "big.plan")
tags=(urgent later phone mail)
wordz=(buy fix call write read plan clean review send "pay bills" "water plants" "update wiki")
workon() { # client: local changes
  local c=$1 n=$(( 1 + RANDOM % 4 )) i id
  for i in $(seq $n); do
    case $(R 7) in
      0|1|2) T_ "$c" add "$(pick "${wordz[@]}") $(pick "${wordz[@]}")" project:$(pick "${projects[@]}") +$(pick "${tags[@]}") priority:$(pick H M L) ;;
      3) id=$(( 1 + RANDOM % 6 )); T_ "$c" "$id" modify priority:$(pick H M L) ;;
      4) id=$(( 1 + RANDOM % 6 )); T_ "$c" "$id" done ;;
      5) id=$(( 1 + RANDOM % 6 )); T_ "$c" "$id" annotate "$(pick "${wordz[@]}")" ;;
      6) id=$(( 1 + RANDOM % 6 )); T_ "$c" "$id" delete ;;
    esac
  done
}
syncit() { if [ ! -f "$T/c/$1/data/backlog.data" ] || [ $(R 12) = 0 ]; then T_ "$1" sync init; else T_ "$1" sync; fi; }
raw() { # kind [cert]
  local cert=${2:-alice}
  timeout 15 python3 "$HERE/msgclient.py" $PORT "$T/pki/$cert.cert.pem" "$T/pki/$cert.key.pem" "$T/pki/ca.cert.pem" "$1" Public alice "${KEY[Public/alice]}" >/dev/null 2>&1
}
junk() {
  case $(R 4) in
    0) timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; printf 'GET / HTTP/1.0\r\n\r\n' >&3; sleep 0.5" >/dev/null 2>&1 ;;
    1) timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" >/dev/null 2>&1 ;;
    2) timeout 15 python3 "$HERE/msgclient.py" $PORT - - - hangup x y z >/dev/null 2>&1 ;;
    3) timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; head -c 300 /dev/urandom >&3; sleep 0.5" >/dev/null 2>&1 ;;
  esac
}
conflict() { # both replicas of alice change the same task, then sync
  T_ alice1 sync; T_ alice2 sync
  T_ alice1 1 modify "$(pick "${wordz[@]}") edited" priority:$(pick H L)
  sleep 1
  T_ alice2 1 modify project:$(pick "${projects[@]}") +$(pick "${tags[@]}")
  [ $(R 2) = 0 ] && T_ alice2 1 annotate "note $(R 100)"
  T_ alice1 sync; T_ alice2 sync; T_ alice1 sync
}

# server config variants applied before a (re)start
variant() {
  setc trust strict; setc request.limit 1048576; setc ip.log on; setc server 127.0.0.1:$PORT
  setc server.key "$T/pki/server.key.pem"; taskd config --force ciphers '' >/dev/null 2>&1; setc queue.size 10
  case $1 in
    allowall) setc trust "allow all" ;;
    ciphers) setc ciphers "NORMAL:-VERS-TLS1.3" ;;
    badtrust) setc trust "sometimes" ;;
    smalllimit) setc request.limit 4000 ;;
    noip) setc ip.log off ;;
    queue) setc queue.size $(( 2 + RANDOM % 20 )) ;;
  esac
}
badstart() {
  case $(R 4) in
    0) setc server.key "$T/pki/missing.key.pem" ;;
    1) setc server "localhost-no-port" ;;
    2) setc server "127.0.0.1:45520"; taskd server --data "$T/data" > /dev/null 2>&1 & local other=$!; sleep 0.5 ;;
    3) setc server "no.such.host.invalid:$PORT" ;;
  esac
  timeout 5 taskd server --data "$T/data" > /dev/null 2>&1
  [ -n "${other:-}" ] && { kill $other 2>/dev/null; wait $other 2>/dev/null; }
  variant plain
}

variants=(plain plain plain allowall ciphers badtrust smalllimit noip queue plain)
for round in $(seq 1 ${ROUNDS:-8}); do
  [ $round -gt 1 ] && [ $(R 2) = 0 ] && badstart
  variant "$(pick "${variants[@]}")"
  start || continue
  ops=$(( 8 + RANDOM % 30 ))
  for k in $(seq $ops); do
    r=$(R 100)
    if   [ $r -lt 45 ]; then c=$(pick "${GOOD[@]}"); workon "$c"; syncit "$c"
    elif [ $r -lt 55 ]; then c=$(pick "${GOOD[@]}"); syncit "$c"
    elif [ $r -lt 63 ]; then conflict
    elif [ $r -lt 73 ]; then c=$(pick "${BAD[@]}"); T_ "$c" add "try $(R 9)"; T_ "$c" sync
    elif [ $r -lt 82 ]; then raw "$(pick statistics statistics badtype badproto noorg badkey badjson nul huge)"
    elif [ $r -lt 90 ]; then junk
    elif [ $r -lt 95 ]; then kill -USR1 $SPID; c=$(pick "${GOOD[@]}"); syncit "$c"
    else raw statistics "$(pick bob carol)"
    fi
  done
  if [ $(R 2) = 0 ]; then kill -HUP $SPID; sleep 0.3; junk; fi
  stop
done
cp "$T/taskd.log" "$HERE/taskd.log"
rm -rf "$T/pki" "$T/bad"
