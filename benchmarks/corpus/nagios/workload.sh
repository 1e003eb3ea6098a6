#!/bin/bash
# Round-9 corpus workload: Nagios Core 4.4 (Debian 12 package `nagios4`), own log_file, every log_*
# option on (log_passive_checks=1, initial/current states), rotation off. Hosts 127.0.0.2-6 with
# random local plugins, notifications to a local command, event handlers, flapping, external
# commands through the command file, SIGHUP reloads, stop.
# Run as root: bash workload.sh OUT_DIR [DURATION]   (needs: apt-get install nagios4)
set -u
OUT=${1:?out dir}; DURATION=${2:-180}
W=/tmp/r9nagios; [ -f $W/nagios.pid ] && kill $(cat $W/nagios.pid) 2>/dev/null; sleep 1
rm -rf $W; mkdir -p $W/plugins $W/spool $W/rw $W/out
mkdir -p "$OUT"; rm -f "$OUT/nagios.log"; LOG=$OUT/nagios.log
touch $LOG; chown nagios:nagios $LOG
# plugins: exit 0/1/2/3 at random with a per-service weight, varying output and perfdata
cat > $W/plugins/check_rand <<'P'
#!/bin/bash
# usage: check_rand WEIGHT_OK NAME
w=${1:-80}; n=${2:-svc}; r=$((RANDOM % 100)); v=$((RANDOM % 500))
if [ $r -lt $w ]; then echo "OK - $n value $v ms|time=${v}ms;300;400"; exit 0; fi
case $((RANDOM % 4)) in
 0) echo "WARNING - $n slow ($v ms)|time=${v}ms;300;400"; exit 1 ;;
 1) echo "CRITICAL - $n failed: connection refused on port $((1000 + v))"; exit 2 ;;
 2) echo "UNKNOWN - $n could not parse reply"; exit 3 ;;
 3) echo "CRITICAL - $n returned error code $v"; exit 2 ;;
