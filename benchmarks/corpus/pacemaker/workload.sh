#!/bin/bash
# Round-14 corpus workload: Pacemaker 2.1.5 over Corosync 3.1 (Debian 12 packages pacemaker,
# pacemaker-cli-utils, resource-agents, corosync), a one-node cluster ("vm") in a private network
# namespace "pcmk14" (loopback only, knet on 127.0.0.1:33405), private corosync config.
# Pacemaker detail log (PCMK_logfile, default priority info) -> $OUT/pacemaker.log (kept: its
# last 2,500 lines: the shutdown, restart and stop are in them).
# Randomised workload with the Pacemaker CLI tools: Dummy, Stateful, Delay, anything and IPaddr2
# resources created, started, stopped, failed on purpose, banned/moved/cleared, cleaned up,
# constraints, groups, clones, standby/unstandby, maintenance, reloadable parameter changes,
# node attributes, a pacemaker restart, stop.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
OUT=${1:-/work/round14/pacemaker}; DURATION=${2:-300}
W=/var/tmp/pcmk14; NS=pcmk14; NODE=$(uname -n)
mkdir -p "$OUT" "$W"; rm -f "$OUT/pacemaker.log" "$W"/*.state
ip netns add $NS 2>/dev/null; ip netns exec $NS ip link set lo up
X() { ip netns exec $NS "$@"; }
rm -f /var/lib/pacemaker/cib/* /var/lib/pacemaker/pengine/* /var/lib/corosync/*
touch "$OUT/pacemaker.log"; chown hacluster:haclient "$OUT/pacemaker.log"; chmod 660 "$OUT/pacemaker.log"
chmod o+x "$OUT"
cat > $W/corosync.conf <<EOF
totem {
  version: 2
  cluster_name: r14
  crypto_cipher: none
  crypto_hash: none
  transport: knet
  token: 3000
  interface {
    linknumber: 0
    mcastport: 33405
  }
}
nodelist {
  node {
    name: $NODE
    nodeid: 1
    ring0_addr: 127.0.0.1
  }
}
quorum {
  provider: corosync_votequorum
}
uidgid {
  uid: hacluster
  gid: haclient
}
logging {
  to_logfile: yes
  logfile: $W/corosync.log
  to_syslog: no
  to_stderr: no
  timestamp: on
}
EOF
export PCMK_logfile=$OUT/pacemaker.log PCMK_logfacility=none PCMK_logpriority=info
start_cluster() {
  X sh -c "echo \$\$ > $W/corosync.pid; exec corosync -f -c $W/corosync.conf" &
  sleep 2
  X sh -c "echo \$\$ > $W/pacemakerd.pid; exec /usr/sbin/pacemakerd" &
  for i in $(seq 60); do X crm_mon -1 2>/dev/null | grep -q 'Current DC: '"$NODE" && break; sleep 1; done
}
stop_cluster() {
  kill -TERM $(cat $W/pacemakerd.pid) 2>/dev/null
  for i in $(seq 60); do kill -0 $(cat $W/pacemakerd.pid) 2>/dev/null || break; sleep 1; done
  kill -TERM $(cat $W/corosync.pid) 2>/dev/null; sleep 2
}
start_cluster
X crm_attribute -t crm_config -n stonith-enabled -v false
X crm_attribute -t crm_config -n no-quorum-policy -v ignore
X crm_attribute -t crm_config -n cluster-recheck-interval -v 1min
X crm_attribute -t rsc_defaults -n migration-threshold -v 3 2>/dev/null
r() { echo $((RANDOM % $1)); }
NAMES=(web db cache queue api mail dns lb vip store)
pick() { X cibadmin -Q -o resources 2>/dev/null | grep -o '<primitive id="[^"]*"' | cut -d'"' -f2 | shuf -n1; }
add_dummy() {   # name, extra params
  local n=$1 mon=$((3 + $(r 8)))
  X cibadmin -C -o resources -X "<primitive id=\"$n\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><instance_attributes id=\"$n-ia\"><nvpair id=\"$n-state\" name=\"state\" value=\"$W/$n.state\"/>$2</instance_attributes><operations><op id=\"$n-mon\" name=\"monitor\" interval=\"${mon}s\" timeout=\"20s\"/></operations></primitive>"
}
add_dummy web-1 ""
add_dummy db-1 "<nvpair id=\"db-1-sl\" name=\"op_sleep\" value=\"1\"/>"
X cibadmin -C -o resources -X "<clone id=\"state-clone\"><meta_attributes id=\"sc-meta\"><nvpair id=\"sc-prom\" name=\"promotable\" value=\"true\"/><nvpair id=\"sc-pm\" name=\"promoted-max\" value=\"1\"/></meta_attributes><primitive id=\"state\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"><operations><op id=\"st-m1\" name=\"monitor\" interval=\"9s\" role=\"Promoted\"/><op id=\"st-m2\" name=\"monitor\" interval=\"10s\" role=\"Unpromoted\"/></operations></primitive></clone>"
sleep 5
END=$((SECONDS + DURATION)); K=1; RESTARTED=0
while [ $SECONDS -lt $END ]; do
  K=$((K + 1)); n="${NAMES[$(r ${#NAMES[@]})]}-$K"
  case $(r 24) in
    0|1) add_dummy $n "" ;;
    2) add_dummy $n "<nvpair id=\"$n-fs\" name=\"fail_start_on\" value=\"$NODE\"/>" ;;
    3) ip="10.$((20 + $(r 200))).$(r 250).$((1 + $(r 250)))"
       X cibadmin -C -o resources -X "<primitive id=\"vip-$K\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"><instance_attributes id=\"vip-$K-ia\"><nvpair id=\"vip-$K-ip\" name=\"ip\" value=\"$ip\"/><nvpair id=\"vip-$K-nic\" name=\"nic\" value=\"$( [ $(r 3) = 0 ] && echo eth$(r 9) || echo lo)\"/><nvpair id=\"vip-$K-cidr\" name=\"cidr_netmask\" value=\"32\"/></instance_attributes><operations><op id=\"vip-$K-mon\" name=\"monitor\" interval=\"7s\"/></operations></primitive>" ;;
    4) X cibadmin -C -o resources -X "<primitive id=\"slow-$K\" class=\"ocf\" provider=\"heartbeat\" type=\"Delay\"><instance_attributes id=\"slow-$K-ia\"><nvpair id=\"slow-$K-sd\" name=\"startdelay\" value=\"$((1 + $(r 8)))\"/><nvpair id=\"slow-$K-td\" name=\"stopdelay\" value=\"$(r 3)\"/></instance_attributes><operations><op id=\"slow-$K-start\" name=\"start\" interval=\"0\" timeout=\"5s\"/><op id=\"slow-$K-mon\" name=\"monitor\" interval=\"10s\" timeout=\"20s\"/></operations></primitive>" ;;
    5) X cibadmin -C -o resources -X "<primitive id=\"proc-$K\" class=\"ocf\" provider=\"heartbeat\" type=\"anything\"><instance_attributes id=\"proc-$K-ia\"><nvpair id=\"proc-$K-bin\" name=\"binfile\" value=\"/bin/sleep\"/><nvpair id=\"proc-$K-cmd\" name=\"cmdline_options\" value=\"$((1000 + $(r 9000)))\"/><nvpair id=\"proc-$K-pid\" name=\"pidfile\" value=\"$W/proc-$K.pid\"/></instance_attributes><operations><op id=\"proc-$K-mon\" name=\"monitor\" interval=\"5s\"/></operations></primitive>" ;;
    6) p=$(pick); [ -n "$p" ] && rm -f "$W/$p.state" ;;                        # Dummy fails its monitor
    7) f=$(ls $W/proc-*.pid 2>/dev/null | shuf -n1); [ -n "$f" ] && kill -9 "$(cat $f)" 2>/dev/null ;;
    8) p=$(pick); [ -n "$p" ] && X crm_resource -r $p --meta -p target-role -v Stopped ;;
    9) p=$(pick); [ -n "$p" ] && X crm_resource -r $p --meta -p target-role -v Started ;;
    10) p=$(pick); [ -n "$p" ] && X crm_resource -r $p --cleanup; [ $(r 3) = 0 ] && X crm_resource --cleanup ;;
    11) p=$(pick); [ -n "$p" ] && X crm_resource -r $p --ban -N $NODE $( [ $(r 2) = 0 ] && echo "--lifetime PT$((10 + $(r 30)))S" ); sleep 2; X crm_resource -r $p --clear ;;
    12) p=$(pick); [ -n "$p" ] && { X crm_resource -r $p --meta -p target-role -v Stopped; sleep 2; X crm_resource -r $p --delete -t primitive; } ;;
    13) a=$(pick); b=$(pick); [ -n "$a" ] && [ "$a" != "$b" ] && {
          X cibadmin -C -o constraints -X "<rsc_colocation id=\"col-$K\" rsc=\"$a\" with-rsc=\"$b\" score=\"$( [ $(r 2) = 0 ] && echo INFINITY || echo -INFINITY)\"/>"
          X cibadmin -C -o constraints -X "<rsc_order id=\"ord-$K\" first=\"$b\" then=\"$a\" kind=\"$( [ $(r 2) = 0 ] && echo Mandatory || echo Optional)\"/>"; } ;;
    14) c=$(X cibadmin -Q -o constraints | grep -o 'id="\(col\|ord\|loc\)-[0-9]*"' | cut -d'"' -f2 | shuf -n1)
        [ -n "$c" ] && X cibadmin -D -A "//*[@id='$c']" ;;
    15) X crm_standby -N $NODE -v on; sleep $((3 + $(r 5))); X crm_standby -N $NODE -v off ;;
    16) X crm_attribute -t crm_config -n maintenance-mode -v true; sleep 3; p=$(pick); [ -n "$p" ] && rm -f "$W/$p.state"; sleep 2
        X crm_attribute -t crm_config -n maintenance-mode -v false ;;
    17) p=$(X cibadmin -Q -o resources | grep -o 'primitive id="[a-z]*-[0-9]*" class="ocf" provider="pacemaker" type="Dummy"' | cut -d'"' -f2 | shuf -n1)
        [ -n "$p" ] && X crm_resource -r $p -p fake -v "v$RANDOM" ;;                 # reloadable parameter
    18) p=$(pick); [ -n "$p" ] && X crm_resource -r $p --meta -p is-managed -v false; sleep 3; [ -n "$p" ] && X crm_resource -r $p --meta -d is-managed ;;
    19) X crm_attribute -N $NODE -n "site-$(r 5)" -v "$RANDOM" -l $( [ $(r 2) = 0 ] && echo reboot || echo forever ); X attrd_updater -n "load-$(r 4)" -U $(r 100) -d $((1 + $(r 3)))s ;;
    20) p=$(pick); [ -n "$p" ] && X crm_resource -r $p --fail -N $NODE; X crm_resource -r nosuch-$K --cleanup; X crm_resource -r nosuch-$K --meta -p target-role -v Started ;;
    21) g="grp-$K"; a="$g-a"; b="$g-b"
        X cibadmin -C -o resources -X "<group id=\"$g\"><primitive id=\"$a\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><instance_attributes id=\"$a-ia\"><nvpair id=\"$a-st\" name=\"state\" value=\"$W/$a.state\"/></instance_attributes><operations><op id=\"$a-mon\" name=\"monitor\" interval=\"6s\"/></operations></primitive><primitive id=\"$b\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><instance_attributes id=\"$b-ia\"><nvpair id=\"$b-st\" name=\"state\" value=\"$W/$b.state\"/></instance_attributes><operations><op id=\"$b-mon\" name=\"monitor\" interval=\"8s\"/></operations></primitive></group>" ;;
    22) X crm_resource -r state-clone --meta -p target-role -v $( [ $(r 2) = 0 ] && echo Unpromoted || echo Promoted ); X crm_attribute -t crm_config -n cluster-recheck-interval -v $((1 + $(r 5)))min ;;
    23) X crm_resource --refresh; X cibadmin --bump ;;
  esac
  sleep $((1 + $(r 3))).$(r 10)
  [ $RESTARTED = 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ] && { RESTARTED=1; stop_cluster; sleep 1; start_cluster; }
  # keep the configuration small
  [ $(X cibadmin -Q -o resources | grep -c '<primitive') -gt 14 ] && for p in $(X cibadmin -Q -o resources | grep -o '<primitive id="[^"]*"' | cut -d'"' -f2 | grep -v -e '^state$' -e '^grp-' | shuf -n4); do
    X crm_resource -r $p --meta -p target-role -v Stopped; sleep 1; X crm_resource -r $p --delete -t primitive; done
done
sleep 5
stop_cluster
ip netns del $NS
