#!/bin/bash
# Randomised workload for mini_httpd: static files, CGI, auth, errors, garbage, SIGHUP, restarts.
set -u
D=/work/round30/minihttpd
cd "$D"
PORT=$((16100 + RANDOM % 50))
WWW=$D/www
rm -rf "$WWW" "$D/minihttpd.log" "$D/run"
mkdir -p "$WWW/sub/deep" "$WWW/noidx" "$WWW/private" "$WWW/cgi-bin" "$D/run"
echo "<html><body>home $RANDOM</body></html>" > "$WWW/index.html"
echo "<html>about</html>" > "$WWW/about.html"
echo "body{color:red}" > "$WWW/style.css"
head -c $((500 + RANDOM % 3000)) /dev/urandom > "$WWW/logo.png"
echo '{"k": 1}' > "$WWW/data.json"
echo "notes" > "$WWW/notes.txt"
: > "$WWW/empty.txt"
echo "<p>sub index</p>" > "$WWW/sub/index.html"
echo "<p>page</p>" > "$WWW/sub/page.html"
head -c 1000 /dev/urandom > "$WWW/sub/deep/file.bin"
echo "a" > "$WWW/noidx/a.txt"; echo "b" > "$WWW/noidx/b.txt"
echo "top secret" > "$WWW/private/secret.txt"
echo "<p>private</p>" > "$WWW/private/index.html"
echo "alice:$(openssl passwd -1 wonderland)" > "$WWW/private/.htpasswd"
echo "x" > "$WWW/sub/deep/.htpasswd.bak"
echo "locked" > "$WWW/unreadable.txt"; chmod 000 "$WWW/unreadable.txt"
cat > "$WWW/cgi-bin/hello.cgi" <<'C'
#!/bin/sh
echo "Content-Type: text/plain"
echo
echo "hello $QUERY_STRING"
[ "$REQUEST_METHOD" = POST ] && head -c "${CONTENT_LENGTH:-0}"
exit 0
C
cat > "$WWW/cgi-bin/env.cgi" <<'C'
#!/bin/sh
echo "Content-Type: text/plain"
echo
env | sort
C
cat > "$WWW/cgi-bin/fail.cgi" <<'C'
#!/bin/sh
echo "oops on stderr" >&2
exit 3
C
cat > "$WWW/cgi-bin/slow.cgi" <<'C'
#!/bin/sh
sleep 0.3
echo "Content-Type: text/html"
echo
echo "<p>slow</p>"
C
cat > "$WWW/cgi-bin/redirect.cgi" <<'C'
#!/bin/sh
echo "Location: /index.html"
echo
C
cat > "$WWW/cgi-bin/status.cgi" <<'C'
#!/bin/sh
echo "Status: 418 I'm a teapot"
echo "Content-Type: text/plain"
echo
echo teapot
C
echo "not executable" > "$WWW/cgi-bin/nonexec.cgi"
chmod 755 "$WWW"/cgi-bin/hello.cgi "$WWW"/cgi-bin/env.cgi "$WWW"/cgi-bin/fail.cgi "$WWW"/cgi-bin/slow.cgi "$WWW"/cgi-bin/redirect.cgi "$WWW"/cgi-bin/status.cgi
chmod -R a+rX "$WWW"; chmod 000 "$WWW/unreadable.txt"

start() {
  /usr/sbin/mini_httpd -D -h 127.0.0.1 -p "$PORT" -d "$WWW" -c 'cgi-bin/*' -u nobody \
      -l "$D/minihttpd.log" -i "$D/run/mini_httpd.pid" -T utf-8 -M 60 2>>"$D/run/stderr.txt" &
  echo $! > "$D/run/server.pid"
  sleep 0.5
}
stop() { kill "$(cat "$D/run/server.pid")" 2>/dev/null; wait "$(cat "$D/run/server.pid")" 2>/dev/null; }

for round in 1 2 3; do
  start
  pids=""
  for c in $(seq 1 $((3 + RANDOM % 3))); do
    python3 "$D/client.py" "$PORT" $((80 + RANDOM % 80)) "127.0.0.$((1 + RANDOM % 20))" &
    pids="$pids $!"
  done
  sleep 1
  kill -HUP "$(cat "$D/run/server.pid")"   # re-open the log file
  wait $pids
  stop
  sleep 0.3
done
rm -rf "$D/run"
