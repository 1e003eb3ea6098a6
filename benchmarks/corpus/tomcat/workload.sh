#!/bin/bash
# Round-8 corpus workload: Apache Tomcat 10.1 (Debian 12 packages tomcat10, tomcat10-admin,
# default-jdk-headless for javac), run from a private CATALINA_BASE on 127.0.0.1 only.
# JULI catalina.<date>.log written with java.util.logging.SimpleFormatter, format
#   "%1$td-%1$tb-%1$tY %1$tT.%1$tL %4$s %2$s %5$s%n"   (no %6$s: stack traces dropped, one line a record)
# all loggers sent to that file (the localhost container log too), INFO, and FINE for
# HostConfig, authenticator, realm, session and StandardContext/StandardWrapper; request-parse
# errors logged every time (UserDataHelper INFO_ALL).
# Workload for DURATION seconds: manager text-API deploy/undeploy/reload/stop/start/expire/list
# with good and wrong credentials (LockOutRealm lockouts), webapps that fail to start (listener,
# servlet init, filter init, malformed web.xml), servlets throwing exceptions, 404s, JSP
# translation errors, sessions expiring, ThreadLocal leaks on undeploy, connector limits
# (headers, parameters, POST size, garbage request lines), hot deploy into appBase, one
# stop/start of the server, graceful stop at the end. Copies the log to $OUT/tomcat.log.
# Run as root: bash workload.sh OUT_DIR [DURATION]   (tomcat.log: bash workload.sh /work/round8/tomcat 240)
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
B=/tmp/r8tomcat; SRC=/tmp/r8tomcat-src
H=/usr/share/tomcat10; API=/usr/share/java/tomcat10-servlet-api.jar
PORT=18480; SHUT=18405; AJP=18409
[ -f $B/tomcat.pid ] && kill "$(cat $B/tomcat.pid)" 2>/dev/null; sleep 1
rm -rf "$B" "$SRC"; mkdir -p "$B"/{conf/Catalina/localhost,logs,webapps,work,temp,lib} "$SRC" "$OUT"
cp $H/etc/{catalina.properties,context.xml,jaspic-providers.xml,web.xml} "$B/conf/"
cat > "$B/conf/server.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Server port="$SHUT" address="127.0.0.1" shutdown="SHUTDOWN">
  <Listener className="org.apache.catalina.startup.VersionLoggerListener" />
  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener" />
  <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener" />
  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener" />
  <GlobalNamingResources>
    <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"
              factory="org.apache.catalina.users.MemoryUserDatabaseFactory" pathname="conf/tomcat-users.xml" />
  </GlobalNamingResources>
  <Service name="Catalina">
    <Connector port="$PORT" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="3000"
               maxThreads="6" acceptCount="4" maxConnections="24" maxHttpHeaderSize="4096"
               maxParameterCount="20" maxPostSize="4096" maxSwallowSize="8192" keepAliveTimeout="2000" />
    <Connector port="$AJP" address="127.0.0.1" protocol="AJP/1.3" secretRequired="false" />
    <Engine name="Catalina" defaultHost="localhost">
      <Realm className="org.apache.catalina.realm.LockOutRealm" failureCount="3" lockOutTime="15">
        <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase"/>
      </Realm>
      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true" backgroundProcessorDelay="2">
      </Host>
    </Engine>
  </Service>
</Server>
XML
cat > "$B/conf/tomcat-users.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">
  <role rolename="manager-script"/>
  <user username="deployer" password="s3cret" roles="manager-script"/>
  <user username="ops" password="opspass" roles="manager-script"/>
  <user username="viewer" password="viewpass" roles="guest"/>
