#!/bin/bash
# Round-10 corpus workload: Icinga 2.13 (Debian 12 package icinga2), mainlog as a FileLogger at
# severity "notice", private config under /tmp/ic10 (hosts/services checked by a random local
# plugin: ok, warning, critical, unknown, plugin errors, timeouts, flapping), notifications and
# event handlers, a dependency, the REST API on 127.0.0.1:19665 and Livestatus (external commands,
# queries) on 127.0.0.1:19666. For DURATION seconds: passive results, acknowledgements, comments,
# downtimes, enable/disable commands, custom notifications, objects created/modified/deleted over
# the API, config packages (good ones trigger a reload, broken ones fail validation), wrong
# passwords, forbidden and unknown requests, SIGHUP reloads (one with a broken config file), a
# restart through the API, a stop and start, and a final stop.
# Writes OUT_DIR/icinga2.log (the mainlog, unchanged; cut to its first MAXLINES lines).
# Run as root on Debian 12: apt-get install -y icinga2 monitoring-plugins-basic curl python3
#   bash workload.sh [OUT_DIR] [DURATION] [MAXLINES]
set -u
OUT=${1:-/work/round10/icinga2}; DURATION=${2:-230}; MAXLINES=${3:-2500}
B=/tmp/ic10
NODE=icinga-r10.local
API=https://127.0.0.1:19665
DEFS=(-D Configuration.DataDir=$B/lib -D Configuration.LogDir=$B/log -D Configuration.CacheDir=$B/cache
      -D Configuration.SpoolDir=$B/spool -D Configuration.InitRunDir=$B/run -D Configuration.ConfigDir=$B/etc)

# stop a previous run of this script (own pid file only)
if [ -f $B/run/icinga2.pid ]; then kill "$(cat $B/run/icinga2.pid)" 2>/dev/null; sleep 3; fi
rm -rf $B; mkdir -p $B/etc/conf.d $B/lib/certs $B/log $B/cache $B/spool $B/run $B/plugins $OUT
chown -R nagios:nagios $B

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# ---- plugins ---------------------------------------------------------------------------------
cat > $B/plugins/check_rand <<'EOF'
#!/bin/bash
# check_rand PROFILE NAME : random plugin result
p=${1:-ok}; n=${2:-x}; r=$((RANDOM % 100))
v=$((RANDOM % 1000)); t=$((RANDOM % 90))
case $p in
  ok)      s=0; [ $r -lt 8 ] && s=1; [ $r -lt 3 ] && s=2 ;;
  warn)    s=1; [ $r -lt 40 ] && s=0; [ $r -gt 85 ] && s=2 ;;
  crit)    s=2; [ $r -lt 25 ] && s=0 ;;
  flap)    s=$(( (RANDOM % 2) * 2 )) ;;
  slow)    s=0; [ $r -lt 30 ] && sleep 12; [ $r -gt 80 ] && s=1 ;;
  unknown) s=3; [ $r -lt 50 ] && s=0 ;;
  host)    s=0; [ $r -lt 15 ] && s=2 ;;
  fail)    [ $r -lt 40 ] && { echo "cannot open /proc/fake/$n: No such file"; exit 127; }; s=0 ;;
esac
lbl=(OK WARNING CRITICAL UNKNOWN)
echo "${lbl[$s]} - $n value=$v temp=${t}C|value=$v;600;800;0 temp=$t"
exit $s
EOF
cat > $B/plugins/notify_rand <<'EOF'
#!/bin/bash
# notification / event handler script: sometimes fails, sometimes hangs
r=$((RANDOM % 100))
[ $r -lt 15 ] && { echo "mail relay refused connection"; exit 1; }
[ $r -lt 20 ] && sleep 8
exit 0
EOF
cat > $B/lsq.py <<'EOF'
import socket, sys
q = sys.argv[1].encode().decode('unicode_escape').encode()
try:
    s = socket.create_connection(("127.0.0.1", 19666), timeout=5)
    s.sendall(q)
    if len(sys.argv) < 3:
        s.shutdown(socket.SHUT_WR)
    while s.recv(65536):
        pass
