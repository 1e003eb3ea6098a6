#!/bin/bash
# Round-5 corpus workload: lighttpd 1.4 (Debian 12 package) error log with request-handling,
# file-not-found and timeout debug on, for DURATION seconds of randomised HTTP clients
# on 127.0.0.1 only. Writes $OUT/lighttpd.log unchanged.
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-150}
PORT=15610; DEAD=15611
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd); rm -f "$OUT/lighttpd.log"
DOC=$OUT/htdocs; rm -rf "$DOC"; mkdir -p "$DOC/private" "$DOC/secret" "$DOC/cgi-bin" "$DOC/files" "$DOC/admin"
for i in 1 2 3 4 5; do echo "page $i" > "$DOC/files/page$i.html"; done
echo hello > "$DOC/index.html"; echo members > "$DOC/private/index.html"; echo x > "$DOC/secret/key.txt"
echo admin > "$DOC/admin/index.html"; echo backup > "$DOC/files/old.bak"
printf '#!/bin/sh\necho "Content-Type: text/plain"\necho\necho ok $QUERY_STRING\n' > "$DOC/cgi-bin/ok.cgi"
printf '#!/bin/sh\necho "cgi failing: $QUERY_STRING" >&2\nexit 3\n' > "$DOC/cgi-bin/fail.cgi"
printf '#!/bin/sh\necho "this is not a header"\n' > "$DOC/cgi-bin/bad.cgi"
printf '#!/bin/sh\nsleep 30\n' > "$DOC/cgi-bin/slow.cgi"
printf '#!/nonexistent/interpreter\n' > "$DOC/cgi-bin/noint.cgi"
printf '#!/bin/sh\necho hi\n' > "$DOC/cgi-bin/noexec.cgi"
chmod 755 "$DOC"/cgi-bin/*.cgi; chmod 644 "$DOC/cgi-bin/noexec.cgi"
chmod 000 "$DOC/files/page5.html"
chown -R www-data "$DOC" "$OUT"; chmod 000 "$DOC/files/page5.html"
htpasswd -bc "$OUT/htpasswd" alice wonderland 2>/dev/null; htpasswd -b "$OUT/htpasswd" bob builder 2>/dev/null
chown www-data "$OUT/htpasswd"
cat > "$OUT/lighttpd.conf" <<CONF
server.modules = ( "mod_access", "mod_auth", "mod_authn_file", "mod_proxy", "mod_cgi", "mod_fastcgi", "mod_alias" )
server.document-root = "$DOC"
server.bind = "127.0.0.1"
server.port = $PORT
server.errorlog = "$OUT/lighttpd.log"
server.pid-file = "$OUT/lighttpd.pid"
server.username = "www-data"
server.groupname = "www-data"
server.max-read-idle = 4
server.max-keep-alive-idle = 3
server.max-request-field-size = 4096
server.max-request-size = 16
index-file.names = ( "index.html" )
debug.log-request-handling = "enable"
debug.log-file-not-found = "enable"
debug.log-condition-handling = "disable"
debug.log-response-header = "disable"
debug.log-timeouts = "enable"
url.access-deny = ( "~", ".bak", ".inc" )
\$HTTP["url"] =~ "^/secret/" { url.access-deny = ( "" ) }
\$HTTP["remoteip"] == "127.0.0.2" { url.access-deny = ( "" ) }
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "$OUT/htpasswd"
auth.require = ( "/private/" => ( "method" => "basic", "realm" => "Members Only", "require" => "valid-user" ),
                 "/admin/" => ( "method" => "basic", "realm" => "Admin Area", "require" => "user=alice" ) )
\$HTTP["url"] =~ "^/cgi-bin/" { cgi.assign = ( ".cgi" => "" ) }
\$HTTP["url"] =~ "^/api/" { proxy.server = ( "" => ( ( "host" => "127.0.0.1", "port" => $DEAD ) ) ) }
\$HTTP["url"] =~ "^/app/" { fastcgi.server = ( "" => ( ( "socket" => "$OUT/dead-fcgi.sock", "check-local" => "disable" ) ) ) }
CONF
lighttpd -tt -f "$OUT/lighttpd.conf" || exit 1
lighttpd -f "$OUT/lighttpd.conf"
sleep 1; SRV=$(cat "$OUT/lighttpd.pid")
END=$((SECONDS + DURATION))
U=http://127.0.0.1:$PORT
r() { echo $((RANDOM % $1)); }
c() { curl -s -o /dev/null -m 6 "$@"; }
raw() { timeout ${2:-3} python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$PORT)); s.sendall(sys.argv[1].encode('latin-1').decode('unicode_escape').encode('latin-1')); s.settimeout(${2:-3}); s.recv(4096)" "$1" 2>/dev/null; }
users=(alice bob carol mallory)
while [ $SECONDS -lt $END ]; do
  case $(r 20) in
    0|1) c "$U/files/page$((1 + $(r 5))).html" ;;
    2) c "$U/missing/$RANDOM.html" ;;
    3) c "$U/files/nope$(r 100).png" ;;
    4) c "$U/secret/key.txt" ;;
    5) c "$U/files/old.bak" ;;
    6) c -u "alice:wonderland" "$U/private/" ;;
    7) c -u "${users[$(r 4)]}:wrong$RANDOM" "$U/private/index.html" ;;
    8) c "$U/private/" ;;
    9) c -u "bob:builder" "$U/admin/"; c -u "alice:wonderland" "$U/admin/index.html" ;;
    10) c "$U/api/v1/item/$(r 1000)" ;;
    11) c "$U/app/run?id=$RANDOM" ;;
    12) c "$U/cgi-bin/ok.cgi?n=$RANDOM"; c "$U/cgi-bin/fail.cgi?n=$RANDOM" ;;
    13) case $(r 4) in 0) c "$U/cgi-bin/bad.cgi" ;; 1) c "$U/cgi-bin/noint.cgi" ;; 2) c "$U/cgi-bin/noexec.cgi" ;; 3) c -m 2 "$U/cgi-bin/slow.cgi" ;; esac ;;
    14) case $(r 5) in
          0) raw 'GARBAGE\r\n\r\n' ;;
          1) raw "GET /files/page1.html HTTP/9.$(r 9)\r\n\r\n" ;;
          2) raw 'GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n' ;;
          3) raw 'GET /files/page1.html HTTP/1.1\r\n\r\n' ;;
          4) raw 'BREW /pot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' ;;
        esac ;;
    15) c -H "X-Big: $(head -c $((3000 + $(r 4000))) /dev/zero | tr '\0' a)" "$U/files/page1.html" ;;
    16) c -X POST --data "$(head -c $((20000 + $(r 30000))) /dev/zero | tr '\0' b)" "$U/cgi-bin/ok.cgi" ;;
    17) raw 'GET /files/page2.html HTTP/1.1\r\nHost: 127.0.0.1\r\n' 6 & ;;
    18) c --interface 127.0.0.2 "$U/files/page$((1 + $(r 5))).html"; c "$U/files/page5.html" ;;
    19) c "$U/files/../../etc/passwd" --path-as-is; c "$U/~root/"
        [ $(r 4) = 0 ] && { if [ $(r 2) = 0 ]; then kill -HUP $SRV; else kill -USR1 $SRV; sleep 1; SRV=$(cat "$OUT/lighttpd.pid"); fi; } ;;
  esac
  sleep 1.$(r 9)
done
sleep 3; kill -INT $(cat "$OUT/lighttpd.pid"); sleep 3
[ -f "$OUT/lighttpd.pid" ] && kill $(cat "$OUT/lighttpd.pid") 2>/dev/null
wait 2>/dev/null