</tomcat-users>
XML
cat > "$B/conf/Catalina/localhost/manager.xml" <<XML
<Context path="/manager" docBase="/usr/share/tomcat10-admin/manager" antiResourceLocking="false" privileged="true" />
XML
FMT='%1$td-%1$tb-%1$tY %1$tT.%1$tL %4$s %2$s %5$s%n'
cat > "$B/conf/logging.properties" <<PROPS
handlers = 1catalina.org.apache.juli.AsyncFileHandler
.handlers = 1catalina.org.apache.juli.AsyncFileHandler
.level = INFO
java.util.logging.SimpleFormatter.format = $FMT
1catalina.org.apache.juli.AsyncFileHandler.level = FINE
1catalina.org.apache.juli.AsyncFileHandler.directory = \${catalina.base}/logs
1catalina.org.apache.juli.AsyncFileHandler.prefix = catalina.
1catalina.org.apache.juli.AsyncFileHandler.formatter = java.util.logging.SimpleFormatter
1catalina.org.apache.juli.AsyncFileHandler.encoding = UTF-8
org.apache.catalina.startup.HostConfig.level = FINE
org.apache.catalina.authenticator.level = FINE
org.apache.catalina.realm.level = FINE
org.apache.catalina.session.level = FINE
org.apache.catalina.core.StandardContext.level = FINE
org.apache.catalina.core.StandardWrapper.level = FINE
PROPS

