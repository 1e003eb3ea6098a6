#!/bin/bash
# CivetWeb workload: runs civetweb in private net+mount namespaces and drives it with curl/python clients.
set -u
DIR=/work/round40/civetweb
RUN=/tmp/round40-r40a/cw
LOG=$DIR/civetweb.log
if [ -z "${R40A_INNER:-}" ]; then
  cd "$DIR" || exit 1
  exec env R40A_INNER=1 unshare -n -m --propagation private /bin/bash "$DIR/workload.sh" "$@"
fi
cd "$DIR" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round40-r40a/home TMPDIR=/tmp/round40-r40a/tmp XDG_CONFIG_HOME=/tmp/round40-r40a/xdg/config \
  XDG_CACHE_HOME=/tmp/round40-r40a/xdg/cache XDG_DATA_HOME=/tmp/round40-r40a/xdg/data XDG_RUNTIME_DIR=/tmp/round40-r40a/xdg/runtime TZ=UTC
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$RUN"
rm -f "$LOG" "$RUN"/*
# self-signed cert for the TLS port, outside the folder
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$RUN/key.pem" -out "$RUN/crt.pem" -days 2 -subj /CN=localhost >/dev/null 2>&1
cat "$RUN/key.pem" "$RUN/crt.pem" > "$RUN/server.pem"
# auth files
civetweb -A "$RUN/secret.htpasswd" r40a.test alice wonderland >/dev/null 2>&1
civetweb -A "$RUN/secret.htpasswd" r40a.test bob builder >/dev/null 2>&1
civetweb -A "$RUN/put.htpasswd" r40a.test uploader s3cret >/dev/null 2>&1
{ echo ':# comment line'; echo ':include=/tmp/round40-r40a/cw/nothere.htpasswd'; echo ':badspecial'; echo 'nocolonsatall';
  echo 'carol:onlyonecolon'; cat "$RUN/secret.htpasswd"; } > "$RUN/mixed.htpasswd"
mkdir -p "$DIR/www/mixed"; echo mixed > "$DIR/www/mixed/index.html"
mkdir -p "$DIR/www/vault"; echo vault > "$DIR/www/vault/index.html"
PORT=54000; SPORT=54001
SRV_PID=
start_server() { # threads rto dirlist
  sed -e "s#@DIR@#$DIR#g" -e "s#@RUN@#$RUN#g" -e "s#@LOG@#$LOG#g" -e "s#@THREADS@#$1#" -e "s#@RTO@#$2#" -e "s#@DIRLIST@#$3#" \
    "$DIR/civetweb.conf.in" > "$RUN/civetweb.conf"
  civetweb "$RUN/civetweb.conf" > "$RUN/stdout.txt" 2>&1 &
  SRV_PID=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; sleep 0.1; done
}
stop_server() { kill -INT "$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; SRV_PID=; }
U=http://127.0.0.1:$PORT
C="curl -s -o /dev/null -m 8 -A r40a-client/1.0"
UAS=("Mozilla/5.0 (X11; Linux x86_64)" "curl/7.88.1" "r40a-probe/0.3" "Wget/1.21.3")
one_request() {
  local r=$((RANDOM % 100)) ua="${UAS[$((RANDOM % 4))]}"
  if   [ $r -lt 20 ]; then $C -A "$ua" "$U/docs/file$((RANDOM % 7 + 1)).txt"
  elif [ $r -lt 26 ]; then $C -A "$ua" -e "$U/index.html" "$U/"
  elif [ $r -lt 30 ]; then $C -A "$ua" -I "$U/docs/"
  elif [ $r -lt 34 ]; then $C -A "$ua" "$U/missing/page$RANDOM.html"
  elif [ $r -lt 40 ]; then $C -A "$ua" "$U/cgi-bin/hello.cgi?n=$RANDOM"
  elif [ $r -lt 43 ]; then $C -A "$ua" --data "payload=$RANDOM" "$U/cgi-bin/echo.cgi"
  elif [ $r -lt 46 ]; then $C "$U/cgi-bin/stderr.cgi"
  elif [ $r -lt 48 ]; then $C "$U/cgi-bin/badhdr.cgi"
  elif [ $r -lt 49 ]; then $C "$U/cgi-bin/slow.cgi?$((RANDOM % 2 + 1))"
  elif [ $r -lt 51 ]; then $C "$U/cgi-bin/status.cgi?$((RANDOM % 2 ? 299 : 777))"
  elif [ $r -lt 53 ]; then $C "$U/cgi-bin/noexec.cgi"
  elif [ $r -lt 54 ]; then $C "$U/cgi-bin/badinterp.cgi"
  elif [ $r -lt 62 ]; then local f=(good missing badinc exec badexec unknown nested huge); $C "$U/ssi/${f[$((RANDOM % 8))]}.shtml"
  elif [ $r -lt 65 ]; then $C "$U/secret/"
  elif [ $r -lt 68 ]; then $C --digest -u "alice:wrong$RANDOM" "$U/secret/data.txt"
  elif [ $r -lt 71 ]; then $C --digest -u "$( ((RANDOM % 2)) && echo alice:wonderland || echo bob:builder)" "$U/secret/data.txt"
  elif [ $r -lt 73 ]; then $C --digest -u alice:wonderland "$U/vault/"
  elif [ $r -lt 75 ]; then $C --digest -u "bob:builder" "$U/mixed/"
  elif [ $r -lt 78 ]; then $C --digest -u uploader:s3cret -T "$DIR/www/docs/file1.txt" "$U/upload/up$((RANDOM % 5)).txt"
  elif [ $r -lt 79 ]; then $C --digest -u uploader:s3cret -X DELETE "$U/upload/up$((RANDOM % 5)).txt"
  elif [ $r -lt 80 ]; then $C -T "$DIR/www/docs/file2.txt" "$U/upload/anon.txt"
  elif [ $r -lt 81 ]; then $C "$U/docs/notes.bak"
  elif [ $r -lt 86 ]; then $C -A "$ua" "http://127.0.0.1:$SPORT/docs/file2.txt"
  elif [ $r -lt 87 ]; then $C -k "https://127.0.0.1:$PORT/index.html"
  else local k=(garbage badversion badline huge slow partial shortbody badlen longhdr nohost badmethod chunked bothlen)
       python3 "$DIR/rawclient.py" $PORT "${k[$((RANDOM % 13))]}" 2>/dev/null
  fi
}
RANDOM=$$
N_ROUNDS=${N_ROUNDS:-6}
for round in $(seq "$N_ROUNDS"); do
  start_server $((RANDOM % 3 + 2)) $((RANDOM % 2 ? 1000 : 3000)) $( ((RANDOM % 2)) && echo yes || echo no)
  n=$((RANDOM % 60 + 40))
  for i in $(seq $n); do
    if [ $((RANDOM % 5)) -eq 0 ]; then one_request & else one_request; fi
  done
  wait $(jobs -p | grep -v "^$SRV_PID\$") 2>/dev/null
  if [ $((RANDOM % 2)) -eq 0 ]; then  # a second, misconfigured instance next to the running one
    case $((RANDOM % 4)) in
      0) civetweb "$RUN/civetweb.conf" ;;
      1) civetweb "$RUN/civetweb.conf" -listening_ports "127.0.0.1:$((RANDOM + 70000))" ;;
      2) civetweb "$RUN/civetweb.conf" -num_threads 0 ;;
      3) civetweb "$RUN/civetweb.conf" -ssl_cipher_list NOPE-CIPHER ;;
    esac >/dev/null 2>&1
  fi
  stop_server
done
# keep one stretch of whole lines: the longest one holding no carriage return (a stale request method
# in an error line's prefix can hold "\r\n", which line readers take as line ends), at most 2500 lines
python3 - "$LOG" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, "rb").read().split(b"\n")
if lines and lines[-1] == b"":
    lines.pop()
best, start = (0, 0), 0
for i, line in enumerate(lines + [b"\r"]):
    if b"\r" in line:
        if i - start > best[1] - best[0]:
            best = (start, i)
        start = i + 1
open(path, "wb").write(b"".join(line + b"\n" for line in lines[best[0]:best[1]][:2500]))
PY
rm -f "$RUN/key.pem" "$RUN/crt.pem" "$RUN/server.pem" "$DIR"/www/upload/*
