#!/bin/bash
# Round-19 corpus workload: Yaws 2.1.1 (Debian 12 package yaws) on Erlang/OTP 25, started as
#   yaws --daemon --id r19 --debug --erlarg "-kernel logger_level debug"
# so that the report log (logdir/report.log, OTP logger, one line per record) carries info and
# debug records too. Servers on 127.0.0.1:27080 (two virtual hosts), :27081 and TLS :27443.
# Clients: curl and raw sockets (good and bad requests, auth, .yaws pages that crash, appmods,
# a reverse proxy to a dead backend, floods over max_connections), --hup reloads with changed and
# broken configurations, stop and restart.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (defaults: this folder, 240)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-240}
W=/tmp/r19yaws; ID=r19; export HOME=$W
command -v yaws >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y yaws curl netcat-openbsd
HOME=$W yaws --stop --id $ID >/dev/null 2>&1
rm -rf $W/www $W/www2 $W/www3 $W/ebin $W/log; mkdir -p $W/www/{docs,img,secret,private} $W/www2 $W/www3 $W/ebin $W/log "$OUT"
for i in $(seq 1 12); do head -c $((RANDOM % 1500 + 60)) /dev/urandom | base64 > $W/www/docs/doc$i.txt; done
echo '<html><body>home</body></html>' > $W/www/index.html
echo '<html><body>other</body></html>' > $W/www2/index.html
echo '<html><body>api</body></html>' > $W/www3/index.html
echo 'secret stuff' > $W/www/secret/index.html
echo 'unreadable' > $W/www/private/data.txt; chmod 000 $W/www/private/data.txt
head -c 20000 /dev/urandom > $W/www/img/pic.png
cat > $W/www/ok.yaws <<'EOF'
<erl>
out(A) -> {html, io_lib:format("<p>hello ~p</p>", [yaws_api:queryvar(A, "n")])}.
</erl>
EOF
cat > $W/www/crash.yaws <<'EOF'
<erl>
out(A) -> N = list_to_integer(case yaws_api:queryvar(A, "n") of {ok, V} -> V; _ -> "0" end), {html, integer_to_list(100 div N)}.
</erl>
EOF
cat > $W/www/throw.yaws <<'EOF'
<erl>
out(A) -> throw({oops, yaws_api:queryvar(A, "n")}).
</erl>
EOF
cat > $W/www/ssi.yaws <<'EOF'
<erl>
out(_A) -> {ssi, "missing_part.inc", "%%", []}.
</erl>
EOF
cat > $W/www/yssi.yaws <<'EOF'
<erl>
out(_A) -> {yssi, "missing_page.yaws"}.
</erl>
EOF
cat > $W/www/badret.yaws <<'EOF'
<erl>
out(_A) -> {this_is, not_valid, 42}.
</erl>
EOF
cat > $W/www/broken.yaws <<'EOF'
<erl>
out(A) -> {html, "missing paren" .
</erl>
EOF
cat > $W/www/noout.yaws <<'EOF'
<erl>
foo(_) -> ok.
</erl>
EOF
cat > $W/ebin/crashmod.erl <<'EOF'
-module(crashmod).
-export([out/1]).
out(A) -> case yaws_api:queryvar(A, "mode") of
  {ok, "exit"} -> exit(killed_by_request);
  {ok, "error"} -> erlang:error({bad_thing, A#arg.appmoddata});
  {ok, "badret"} -> {unexpected, value};
  _ -> {html, "fine"}
end.
EOF
sed -i '1a -include("/usr/lib/yaws/include/yaws_api.hrl").' $W/ebin/crashmod.erl
cat > $W/ebin/r19start.erl <<'EOF'
-module(r19start).
-export([start/1]).
start(_SC) -> ok.
EOF
(cd $W/ebin && erlc crashmod.erl && erlc r19start.erl)
printf '#!/bin/sh\necho "Content-type: text/plain"\necho\necho "cgi $QUERY_STRING"\n' > $W/www/ok.cgi
printf '#!/nonexistent/interpreter\nprint 1\n' > $W/www/fail.cgi
printf '#!/bin/sh\necho "no headers at all"\nexit 3\n' > $W/www/bad.cgi
chmod 755 $W/www/*.cgi
# something else holds port 27083, so a server added there by a reload cannot bind
python3 -c 'import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 27083)); s.listen(1); time.sleep(100000)' &
HOLD=$!
cat > $W/base.conf <<EOF
logdir = $W/log
ebin_dir = $W/ebin
max_connections = 30
keepalive_timeout = 2000
log_wrap_size = 0
log_resolve_hostname = false
copy_error_log = true
fail_on_bind_err = false
pick_first_virthost_on_nomatch = false
auth_log = true
EOF
mkconf() {  # variant: main | more | less | broken
  { cat $W/base.conf
    cat <<EOF
<server localhost>
    port = 27080
    listen = 127.0.0.1
    docroot = $W/www
    dir_listings = true
    appmods = <crash, crashmod> <gone, nosuchmod>
    start_mod = r19start
    allowed_scripts = yaws cgi
    revproxy = /proxy http://127.0.0.1:27099/
    <auth>
        dir = /secret
        realm = secretarea
        user = alice:wonderland
        user = bob:builder
    </auth>
</server>
<server other.test>
    port = 27080
    listen = 127.0.0.1
    docroot = $W/www2
    start_mod = nostart_mod$(r 2)
</server>
EOF
    if [ "$1" != less ]; then cat <<EOF
<server api.test>
    port = 27081
    listen = 127.0.0.1
    docroot = $W/www3
</server>
<server secure.test>
    port = 27443
    listen = 127.0.0.1
    docroot = $W/www2
    <ssl>
        keyfile = /etc/yaws/yaws-key.pem
        certfile = /etc/yaws/yaws-cert.pem
    </ssl>
</server>
EOF
    fi
    if [ "$1" = more ]; then cat <<EOF
<server extra$RANDOM.test>
    port = 27082
    listen = 127.0.0.1
    docroot = $W/www3
</server>
EOF
    fi
    if [ "$1" = more ] && [ $(r 2) = 0 ]; then cat <<EOF
<server busy.test>
    port = 27083
    listen = 127.0.0.1
    docroot = $W/www3
</server>
EOF
    fi
    if [ "$1" = broken ]; then echo "<server bad.test>"; echo "    port = notaport"; echo "    docroot = /nonexistent/$RANDOM"; echo "</server>"; fi
    if [ "$1" = broken2 ]; then echo "unknown_directive_$RANDOM = 1"; fi
  } > $W/yaws.conf
}
start() {
  yaws --daemon --id $ID --conf $W/yaws.conf --debug --erlarg "-kernel logger_level debug" >/dev/null 2>&1
  for i in $(seq 20); do curl -s -o /dev/null http://127.0.0.1:27080/ && break; sleep 0.5; done
}
stop() { yaws --stop --id $ID >/dev/null 2>&1; sleep 2; }
hup() { yaws --hup --id $ID >/dev/null 2>&1; sleep 1; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
C="curl -s -o /dev/null -m 5 --resolve localhost:27080:127.0.0.1 --resolve api.test:27081:127.0.0.1 --resolve secure.test:27443:127.0.0.1 --resolve extra.test:27082:127.0.0.1"
U=http://localhost:27080
hosts=(localhost other.test unknown$RANDOM.example api.test "")
request() {
  case $(r 30) in
    0|1) $C $U/docs/doc$((1 + $(r 14))).txt ;;
    2) $C "$U/ok.yaws?n=$RANDOM" ;;
    3) $C "$U/crash.yaws?n=$(pick 0 0 abc 5)" ;;
    4) $C "$U/throw.yaws?n=$RANDOM" ;;
    5) $C $U/badret.yaws ;;
    6) $C $U/broken.yaws ;;
    7) $C $U/noout.yaws ;;
    8) $C "$U/crash/$RANDOM?mode=$(pick exit error badret fine)" ;;
    9) $C -u "$(pick alice bob mallory alice)":"$(pick wonderland builder wrong$RANDOM '')" $U/secret/ ;;
    10) $C $U/secret/ ;;
    11) $C "$U/proxy/path$RANDOM" ;;
    12) $C -H "Host: $(pick "${hosts[@]}")" $U/ ;;
    13) $C $U/private/data.txt ;;
    14) $C $U/docs/ ;;
    15) printf '%s\r\n\r\n' "$(pick 'GARBAGE' 'GET' 'GET / HTTP/9.9' 'FOO /x HTTP/1.1' "$(head -c 40 /dev/urandom | base64)" 'GET /../../etc/passwd HTTP/1.0')" | timeout 3 nc -q1 127.0.0.1 27080 >/dev/null ;;
    16) $C -X POST -d "$(head -c $((RANDOM % 4000)) /dev/zero | tr '\0' x)" "$U/ok.yaws" ;;
    17) $C -X $(pick DELETE PUT OPTIONS TRACE PATCH PROPFIND) $U/docs/doc1.txt ;;
    18) [ $(r 3) = 0 ] && $C -k https://$(pick secure.test 127.0.0.1):27443/$(pick "" index.html nope) ;;
    19) printf 'GET / HTTP/1.1\r\nHost: x\r\n' | timeout 4 nc 127.0.0.1 27080 >/dev/null ;;  # incomplete request
    20) printf 'garbage tls\r\n' | timeout 3 nc -q1 127.0.0.1 27443 >/dev/null ;;
    21) $C http://$(pick api.test api.test 127.0.0.1):27081/$(pick '' index.html missing$RANDOM) ;;
    22) if [ $floods -lt 3 ] && [ $(r 4) = 0 ]; then floods=$((floods + 1))
          for i in $(seq 33); do (printf 'GET / HTTP/1.1\r\nHost: localhost:27080\r\n\r\n'; sleep 2) | timeout 3 nc 127.0.0.1 27080 >/dev/null & done; sleep 1
        else $C "$U/$(pick ssi.yaws yssi.yaws gone/x$RANDOM)"; fi ;;
    23) [ $(r 3) = 0 ] && $C -H "Range: bytes=$(r 100)-$(r 50)" $U/docs/doc2.txt ;;
    24) $C -H "$(head -c 9000 /dev/zero | tr '\0' a): x" $U/ ;;
    25) $C http://extra.test:27082/ ;;
    26) printf 'POST /ok.yaws HTTP/1.1\r\nHost: localhost:27080\r\nContent-Length: %d\r\n\r\nabc' $((100 + $(r 900))) | timeout 3 nc -q0 127.0.0.1 27080 >/dev/null ;;
    27) printf 'POST /ok.yaws HTTP/1.1\r\nHost: localhost:27080\r\nContent-Length: %s\r\n\r\nabc' "$(pick abc -5 1e3 0x10)" | timeout 3 nc -q1 127.0.0.1 27080 >/dev/null ;;
    28) printf 'POST /ok.yaws HTTP/1.1\r\nHost: localhost:27080\r\nTransfer-Encoding: chunked\r\n\r\n%s\r\nabc\r\n' "$(pick ZZ q1 -3 G0)" | timeout 3 nc -q1 127.0.0.1 27080 >/dev/null ;;
    29) $C "$U/$(pick ok.cgi fail.cgi bad.cgi)?q=$RANDOM" ;;
  esac
}
mkconf main; start
floods=0; END=$((SECONDS + DURATION)); NEXT=$((SECONDS + 20)); restarts=0
while [ $SECONDS -lt $END ]; do
  pids=(); for i in $(seq $((1 + $(r 6)))); do request & pids+=($!); done
  wait "${pids[@]}"
  if [ $SECONDS -ge $NEXT ]; then
    NEXT=$((SECONDS + 15 + $(r 20)))
    case $(r 6) in
      0) mkconf more; hup ;;
      1) mkconf less; hup ;;
      2) mkconf broken; hup; mkconf main; hup ;;
      3) mkconf broken2; hup; mkconf main; hup ;;
      4) mkconf main; hup ;;
      5) if [ $restarts -lt 2 ]; then stop; mkconf main; start; restarts=$((restarts + 1)); else mkconf main; hup; fi ;;
    esac
  fi
  sleep 0.$(r 5)
done
stop
kill $HOLD 2>/dev/null
cp $W/log/report.log "$OUT/yaws.log"