except Exception:
    pass
EOF
chmod 755 $B/plugins/*

# ---- certificates for the API ----------------------------------------------------------------
icinga2 pki new-ca "${DEFS[@]}" >/dev/null 2>&1
icinga2 pki new-cert "${DEFS[@]}" --cn $NODE --key $B/lib/certs/$NODE.key --csr $B/lib/certs/$NODE.csr >/dev/null 2>&1
icinga2 pki sign-csr "${DEFS[@]}" --csr $B/lib/certs/$NODE.csr --cert $B/lib/certs/$NODE.crt >/dev/null 2>&1
cp $B/lib/ca/ca.crt $B/lib/certs/ca.crt

# ---- configuration -----------------------------------------------------------------------------
WEB1=web-$((10 + $(r 80))); WEB2=web-$((10 + $(r 80)))x; DB=$(pick db pg maria)-$((1 + $(r 9)))
RT=$(pick router gw edge)$((1 + $(r 5))); MAIL=$(pick mail mx smtp)$((1 + $(r 9))); CACHE=$(pick cache redis memc)-$(r 50)
HOSTS=($WEB1 $WEB2 $DB $RT $MAIL $CACHE)
SVCS=(http disk load backup latency raid sensor queue trap)
cat > $B/etc/constants.conf <<EOF
const PluginDir = "/usr/lib/nagios/plugins"
const CustomPluginDir = "$B/plugins"
const NodeName = "$NODE"
const ZoneName = NodeName
const TicketSalt = ""
EOF
cat > $B/etc/icinga2.conf <<EOF
include "constants.conf"
include <itl>
include <plugins>
object FileLogger "main-log" {
  severity = "notice"
  path = "$B/log/icinga2.log"
}
object CheckerComponent "checker" { }
object NotificationComponent "notification" { }
object LivestatusListener "livestatus" { socket_type = "tcp"; bind_host = "127.0.0.1"; bind_port = "19666" }
object ApiListener "api" {
  bind_host = "127.0.0.1"
  bind_port = 19665
  accept_config = false
  accept_commands = false
}
object Endpoint NodeName { }
object Zone ZoneName { endpoints = [ NodeName ] }
object ApiUser "root" { password = "s3cret"; permissions = [ "*" ] }
object ApiUser "viewer" { password = "look"; permissions = [ "objects/query/*", "status/query" ] }
include "conf.d/*.conf"
EOF
cat > $B/etc/conf.d/main.conf <<EOF
object CheckCommand "rand" {
  command = [ CustomPluginDir + "/check_rand", "\$rand_profile\$", "\$rand_name\$" ]
  vars.rand_profile = "ok"
  vars.rand_name = "\$service.name\$"
  timeout = 6s
}
object NotificationCommand "notify-rand" {
  command = [ CustomPluginDir + "/notify_rand", "\$notification.type\$", "\$host.name\$", "\$user.name\$" ]
  timeout = 5s
}
object EventCommand "restart-rand" {
  command = [ CustomPluginDir + "/notify_rand", "event", "\$host.name\$", "\$service.state\$" ]
}
object TimePeriod "24x7" { ranges = { monday = "00:00-24:00"; tuesday = "00:00-24:00"; wednesday = "00:00-24:00"; thursday = "00:00-24:00"; friday = "00:00-24:00"; saturday = "00:00-24:00"; sunday = "00:00-24:00" } }
object TimePeriod "never" { ranges = { } }
object User "ops" { enable_notifications = true; states = [ OK, Warning, Critical, Unknown, Up, Down ]; types = [ Problem, Recovery, Acknowledgement, Custom, DowntimeStart, DowntimeEnd, FlappingStart, FlappingEnd ] }
object User "oncall" { enable_notifications = true; states = [ Critical, Down ]; types = [ Problem, Recovery, Custom ] }
object User "nightshift" { enable_notifications = true; period = "never" }
object User "intern" { enable_notifications = false }
object HostGroup "webfarm" { assign where host.vars.role == "web" }
object ServiceGroup "storage" { assign where service.name in [ "disk", "raid", "backup" ] }
template Host "rand-host" {
  check_command = "rand"
  vars.rand_profile = "host"
  vars.rand_name = "\$host.name\$"
  check_interval = $((50 + $(r 30)))s
  retry_interval = 20s
  max_check_attempts = 2
}
template Service "rand-svc" {
  check_command = "rand"
  check_interval = $((45 + $(r 30)))s
  retry_interval = 15s
  max_check_attempts = 2
  enable_flapping = true
  flapping_threshold_high = 30
  flapping_threshold_low = 20
}
EOF
{
  echo "object Host \"$WEB1\" { import \"rand-host\"; address = \"127.0.0.1\"; vars.role = \"web\" }"
  echo "object Host \"$WEB2\" { import \"rand-host\"; address = \"127.0.0.2\"; vars.role = \"web\" }"
  echo "object Host \"$DB\" { import \"rand-host\"; address = \"127.0.0.3\"; vars.role = \"db\" }"
  echo "object Host \"$RT\" { import \"rand-host\"; address = \"127.0.0.4\"; vars.role = \"net\" }"
  echo "object Host \"$MAIL\" { import \"rand-host\"; address = \"127.0.0.5\"; vars.role = \"mail\" }"
  echo "object Host \"$CACHE\" { import \"rand-host\"; address = \"127.0.0.6\"; vars.role = \"cache\" }"
  cat <<EOF
apply Service "http" { import "rand-svc"; vars.rand_profile = "ok"; event_command = "restart-rand"; assign where host.vars.role == "web" }
apply Service "disk" { import "rand-svc"; vars.rand_profile = "warn"; assign where host.vars.role in [ "db", "mail", "web" ] }
apply Service "load" { import "rand-svc"; vars.rand_profile = "flap"; assign where host.vars.role == "cache" || host.name == "$WEB1" }
apply Service "backup" { import "rand-svc"; vars.rand_profile = "crit"; volatile = true; assign where host.vars.role == "db" }
apply Service "latency" { import "rand-svc"; vars.rand_profile = "slow"; assign where host.vars.role in [ "net", "cache" ] }
apply Service "raid" { import "rand-svc"; vars.rand_profile = "unknown"; assign where host.vars.role == "db" }
apply Service "sensor" { import "rand-svc"; vars.rand_profile = "fail"; assign where host.vars.role == "net" }
apply Service "queue" { import "rand-svc"; vars.rand_profile = "ok"; event_command = "restart-rand"; assign where host.vars.role == "mail" }
apply Service "trap" { check_command = "passive"; enable_active_checks = false; enable_flapping = true; flapping_threshold_high = 30; flapping_threshold_low = 20; max_check_attempts = 1; assign where host.vars.role in [ "net", "mail" ] }
apply Notification "mail-ops" to Service { command = "notify-rand"; users = [ "ops", "oncall", "intern" ]; interval = 1m; assign where true }
apply Notification "page-night" to Service { command = "notify-rand"; users = [ "nightshift" ]; interval = 0; assign where service.name == "backup" }
apply Notification "mail-host" to Host { command = "notify-rand"; users = [ "ops" ]; interval = 2m; times = { begin = 40s }; assign where true }
apply Dependency "via-router" to Host { parent_host_name = "$RT"; disable_checks = true; assign where host.vars.role == "web" }
apply ScheduledDowntime "nightly-backup" to Service { author = "cron"; comment = "backup window"; ranges = { monday = "00:00-24:00"; tuesday = "00:00-24:00"; wednesday = "00:00-24:00"; thursday = "00:00-24:00"; friday = "00:00-24:00"; saturday = "00:00-24:00"; sunday = "00:00-24:00" }; assign where service.name == "raid" }
EOF
} > $B/etc/conf.d/hosts.conf
chown -R nagios:nagios $B

start_icinga() {
  icinga2 daemon -c $B/etc/icinga2.conf "${DEFS[@]}" --close-stdio >> $B/console.log 2>&1 &
  for _ in $(seq 30); do [ -s $B/run/icinga2.pid ] && break; sleep 0.5; done
  sleep 3
}
upid() { cat $B/run/icinga2.pid; }

# ---- clients -----------------------------------------------------------------------------------
ls_q() { timeout 8 python3 $B/lsq.py "$@"; }
ls_cmd() { ls_q "COMMAND [$(date +%s)] $1\n\n"; }
api() { # api USER:PASS METHOD PATH [JSON]
  local body=${4:-}
  if [ -n "$body" ]; then
    curl -sk -m 15 -u "$1" -H 'Accept: application/json' -X "$2" "$API$3" -d "$body" >/dev/null
  else
    curl -sk -m 15 -u "$1" -H 'Accept: application/json' -X "$2" "$API$3" >/dev/null
  fi
}
rh() { pick "${HOSTS[@]}"; }
svc_of() { # a host and one of its services, "host;svc"
  case $(r 9) in
    0) echo "$(pick $WEB1 $WEB2);http" ;;      1) echo "$(pick $DB $MAIL $WEB1);disk" ;;
    2) echo "$(pick $WEB1 $CACHE);load" ;; 3) echo "$DB;backup" ;;
    4) echo "$(pick $RT $CACHE);latency" ;;     5) echo "$DB;raid" ;;
    6) echo "$RT;sensor" ;;                     7) echo "$MAIL;queue" ;;
    8) echo "$(pick $RT $MAIL);trap" ;;
  esac
}
users=(alice bob carol dave erin frank)
words=("disk swap planned" "vendor ticket $RANDOM" "known issue" "looking into it" "reboot scheduled" "false alarm" "waiting for ISP")
now() { date +%s; }
CREATED=()

one_action() {
  local hs h s u c t st
  hs=$(svc_of); h=${hs%;*}; s=${hs#*;}; u=$(pick "${users[@]}"); c=$(pick "${words[@]}")
  case $(r 34) in
    0|1) ls_cmd "PROCESS_SERVICE_CHECK_RESULT;$h;$s;$(r 4);passive result $RANDOM|rt=$(r 900)ms" ;;
    2) ls_cmd "PROCESS_HOST_CHECK_RESULT;$(rh);$(pick 0 0 1);host passive $RANDOM" ;;
    3) ls_cmd "ACKNOWLEDGE_SVC_PROBLEM;$h;$s;$(pick 1 2);$(pick 0 1);1;$u;$c" ;;
    4) ls_cmd "REMOVE_SVC_ACKNOWLEDGEMENT;$h;$s" ;;
    5) t=$(now); ls_cmd "SCHEDULE_SVC_DOWNTIME;$h;$s;$t;$((t + 20 + $(r 90)));$(pick 1 0);0;$((30 + $(r 60)));$u;$c" ;;
    6) t=$(now); ls_cmd "SCHEDULE_HOST_DOWNTIME;$(rh);$((t + $(r 30)));$((t + 40 + $(r 90)));1;0;0;$u;$c" ;;
    7) ls_cmd "DEL_DOWNTIME_BY_HOST_NAME;$(rh)" ;;
    8) ls_cmd "ADD_SVC_COMMENT;$h;$s;$(r 2);$u;$c" ;;
    9) ls_cmd "ADD_HOST_COMMENT;$(rh);1;$u;$c" ;;
    10) ls_cmd "DEL_ALL_SVC_COMMENTS;$h;$s" ;;
    11) ls_cmd "$(pick DISABLE_SVC_CHECK ENABLE_SVC_CHECK ENABLE_SVC_CHECK);$h;$s" ;;
    12) ls_cmd "$(pick DISABLE_HOST_CHECK ENABLE_HOST_CHECK ENABLE_HOST_CHECK DISABLE_HOST_SVC_CHECKS ENABLE_HOST_SVC_CHECKS);$(rh)" ;;
    13) ls_cmd "$(pick DISABLE_SVC_NOTIFICATIONS ENABLE_SVC_NOTIFICATIONS DISABLE_SVC_FLAP_DETECTION ENABLE_SVC_FLAP_DETECTION DISABLE_PASSIVE_SVC_CHECKS ENABLE_PASSIVE_SVC_CHECKS);$h;$s" ;;
    14) ls_cmd "$(pick DISABLE_HOST_NOTIFICATIONS ENABLE_HOST_NOTIFICATIONS DISABLE_HOST_FLAP_DETECTION ENABLE_HOST_FLAP_DETECTION);$(rh)" ;;
    15) ls_cmd "SCHEDULE_FORCED_SVC_CHECK;$h;$s;$(now)" ;;
    16) ls_cmd "SCHEDULE_SVC_CHECK;$h;$s;$(( $(now) + $(pick 5 600 3600) ))" ;;
    17) ls_cmd "$(pick SCHEDULE_FORCED_HOST_SVC_CHECKS SCHEDULE_FORCED_HOST_CHECK SCHEDULE_HOST_CHECK);$(rh);$(now)" ;;
    18) ls_cmd "SEND_CUSTOM_SVC_NOTIFICATION;$h;$s;$(pick 0 2);$u;$c" ;;
    19) ls_cmd "$(pick DELAY_SVC_NOTIFICATION);$h;$s;$(( $(now) + 60 + $(r 300) ))" ;;
    20) ls_cmd "$(pick DISABLE_NOTIFICATIONS ENABLE_NOTIFICATIONS DISABLE_EVENT_HANDLERS ENABLE_EVENT_HANDLERS DISABLE_FLAP_DETECTION ENABLE_FLAP_DETECTION ENABLE_NOTIFICATIONS ENABLE_EVENT_HANDLERS ENABLE_FLAP_DETECTION)" ;;
    21) # bad external commands: unknown command, unknown objects, wrong argument count
        ls_cmd "$(pick "NO_SUCH_COMMAND_$(r 9);$h" "DISABLE_SVC_CHECK;ghost-$(r 99);$s" "ACKNOWLEDGE_SVC_PROBLEM;$h" "ADD_HOST_COMMENT;nohost$(r 50);1;$u;x" "SCHEDULE_SVC_CHECK;$h;nosvc$(r 9);$(now)")" ;;
    22) ls_q "$(pick 'GET hosts\nColumns: name state\n\n' 'GET services\nColumns: host_name description state\nFilter: state = 2\n\n' 'GET status\n\n' "GET comments\nColumns: author comment\n\n" "GET downtimes\n\n" 'GET services\nStats: state = 2\nStats: state = 1\n\n' "GET hostgroups\n\n" "GET log\nLimit: 5\n\n" "GET tables$(r 9)\n\n" "BOGUS request $RANDOM\n\n" "GET hosts\nFilter: name ~~ ($RANDOM\n\n")" ;;
    23) api root:s3cret POST /v1/actions/process-check-result "{\"type\":\"Service\",\"filter\":\"host.name==\\\"$h\\\" && service.name==\\\"$s\\\"\",\"exit_status\":$(r 4),\"plugin_output\":\"api result $RANDOM\"}" ;;
    24) api root:s3cret POST /v1/actions/acknowledge-problem "{\"type\":\"Service\",\"filter\":\"service.state!=0 && service.name==\\\"$s\\\"\",\"author\":\"$u\",\"comment\":\"$c\",\"notify\":true}"
        [ $(r 2) = 0 ] && api root:s3cret POST /v1/actions/remove-acknowledgement "{\"type\":\"Host\",\"filter\":\"host.name==\\\"$(rh)\\\"\"}" ;;
    25) api root:s3cret POST /v1/actions/add-comment "{\"type\":\"Host\",\"filter\":\"host.name==\\\"$(rh)\\\"\",\"author\":\"$u\",\"comment\":\"$c\"}"
        [ $(r 2) = 0 ] && api root:s3cret POST /v1/actions/remove-comment "{\"type\":\"Host\",\"filter\":\"host.name==\\\"$(rh)\\\"\"}" ;;
    26) t=$(now); api root:s3cret POST /v1/actions/schedule-downtime "{\"type\":\"Service\",\"filter\":\"service.name==\\\"$s\\\"\",\"author\":\"$u\",\"comment\":\"$c\",\"start_time\":$t,\"end_time\":$((t + 30 + $(r 60))),\"fixed\":$(pick true false),\"duration\":$((20 + $(r 40)))}"
        [ $(r 2) = 0 ] && api root:s3cret POST /v1/actions/remove-downtime "{\"type\":\"Service\",\"filter\":\"service.name==\\\"$(svc_of | cut -d';' -f2)\\\"\"}" ;;
    27) api root:s3cret POST /v1/actions/$(pick reschedule-check send-custom-notification delay-notification) "{\"type\":\"Service\",\"filter\":\"service.name==\\\"$s\\\"\",\"author\":\"$u\",\"comment\":\"$c\",\"timestamp\":$(( $(now) + 120 ))}" ;;
    28) # wrong credentials, unauthenticated, forbidden, unknown paths
        case $(r 5) in
          0) api root:wrong$(r 99) GET /v1/status ;;
          1) curl -sk -m 10 "$API/v1/objects/hosts" >/dev/null ;;
          2) api viewer:look POST /v1/actions/reschedule-check '{"type":"Host","filter":"true"}' ;;
          3) api $(pick "${users[@]}"):guess GET /v1/objects/services ;;
          4) api root:s3cret GET /v1/$(pick nosuch objects/nohosts config/packages/none status/NoSuchComponent) ;;
        esac ;;
    29) # runtime objects over the API
        local n="tmp-$(pick app api job vm)-$RANDOM"
        api root:s3cret PUT /v1/objects/hosts/$n "{\"templates\":[\"rand-host\"],\"attrs\":{\"address\":\"127.0.1.$(r 200)\",\"vars.role\":\"$(pick tmp test)\"}}"
        CREATED+=("$n") ;;
    30) if [ ${#CREATED[@]} -gt 0 ]; then
          local i=$(r ${#CREATED[@]}); api root:s3cret DELETE "/v1/objects/hosts/${CREATED[$i]}?cascade=1"; unset "CREATED[$i]"; CREATED=("${CREATED[@]}")
        else api root:s3cret DELETE /v1/objects/hosts/gone-$(r 99); fi ;;
    31) case $(r 4) in
          0) api root:s3cret POST /v1/objects/hosts/$(rh) "{\"attrs\":{\"vars.owner\":\"$u\",\"check_interval\":$((40 + $(r 60)))}}" ;;
          1) api root:s3cret PUT /v1/objects/hosts/$(rh) '{"templates":["rand-host"],"attrs":{}}' ;;
          2) api root:s3cret PUT /v1/objects/hosts/bad-$(r 99) "{\"templates\":[\"rand-host\"],\"attrs\":{\"no_such_attr_$(r 9)\":1}}" ;;
          3) api root:s3cret POST /v1/objects/services/$h!$s "{\"attrs\":{\"enable_notifications\":$(pick true false),\"vars.tier\":\"$(r 4)\"}}" ;;
        esac ;;
    32) api root:s3cret POST /v1/console/execute-script "{\"command\":\"$(pick "get_host(\\\"$(rh)\\\").state" "len(get_objects(Service))" "$(r 100) * $(r 100)" "get_service(\\\"$h\\\", \\\"$s\\\").last_check_result.output" "nosuchfunc($(r 9))")\",\"session\":\"s$(r 5)\"}" ;;
    33) # flapping burst on a passive service (state changes), or a calm run of OK results
        local fh=$(pick $RT $MAIL) calm=$(r 2)
        for i in $(seq $((6 + $(r 8)))); do
          if [ $calm = 1 ]; then st=0; else st=$(( (i % 2) * 2 )); fi
          ls_cmd "PROCESS_SERVICE_CHECK_RESULT;$fh;trap;$st;trap burst $i"; sleep 0.2
        done ;;
  esac
}

config_package() {
  local pk=$(pick extra site-$(r 9) team-$(r 5)) hn="pk-$(pick alpha beta gamma delta)-$(r 99)"
  api root:s3cret POST /v1/config/packages/$pk
  if [ "$1" = good ]; then
    api root:s3cret POST /v1/config/stages/$pk "{\"files\":{\"conf.d/$hn.conf\":\"object Host \\\"$hn\\\" { import \\\"rand-host\\\"\\n address = \\\"127.0.2.$(r 200)\\\" }\"}}"
  else
    api root:s3cret POST /v1/config/stages/$pk "{\"files\":{\"conf.d/$hn.conf\":\"object Host \\\"$hn\\\" { import \\\"$(pick nonexist missing-tpl)\\\" }\"}}"
  fi
}

# ---- run -----------------------------------------------------------------------------------------
start_icinga
START=$SECONDS; END=$((SECONDS + DURATION))
did_flap=0; did_hup=0; did_bad=0; did_restart=0; did_api_restart=0; next_pkg=$((SECONDS + 40 + $(r 30)))
while [ $SECONDS -lt $END ]; do
  one_action
  el=$((SECONDS - START))
  if [ $SECONDS -ge $next_pkg ]; then config_package $(pick good bad bad); next_pkg=$((SECONDS + 50 + $(r 40))); sleep 5; fi
  if [ $did_flap = 0 ] && [ $el -gt $((DURATION / 8)) ]; then # a service starts flapping ...
    for i in $(seq 14); do ls_cmd "PROCESS_SERVICE_CHECK_RESULT;$RT;trap;$(( (i % 2) * 2 ));link flap $i"; sleep 0.3; done; did_flap=1
  fi
  if [ $did_flap = 1 ] && [ $el -gt $((DURATION / 2)) ]; then # ... and calms down
    for i in $(seq 18); do ls_cmd "PROCESS_SERVICE_CHECK_RESULT;$RT;trap;0;link stable $i"; sleep 0.3; done; did_flap=2
  fi
  if [ $did_hup = 0 ] && [ $el -gt $((DURATION / 5)) ]; then kill -HUP "$(upid)"; did_hup=1; sleep 6; fi
  if [ $did_bad = 0 ] && [ $el -gt $((DURATION * 2 / 5)) ]; then
    echo "object Service \"broken\" { host_name = \"$(rh)\"; check_command = \"no-such-cmd\" " > $B/etc/conf.d/zz-broken.conf
    chown nagios: $B/etc/conf.d/zz-broken.conf; kill -HUP "$(upid)"; sleep 6
    rm -f $B/etc/conf.d/zz-broken.conf; kill -HUP "$(upid)"; did_bad=1; sleep 6
  fi
  if [ $did_api_restart = 0 ] && [ $el -gt $((DURATION * 3 / 5)) ]; then api root:s3cret POST /v1/actions/restart-process; did_api_restart=1; sleep 6; fi
  if [ $did_restart = 0 ] && [ $el -gt $((DURATION * 4 / 5)) ]; then
    kill "$(upid)"; for _ in $(seq 40); do pgrep -F $B/run/icinga2.pid >/dev/null 2>&1 || break; sleep 0.5; done
    sleep 2; start_icinga; did_restart=1
  fi
  sleep $((1 + $(r 2))).$(r 10)
done
api root:s3cret POST /v1/actions/shutdown-process
sleep 8
[ -s $B/run/icinga2.pid ] && pgrep -F $B/run/icinga2.pid >/dev/null 2>&1 && kill "$(upid)"
sleep 2
head -n "$MAXLINES" $B/log/icinga2.log > "$OUT/icinga2.log"
wc -l "$B/log/icinga2.log" "$OUT/icinga2.log"