esac
P
cat > $W/plugins/check_hostrand <<'P'
#!/bin/bash
w=${1:-90}; if [ $((RANDOM % 100)) -lt $w ]; then echo "PING OK - $2 rta $((RANDOM % 50)).$((RANDOM % 10)) ms"; exit 0; fi
echo "PING CRITICAL - $2 packet loss $((50 + RANDOM % 51))%"; exit 2
P
cat > $W/plugins/check_sleepy <<'P'
#!/bin/bash
s=$((RANDOM % 6)); sleep $s; echo "OK - slept $s s"; exit 0
P
cat > $W/plugins/notify <<'P'
#!/bin/bash
echo "$(date +%s) $*" >> /tmp/r9nagios/out/notifications.txt
[ $((RANDOM % 5)) = 0 ] && exit 1; exit 0
P
cat > $W/plugins/handler <<'P'
#!/bin/bash
echo "$(date +%s) handler $*" >> /tmp/r9nagios/out/handlers.txt
[ $((RANDOM % 6)) = 0 ] && sleep 4; exit 0
P
chmod 755 $W/plugins/*
chown -R nagios:nagios $W
cat > $W/nagios.cfg <<CFG
log_file=$LOG
cfg_file=$W/objects.cfg
object_cache_file=$W/objects.cache
precached_object_file=$W/objects.precache
resource_file=$W/resource.cfg
status_file=$W/status.dat
status_update_interval=5
nagios_user=nagios
nagios_group=nagios
check_external_commands=1
command_file=$W/rw/nagios.cmd
lock_file=$W/nagios.pid
query_socket=$W/rw/nagios.qh
temp_file=$W/nagios.tmp
temp_path=/tmp
log_rotation_method=n
log_archive_path=$W
use_syslog=0
log_notifications=1
log_service_retries=1
log_host_retries=1
log_event_handlers=1
log_initial_states=1
log_current_states=1
log_external_commands=1
log_passive_checks=1
max_service_check_spread=1
max_host_check_spread=1
check_result_reaper_frequency=1
check_result_path=$W/spool
service_check_timeout=3
host_check_timeout=5
event_handler_timeout=2
notification_timeout=5
retain_state_information=1
state_retention_file=$W/retention.dat
retention_update_interval=1
interval_length=1
check_for_updates=0
execute_service_checks=1
accept_passive_service_checks=1
execute_host_checks=1
accept_passive_host_checks=1
enable_notifications=1
enable_event_handlers=1
check_for_orphaned_services=1
check_service_freshness=1
service_freshness_check_interval=5
enable_flap_detection=1
low_service_flap_threshold=10.0
high_service_flap_threshold=30.0
low_host_flap_threshold=10.0
high_host_flap_threshold=30.0
date_format=iso8601
CFG
echo '$USER1$='$W/plugins > $W/resource.cfg
SVCS="http disk load db queue"
{
cat <<OBJ
define timeperiod {
 timeperiod_name always
 alias Always
 sunday 00:00-24:00
 monday 00:00-24:00
 tuesday 00:00-24:00
 wednesday 00:00-24:00
 thursday 00:00-24:00
 friday 00:00-24:00
 saturday 00:00-24:00
}
define command {
 command_name check_rand
 command_line \$USER1\$/check_rand \$ARG1\$ \$SERVICEDESC\$
}
define command {
 command_name check_hostrand
 command_line \$USER1\$/check_hostrand \$ARG1\$ \$HOSTNAME\$
}
define command {
 command_name check_sleepy
 command_line \$USER1\$/check_sleepy
}
define command {
 command_name check_missing
 command_line \$USER1\$/check_does_not_exist -H \$HOSTADDRESS\$
}
define command {
 command_name check_passive_stale
 command_line \$USER1\$/check_rand 0 stale
}
define command {
 command_name notify-svc
 command_line \$USER1\$/notify svc \$NOTIFICATIONTYPE\$ \$HOSTNAME\$ \$SERVICEDESC\$ \$SERVICESTATE\$
}
define command {
 command_name notify-host
 command_line \$USER1\$/notify host \$NOTIFICATIONTYPE\$ \$HOSTNAME\$ \$HOSTSTATE\$
}
define command {
 command_name handler
 command_line \$USER1\$/handler \$HOSTNAME\$ \$SERVICEDESC\$ \$SERVICESTATE\$ \$SERVICESTATETYPE\$
}
define command {
 command_name host-handler
 command_line \$USER1\$/handler \$HOSTNAME\$ \$HOSTSTATE\$
}
define contact {
 contact_name ops
 alias Ops
 email ops@localhost
 host_notification_period always
 service_notification_period always
 host_notification_options d,u,r,f,s
 service_notification_options w,u,c,r,f,s
 host_notification_commands notify-host
 service_notification_commands notify-svc
}
define contact {
 contact_name dba
 alias DBA
 host_notification_period always
 service_notification_period always
 host_notification_options d,r
 service_notification_options c,r
 host_notification_commands notify-host
 service_notification_commands notify-svc
}
define contactgroup {
 contactgroup_name admins
 alias Admins
 members ops,dba
}
OBJ
i=2
for h in web01 db01 cache01 mq01 edge01; do
  cat <<OBJ
define host {
 host_name $h
 alias $h
 address 127.0.0.$i
 check_command check_hostrand!$((85 + RANDOM % 12))
 max_check_attempts 2
 check_interval $((8 + RANDOM % 6))
 retry_interval 2
 check_period always
 notification_period always
 notification_interval 30
 contact_groups admins
 event_handler host-handler
 flap_detection_enabled 1
}
OBJ
  i=$((i + 1))
  for s in $SVCS; do
    [ $((RANDOM % 5)) = 0 ] && continue
    cat <<OBJ
define service {
 host_name $h
 service_description $s
 check_command check_rand!$((40 + RANDOM % 55))
 max_check_attempts 3
 check_interval $((5 + RANDOM % 8))
 retry_interval 2
 check_period always
 notification_period always
 notification_interval 20
 contact_groups admins
 event_handler handler
 flap_detection_enabled 1
}
OBJ
  done
done
cat <<OBJ
define service {
 host_name web01
 service_description backup
 check_command check_passive_stale
 active_checks_enabled 0
 passive_checks_enabled 1
 check_freshness 1
 freshness_threshold 40
 max_check_attempts 1
 check_interval 60
 check_period always
 notification_period always
 notification_interval 0
 contact_groups admins
}
define service {
 host_name db01
 service_description replication
 check_command check_passive_stale
 active_checks_enabled 0
 passive_checks_enabled 1
 max_check_attempts 1
 check_interval 60
 check_period always
 notification_period always
 contact_groups admins
}
define service {
 host_name cache01
 service_description slowcheck
 check_command check_sleepy
 max_check_attempts 2
 check_interval 9
 retry_interval 3
 check_period always
 notification_period always
 contact_groups admins
}
define service {
 host_name mq01
 service_description legacy
 check_command check_missing
 max_check_attempts 2
 check_interval 25
 retry_interval 10
 check_period always
 notification_period always
 contact_groups admins
}
OBJ
} > $W/objects.cfg
chown -R nagios:nagios $W
/usr/sbin/nagios4 -v $W/nagios.cfg > $W/verify.txt || { cat $W/verify.txt; exit 1; }
/usr/sbin/nagios4 -d $W/nagios.cfg
sleep 3
CMD=$W/rw/nagios.cmd
HOSTS=(web01 db01 cache01 mq01 edge01)
r() { echo $((RANDOM % $1)); }
svc_of() { awk -v h=$1 '/define service/{getline; hh=$2; getline; if (hh==h) print $2}' $W/objects.cfg | shuf -n1; }
cmd() { printf '[%s] %s\n' "$(date +%s)" "$1" > $CMD; }
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  h=${HOSTS[$(r 5)]}; s=$(svc_of $h); now=$(date +%s)
  case $(r 24) in
    0) cmd "ACKNOWLEDGE_SVC_PROBLEM;$h;$s;$(r 3);1;1;ops;ticket $RANDOM" ;;
    1) cmd "ACKNOWLEDGE_HOST_PROBLEM;$h;1;1;0;ops;host issue $RANDOM" ;;
    2) cmd "SCHEDULE_SVC_DOWNTIME;$h;$s;$now;$((now + 15 + $(r 30)));1;0;0;ops;maintenance $RANDOM" ;;
    3) cmd "SCHEDULE_HOST_DOWNTIME;$h;$now;$((now + 20 + $(r 30)));1;0;0;dba;reboot window" ;;
    4) cmd "DISABLE_SVC_CHECK;$h;$s"; sleep 1; [ $(r 2) = 0 ] && cmd "ENABLE_SVC_CHECK;$h;$s" ;;
    5) cmd "ENABLE_SVC_CHECK;$h;$s"; cmd "ENABLE_HOST_CHECK;$h" ;;
    6|7) cmd "PROCESS_SERVICE_CHECK_RESULT;web01;backup;$(r 4);backup job $RANDOM finished with $(r 9) warnings" ;;
    8) cmd "PROCESS_SERVICE_CHECK_RESULT;db01;replication;$(r 3);lag $(r 300) seconds|lag=$(r 300)s" ;;
    9) cmd "PROCESS_HOST_CHECK_RESULT;$h;$(r 2);passive host result $RANDOM" ;;
    10) cmd "PROCESS_SERVICE_CHECK_RESULT;ghost$(r 9);nothing;2;no such host" ;;
    11) cmd "PROCESS_SERVICE_CHECK_RESULT;$h;nosuchsvc$(r 9);1;no such service" ;;
    12) cmd "SCHEDULE_FORCED_SVC_CHECK;$h;$s;$now"; cmd "SCHEDULE_FORCED_HOST_CHECK;$h;$now" ;;
    13) cmd "ADD_SVC_COMMENT;$h;$s;1;ops;note $RANDOM"; [ $(r 2) = 0 ] && cmd "DEL_ALL_SVC_COMMENTS;$h;$s" ;;
    14) cmd "DISABLE_SVC_NOTIFICATIONS;$h;$s"; sleep 0.5; cmd "ENABLE_SVC_NOTIFICATIONS;$h;$s" ;;
    15) cmd "REMOVE_SVC_ACKNOWLEDGEMENT;$h;$s"; cmd "REMOVE_HOST_ACKNOWLEDGEMENT;$h" ;;
    16) cmd "SEND_CUSTOM_SVC_NOTIFICATION;$h;$s;$(r 4);ops;custom note $RANDOM" ;;
    17) cmd "BOGUS_COMMAND_$(r 99);$h;$s" ; cmd "ACKNOWLEDGE_SVC_PROBLEM;nohost$(r 9);x" ;;
    18) cmd "DISABLE_FLAP_DETECTION"; sleep 1; cmd "ENABLE_FLAP_DETECTION" ;;
    19) cmd "DISABLE_HOST_SVC_CHECKS;$h"; sleep 2; cmd "ENABLE_HOST_SVC_CHECKS;$h" ;;
    20) cmd "SAVE_STATE_INFORMATION"; cmd "DISABLE_EVENT_HANDLERS"; sleep 1; cmd "ENABLE_EVENT_HANDLERS" ;;
    21) [ $(r 4) = 0 ] && { kill -HUP $(cat $W/nagios.pid); sleep 2; } ;;
    22) cmd "DISABLE_NOTIFICATIONS"; sleep 1; cmd "ENABLE_NOTIFICATIONS" ;;
    23) cmd "SCHEDULE_SVC_DOWNTIME;$h;$s;$now;$((now - 100));1;0;0;ops;bad window" ;;
  esac
  sleep 1.$(r 9)
done
kill $(cat $W/nagios.pid); sleep 3
