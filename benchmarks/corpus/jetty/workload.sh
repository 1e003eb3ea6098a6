#!/bin/bash
# Round-13 corpus workload: Jetty 9.4 (Debian 12 package jetty9, OpenJDK 17), server log written by
# the console-capture module (StdErrLog, one line per record: stack traces hidden with STACKS=false),
# INFO everywhere and DEBUG for the deploy, security and session packages (jetty-logging.properties).
# Jetty base in /tmp/r13jetty, HTTP on 127.0.0.1:27080 only. A small webapp (webapp-src/ beside this
# script: servlet, filter, listeners, BASIC auth, sessions) is built and deployed under random names,
# plus static contexts (context XML) and broken webapps; then for DURATION seconds randomised clients:
# pages, 404s, servlets that throw, slow requests, sessions (expiring), logins good/wrong/unknown,
# uploads, malformed/oversized raw requests, hot deploys, undeploys, redeploys, restarts; final stop.
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION]
#   apt-get install -y jetty9 openjdk-17-jdk-headless curl python3
# Writes OUT_DIR/jetty.log (the console-capture file, unchanged; the corpus file is a head cut of it).
set -u
OUT=${1:?out dir}; DURATION=${2:-300}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r13jetty; B=$W/base; PORT=27080
H=/usr/share/jetty9
mkdir -p "$OUT"; rm -f "$OUT/jetty.log"
rm -rf "$W"; mkdir -p "$B/webapps" "$B/etc" "$B/resources" "$B/logs" "$W/stage" "$W/static" "$W/docs"
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }

# --- build the webapps ---------------------------------------------------------------------------
S=$W/build; mkdir -p "$S"; cp -r "$HERE/webapp-src/." "$S/"
mkdir -p "$S/shop/WEB-INF/classes"
javac -nowarn -cp $H/lib/servlet-api-3.1.jar -d "$S/shop/WEB-INF/classes" "$S"/src/*.java
(cd "$S/shop" && jar cf "$W/stage/shop.war" .)
# broken 1: malformed web.xml
mkdir -p "$S/badxml/WEB-INF"; echo '<web-app><servlet><servlet-name>x</servlet' > "$S/badxml/WEB-INF/web.xml"
(cd "$S/badxml" && jar cf "$W/stage/badxml.war" .)
# broken 2: servlet class that does not exist, loaded on startup
mkdir -p "$S/ghost/WEB-INF"
cat > "$S/ghost/WEB-INF/web.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" version="3.1">
  <servlet><servlet-name>ghost</servlet-name><servlet-class>com.example.MissingServlet</servlet-class><load-on-startup>1</load-on-startup></servlet>
  <servlet-mapping><servlet-name>ghost</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
</web-app>
X
(cd "$S/ghost" && jar cf "$W/stage/ghost.war" .)
# broken 3: not a zip at all
head -c 2000 /dev/urandom > "$W/stage/corrupt.war"
# static content
for i in $(seq 1 12); do head -c $((100 + $(r 5000))) /dev/urandom | base64 > "$W/static/file$i.txt"; done
mkdir -p "$W/static/sub"; echo "<html>static</html>" > "$W/static/index.html"
for i in 1 2 3; do echo "doc $i" > "$W/docs/doc$i.txt"; done
static_xml() {  # static_xml NAME CONTEXTPATH DIR
cat > "$W/stage/$1.xml" <<X
<?xml version="1.0"?>
<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_3.dtd">
<Configure class="org.eclipse.jetty.server.handler.ContextHandler">
  <Set name="contextPath">$2</Set>
  <Set name="resourceBase">$3</Set>
  <Set name="handler">
    <New class="org.eclipse.jetty.server.handler.ResourceHandler">
      <Set name="directoriesListed">true</Set>
      <Set name="welcomeFiles"><Array type="String"><Item>index.html</Item></Array></Set>
    </New>
  </Set>
</Configure>
X
}
static_xml static /static "$W/static"
static_xml docs /docs "$W/docs"
static_xml broken /broken "$W/no/such/dir"
echo '<Configure class="org.eclipse.jetty.server.handler.ContextHandler"><Set name="nosuch">1</Set>' > "$W/stage/badctx.xml"

# --- jetty base ----------------------------------------------------------------------------------
cat > "$W/realm.properties" <<'X'
alice: wonderland,admin
bob: builder,user
carol: OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v,admin
X
cat > "$B/etc/shop-realm.xml" <<X
<?xml version="1.0"?>
<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_3.dtd">
<Configure id="Server" class="org.eclipse.jetty.server.Server">
  <Call name="addBean"><Arg>
    <New class="org.eclipse.jetty.security.HashLoginService">
      <Set name="name">ShopRealm</Set>
      <Set name="config">$W/realm.properties</Set>
      <Set name="hotReload">false</Set>
    </New>
  </Arg></Call>
</Configure>
X
cat > "$B/start.ini" <<X
--module=server,http,deploy,webapp,security,servlets,sessions,resources,console-capture
jetty.http.host=127.0.0.1
jetty.http.port=$PORT
jetty.http.idleTimeout=4000
jetty.httpConfig.requestHeaderSize=4096
jetty.threadPool.minThreads=6
jetty.threadPool.maxThreads=30
jetty.deploy.scanInterval=1
jetty.console-capture.dir=$B/logs
jetty.console-capture.append=true
jetty.console-capture.timezone=UTC
etc/shop-realm.xml
X
cat > "$B/resources/jetty-logging.properties" <<'X'
org.eclipse.jetty.util.log.class=org.eclipse.jetty.util.log.StdErrLog
org.eclipse.jetty.LEVEL=INFO
org.eclipse.jetty.STACKS=false
org.eclipse.jetty.deploy.LEVEL=DEBUG
org.eclipse.jetty.security.LEVEL=DEBUG
org.eclipse.jetty.server.session.LEVEL=DEBUG
X
LOGF=$B/logs/$(TZ=UTC date +%Y_%m_%d).jetty.log

JPID=
start_jetty() {
  (cd "$B" && exec java -Djava.awt.headless=true -Djetty.home=$H -Djetty.base=$B -Djava.io.tmpdir=$W \
      -jar $H/start.jar >>"$W/console.out" 2>&1) &
  JPID=$!
  for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
}
stop_jetty() { [ -n "$JPID" ] && kill "$JPID" 2>/dev/null; wait "$JPID" 2>/dev/null; JPID=; }

deployed() { ls "$B/webapps"; }
APPS=(shop)  # context paths of deployed shop copies
deploy_shop() { local n=$1; cp "$W/stage/shop.war" "$B/webapps/$n.war"; }

C() { curl -s -o /dev/null --max-time 6 "$@"; }
raw() {  # raw bytes to the connector
  timeout 8 python3 - "$PORT" "$1" <<'PY' >/dev/null 2>&1
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=6)
data = sys.argv[2].encode("latin-1").decode("unicode_escape").encode("latin-1")
if data == b"IDLE":
    time.sleep(5.5)
else:
    s.sendall(data)
try:
    while s.recv(65536):
        pass
except Exception:
    pass
s.close()
PY
}

deploy_shop shop
cp "$W/stage/static.xml" "$B/webapps/"
start_jetty
END=$((SECONDS + DURATION))
names=(store market bazaar outlet kiosk depot)
while [ $SECONDS -lt $END ]; do
  app=$(ls "$B/webapps" | grep '\.war$' | grep -v -e badxml -e ghost -e corrupt | sed 's/\.war$//' | shuf -n1); app=${app:-shop}
  U="http://127.0.0.1:$PORT/$app"
  case $(r 32) in
    0|1|2) C "$U/api/item/$RANDOM" ; C "$U/index.html" ;;
    3) C "$U/api/fail?id=$RANDOM" ;;
    4) C "$U/api/npe" ;;
    5) C "$U/api/state?id=$(r 500)" ;;
    6) C "$U/api/slow?ms=$((200 + $(r 1500)))" ;;
    7|8) jar=$W/cj$(r 4); C -c "$jar" -b "$jar" "$U/api/cart"; [ $(r 3) = 0 ] && C -b "$jar" -c "$jar" "$U/api/logout" ;;
    9) C -u "alice:wonderland" "$U/api/admin/stats" ;;
    10) C -u "$(pick alice bob carol):wrong$RANDOM" "$U/api/admin/stats" ;;
    11) C -u "intruder$(r 99):x$RANDOM" "$U/api/admin/stats"; C "$U/api/admin/stats" ;;
    12) C -u "bob:builder" "$U/api/admin/stats"; C -u "carol:password" "$U/api/admin/stats" ;;
    13) head -c $((1000 + $(r 200000))) /dev/urandom > "$W/up.bin"; C --data-binary @"$W/up.bin" "$U/api/upload" ;;
    14) C "$U/api/teapot"; C "$U/api/gone"; C "$U/nosuch/$RANDOM.html" ;;
    15) C "$U/api/item?block=1" ;;
    16) C "http://127.0.0.1:$PORT/static/file$((1 + $(r 14))).txt"; C "http://127.0.0.1:$PORT/static/sub/"; C "http://127.0.0.1:$PORT/docs/doc$(r 5).txt" ;;
    17) C "http://127.0.0.1:$PORT/nowhere$(r 50)/" ;;
    18) raw "$(pick 'GARBAGE\r\n\r\n' 'GET / HTTP/9.9\r\n\r\n' 'GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n' 'GET / HTTP/1.1\r\nBad Header\r\n\r\n' 'POST /shop/api/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n' 'GET / HTTP/1.1\r\n\r\n' 'BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n' 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n' 'IDLE')" ;;
    19) raw "GET /$app/ HTTP/1.1\r\nHost: x\r\nX-Big: $(head -c $((4000 + $(r 4000))) /dev/zero | tr '\0' a)\r\n\r\n" ;;
    20) raw "GET /$(head -c $((5000 + $(r 5000))) /dev/zero | tr '\0' b) HTTP/1.1\r\nHost: x\r\n\r\n" ;;
    21|22) n=$(pick "${names[@]}"); [ -e "$B/webapps/$n.war" ] || { deploy_shop "$n"; sleep 2.5; C "http://127.0.0.1:$PORT/$n/api/hello"; } ;;
    23) v=$(ls "$B/webapps" | grep '\.war$' | grep -v '^shop.war$' | shuf -n1); [ -n "$v" ] && rm -f "$B/webapps/$v" ;;
    24) v=$(ls "$B/webapps" | shuf -n1); [ -n "$v" ] && touch "$B/webapps/$v" ;;
    25) b=$(pick badxml ghost corrupt); cp "$W/stage/$b.war" "$B/webapps/"; sleep 2.5; C "http://127.0.0.1:$PORT/$b/"; rm -f "$B/webapps/$b.war" ;;
    26) x=$(pick docs broken badctx); cp "$W/stage/$x.xml" "$B/webapps/"; sleep 2.5; C "http://127.0.0.1:$PORT/$x/doc1.txt"; { [ $x != docs ] || [ $(r 2) = 0 ]; } && rm -f "$B/webapps/$x.xml" ;;
    27) rm -f "$B/webapps/static.xml"; sleep 1.5; cp "$W/stage/static.xml" "$B/webapps/" ;;
    28) pids=(); for _ in $(seq $((3 + $(r 6)))); do C "$U/api/slow?ms=$((500 + $(r 2500)))" & pids+=($!); done; wait "${pids[@]}" ;;
    29) C -X $(pick PUT DELETE OPTIONS TRACE HEAD PATCH) "$U/index.html" ;;
    30) [ $(r 4) = 0 ] && { stop_jetty; sleep 1; start_jetty; } ;;
    31) jar=$W/cj$(r 4); C -c "$jar" -b "$jar" "$U/api/cart"; sleep 0.3; C -b "$jar" "$U/api/cart" ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
stop_jetty
sleep 1
cp "$LOGF" "$OUT/jetty.log"