# ---------- web applications ----------
mkapp() { # mkapp NAME: compiles $SRC/NAME/src/*.java into $SRC/NAME/WEB-INF/classes, makes $SRC/NAME.war
  local d=$SRC/$1; mkdir -p "$d/WEB-INF/classes"
  if ls "$d"/src/*.java >/dev/null 2>&1; then javac -nowarn -cp $API -d "$d/WEB-INF/classes" "$d"/src/*.java; fi
  (cd "$d" && rm -f "../$1.war" && jar cf "../$1.war" -C "$d" WEB-INF $(cd "$d" && ls *.jsp 2>/dev/null))
}
mkdir -p $SRC/shop/src $SRC/shop/WEB-INF
cat > $SRC/shop/src/Servlets.java <<'JAVA'
import jakarta.servlet.*; import jakarta.servlet.http.*; import jakarta.servlet.annotation.*; import java.io.*;
@WebServlet("/hello") public class Servlets extends HttpServlet {
  protected void doGet(HttpServletRequest q, HttpServletResponse r) throws IOException {
    String s = q.getParameter("sleep"); if (s != null) try { Thread.sleep(Long.parseLong(s)); } catch (Exception e) {}
    r.getWriter().println("hello " + q.getParameter("name")); }
  protected void doPost(HttpServletRequest q, HttpServletResponse r) throws IOException {
    r.getWriter().println("params " + q.getParameterMap().size()); }
}
JAVA
cat > $SRC/shop/src/Fail.java <<'JAVA'
import jakarta.servlet.*; import jakarta.servlet.http.*; import jakarta.servlet.annotation.*; import java.io.*;
@WebServlet("/order") public class Fail extends HttpServlet {
  protected void doGet(HttpServletRequest q, HttpServletResponse r) throws ServletException, IOException {
    String id = q.getParameter("id"); String mode = q.getParameter("mode");
    if ("npe".equals(mode)) { String x = null; x.length(); }
    if ("state".equals(mode)) throw new IllegalStateException("order " + id + " is already closed");
    if ("num".equals(mode)) Integer.parseInt(id + "x");
    if ("io".equals(mode)) throw new IOException("warehouse " + id + " unreachable");
    if ("log".equals(mode)) { getServletContext().log("order " + id + " needs manual review"); r.getWriter().println("queued"); return; }
    if ("logex".equals(mode)) { getServletContext().log("order " + id + " could not be priced", new ArithmeticException("divide by zero")); r.sendError(500); return; }
    if ("err".equals(mode)) { r.sendError(503, "backend busy"); return; }
    throw new ServletException("order " + id + " rejected by payment gateway");
  }
}
JAVA
cat > $SRC/shop/src/Sess.java <<'JAVA'
import jakarta.servlet.*; import jakarta.servlet.http.*; import jakarta.servlet.annotation.*; import java.io.*;
@WebServlet("/cart") public class Sess extends HttpServlet {
  static final ThreadLocal<Object> CACHE = new ThreadLocal<>();
  static class Basket implements Serializable { public String toString() { return "basket"; } }
  protected void doGet(HttpServletRequest q, HttpServletResponse r) throws IOException {
    HttpSession s = q.getSession(true);
    String ttl = q.getParameter("ttl"); if (ttl != null) s.setMaxInactiveInterval(Integer.parseInt(ttl));
    s.setAttribute("item" + q.getParameter("item"), q.getParameter("qty"));
    if (q.getParameter("leak") != null) CACHE.set(new Basket());
    if (q.getParameter("logout") != null) s.invalidate();
    r.getWriter().println("ok");
  }
}
JAVA
cat > $SRC/shop/src/Listen.java <<'JAVA'
import jakarta.servlet.*; import jakarta.servlet.http.*; import jakarta.servlet.annotation.*;
@WebListener public class Listen implements ServletContextListener, HttpSessionListener {
  public void contextInitialized(ServletContextEvent e) { e.getServletContext().log("shop catalogue loaded with " + (100 + (int)(Math.random()*900)) + " products"); }
  public void contextDestroyed(ServletContextEvent e) { e.getServletContext().log("shop shutting down"); }
  public void sessionCreated(HttpSessionEvent e) { e.getSession().getServletContext().log("session " + e.getSession().getId() + " created"); }
  public void sessionDestroyed(HttpSessionEvent e) { e.getSession().getServletContext().log("session " + e.getSession().getId() + " destroyed"); }
}
JAVA
cat > $SRC/shop/ok.jsp <<'JSP'
<%@ page contentType="text/plain" %>Hello <%= request.getParameter("who") %> at <%= new java.util.Date() %>
JSP
cat > $SRC/shop/unterminated.jsp <<'JSP'
<%@ page contentType="text/plain" %>
<jsp:include page="ok.jsp"
JSP
cat > $SRC/shop/taglib.jsp <<'JSP'
<%@ taglib prefix="x" uri="http://example.invalid/tags/shop" %>
<x:price item="1"/>
JSP
cat > $SRC/shop/directive.jsp <<'JSP'
<%@ page contentType="text/plain" %>
<%@ page contentType="text/html" %>
hi
JSP
cat > $SRC/shop/badattr.jsp <<'JSP'
<%@ page bogusAttribute="1" %>
x
JSP
cat > $SRC/shop/WEB-INF/web.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
  <session-config><session-timeout>1</session-timeout></session-config>
</web-app>
XML
mkapp shop
# a listener that fails at start-up
mkdir -p $SRC/brokenlistener/src $SRC/brokenlistener/WEB-INF
cat > $SRC/brokenlistener/src/Boom.java <<'JAVA'
import jakarta.servlet.*; import jakarta.servlet.annotation.*;
@WebListener public class Boom implements ServletContextListener {
  public void contextInitialized(ServletContextEvent e) { throw new IllegalStateException("database pool could not be created"); }
}
JAVA
mkapp brokenlistener
# a servlet whose init() fails (load-on-startup)
mkdir -p $SRC/badinit/src $SRC/badinit/WEB-INF
cat > $SRC/badinit/src/Init.java <<'JAVA'
import jakarta.servlet.*; import jakarta.servlet.http.*; import jakarta.servlet.annotation.*;
@WebServlet(urlPatterns="/x", loadOnStartup=1) public class Init extends HttpServlet {
  public void init() throws ServletException { throw new UnavailableException("license file missing"); }
}
JAVA
mkapp badinit
# a filter whose init() fails
mkdir -p $SRC/badfilter/src $SRC/badfilter/WEB-INF
cat > $SRC/badfilter/src/F.java <<'JAVA'
import jakarta.servlet.*; import jakarta.servlet.annotation.*; import java.io.*;
@WebFilter("/*") public class F implements Filter {
  public void init(FilterConfig c) throws ServletException { throw new ServletException("cannot read filter rules"); }
  public void doFilter(ServletRequest q, ServletResponse r, FilterChain c) throws IOException, ServletException { c.doFilter(q, r); }
}
JAVA
mkapp badfilter
# a malformed web.xml
mkdir -p $SRC/badxml/WEB-INF
printf '<?xml version="1.0"?>\n<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">\n  <servlet>\n    <servlet-name>a</servlet-name>\n  </servet>\n</web-app>\n' > $SRC/badxml/WEB-INF/web.xml
mkapp badxml
# a servlet class that is missing
mkdir -p $SRC/noclass/WEB-INF
printf '<?xml version="1.0"?>\n<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">\n <servlet><servlet-name>ghost</servlet-name><servlet-class>com.example.Ghost</servlet-class><load-on-startup>1</load-on-startup></servlet>\n <servlet-mapping><servlet-name>ghost</servlet-name><url-pattern>/g</url-pattern></servlet-mapping>\n</web-app>\n' > $SRC/noclass/WEB-INF/web.xml
mkapp noclass
# a plain static site
mkdir -p $SRC/docs/WEB-INF; echo '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>' > $SRC/docs/WEB-INF/web.xml
echo "docs" > $SRC/docs/index.jsp; mkapp docs
chown -R root "$B"

export CATALINA_HOME=$H CATALINA_BASE=$B CATALINA_PID=$B/tomcat.pid CATALINA_TMPDIR=$B/temp LANG=C.UTF-8
export JAVA_OPTS="-Djava.awt.headless=true -Duser.language=en -Duser.country=US -Djava.util.logging.SimpleFormatter.format='$FMT' -Dorg.apache.juli.logging.UserDataHelper.CONFIG=INFO_ALL"
up() { $H/bin/catalina.sh start >/dev/null 2>&1; for i in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done; }
down() { $H/bin/catalina.sh stop 20 >/dev/null 2>&1; for i in $(seq 40); do [ -f $B/tomcat.pid ] && kill -0 "$(cat $B/tomcat.pid)" 2>/dev/null || break; sleep 0.5; done; rm -f $B/tomcat.pid; }
up
r() { echo $((RANDOM % $1)); }
U="http://127.0.0.1:$PORT"
M() { curl -s -m 20 -u "$1" "$U/manager/text/$2" >>"$B/manager.out" 2>&1; echo >>"$B/manager.out"; }
C() { curl -s -m 8 -o /dev/null "$@" 2>/dev/null; }
RAW() { printf "$1" | timeout 3 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$PORT)); s.sendall(sys.stdin.buffer.read()); s.settimeout(2); s.recv(4096)" 2>/dev/null; }
good="deployer:s3cret"; [ $(r 2) = 0 ] && good="ops:opspass"
deployed=()   # context paths currently deployed from shop.war
apps=(brokenlistener badinit badfilter badxml noclass docs)
M "$good" "deploy?path=/shop&war=file:$SRC/shop.war"; deployed+=(/shop)
END=$((SECONDS + DURATION)); RESTART_AT=$((SECONDS + DURATION / 2)); restarted=0
while [ $SECONDS -lt $END ]; do
  if [ $restarted = 0 ] && [ $SECONDS -ge $RESTART_AT ]; then restarted=1; down; sleep 1; up; fi
  p=${deployed[$(r ${#deployed[@]})]:-/shop}
  case $(r 26) in
    0|1) C "$U$p/hello?name=u$RANDOM" ; C "$U$p/ok.jsp?who=w$RANDOM" ;;
    2|3) modes=(npe state num io log logex err plain); C "$U$p/order?id=$RANDOM&mode=${modes[$(r ${#modes[@]})]}" ;;
    4) C "$U$p/nothing-$RANDOM.html"; C "$U/missing$(r 100)/index.jsp" ;;
    5) jsps=(unterminated taglib directive badattr); C "$U$p/${jsps[$(r 4)]}.jsp" ;;
    6|7) ck=/tmp/r8tc-ck-$(r 5); for i in $(seq $((1 + $(r 4)))); do C -b $ck -c $ck "$U$p/cart?item=$(r 50)&qty=$(r 9)&ttl=$((3 + $(r 15)))$([ $(r 4) = 0 ] && echo '&leak=1')$([ $(r 6) = 0 ] && echo '&logout=1')"; done ;;
    8) n=/shop$(r 40); M "$good" "deploy?path=$n&war=file:$SRC/shop.war$([ $(r 3) = 0 ] && echo '&update=true')"; deployed+=($n) ;;
    9) if [ ${#deployed[@]} -gt 1 ]; then i=$(r ${#deployed[@]}); M "$good" "undeploy?path=${deployed[$i]}"; unset "deployed[$i]"; deployed=("${deployed[@]}"); else M "$good" "undeploy?path=/nosuch$(r 9)"; fi ;;
    10) M "$good" "reload?path=$p" ;;
    11) M "$good" "stop?path=$p"; sleep 1; M "$good" "start?path=$p" ;;
    12) a=${apps[$(r ${#apps[@]})]}; M "$good" "deploy?path=/$a$(r 3)&war=file:$SRC/$a.war&update=true" ;;
    13) M "deployer:wrong$(r 1000)" "list"; [ $(r 2) = 0 ] && M "viewer:viewpass" "list" ;;
    14) u=(deployer ops ghost$(r 20)); who=${u[$(r 3)]}; for i in 1 2 3 4; do M "$who:bad$RANDOM" "serverinfo"; done; M "$good" "list" ;;
    15) M "$good" "sessions?path=$p"; M "$good" "expire?path=$p&idle=$(r 2)" ;;
    16) M "$good" "list"; M "$good" "serverinfo"; [ $(r 3) = 0 ] && M "$good" "findleaks?statusLine=true" ;;
    17) # hot deploy/undeploy through appBase
        a=${apps[$(r ${#apps[@]})]}; cp "$SRC/$a.war" "$B/webapps/hot$(r 4)-$a.war"; sleep 3
        ls $B/webapps/*.war >/dev/null 2>&1 && [ $(r 2) = 0 ] && rm -f "$(ls $B/webapps/*.war | head -1)" ;;
    18) # redeploy by touching an unpacked web.xml in appBase
        d=$(ls -d $B/webapps/hot* 2>/dev/null | grep -v '\.war$' | head -1); [ -n "$d" ] && touch "$d/WEB-INF/web.xml" 2>/dev/null ;;
    19) C -H "X-Big: $(head -c 6000 /dev/zero | tr '\0' a)" "$U$p/hello" ;;
    20) q=""; for i in $(seq $((15 + $(r 20)))); do q="$q&p$i=$i"; done; C "$U$p/hello?x=1$q"; C -X POST --data "x=1$q" "$U$p/hello" ;;
    21) C -X POST --data "blob=$(head -c $((3000 + $(r 8000))) /dev/zero | tr '\0' b)" "$U$p/hello" ;;
    22) bad=("GE\x01T / HTTP/1.1\r\nHost: a\r\n\r\n" "GET /a b c HTTP/1.1\r\nHost: a\r\n\r\n" "GET / HTTP/9.$(r 9)\r\n\r\n" "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" "GET /%%zz HTTP/1.1\r\nHost: a\r\n\r\n" "GET /?a=\x7f{} HTTP/1.1\r\nHost: a\r\n\r\n" "GET / HTTP/1.1\r\nBad Header: x\r\n\r\n")
        RAW "${bad[$(r ${#bad[@]})]}" ;;
    23) for i in $(seq 8); do C "$U$p/hello?sleep=$((500 + $(r 1500)))" & done; wait ;;
    24) M "$good" "deploy?path=$p&war=file:$SRC/shop.war" ; M "$good" "deploy?path=/x$(r 9)&war=file:/nonexistent/$RANDOM.war" ;;
    25) M "$good" "reload?path=/ghost$(r 9)"; M "$good" "stop?path=/ghost$(r 9)"; M "$good" "threaddump" >/dev/null ;;
  esac
  sleep 0.$((2 + $(r 6)))
done
sleep 2; down
cat $B/logs/catalina.*.log > "$OUT/tomcat.log"; wc -l "$OUT/tomcat.log"
