#!/bin/bash
# Round-11 corpus workload: keepalived 2.2.7 (Debian 12 package), three nodes (VRRP + health
# checkers + BFD) in network namespaces r11k_a, r11k_b, r11k_c joined by a bridge in r11k_sw, with
# tiny real servers (HTTP, HTTPS, TCP, SMTP, DNS, UDP; rsrv.py) in r11k_srv. Every node runs
# `keepalived -n -l -D -G` (console log, detailed, no syslog); their stderr is appended to one file,
# OUT/keepalived.log, kept unchanged.
# This kernel has no IPVS (CONFIG_IP_VS is not set), so the nodes with virtual servers run under
# fakeipvs.so (fakeipvs.c beside this script), which answers the IPVS socket options as an empty
# IPVS table would; the health checks themselves are real.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# (needs rsrv.py, vrrpgen.py and fakeipvs.c beside it; cleans up namespaces and daemons at the end)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-170}
W=/tmp/r11k                 # scratch: configs, mode files, pid files
S=/etc/keepalived/r11k      # scripts (root-owned path, for enable_script_security)
LOG=$OUT/keepalived.log
command -v keepalived >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y keepalived
command -v gcc >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y gcc
PY=/usr/bin/python3

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

cleanup() {
  for n in a b c; do
    [ -f $W/ka_$n.pid ] && kill "$(cat $W/ka_$n.pid)" 2>/dev/null
  done
  sleep 2
  for f in $W/srv_*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; rm -f "$f"; done
  for n in a b c srv sw; do ip netns del r11k_$n 2>/dev/null; done
}

# ---------------------------------------------------------------- network
cleanup
rm -rf $W; mkdir -p $W $S; chmod 755 $W
ip netns add r11k_sw
ip netns exec r11k_sw ip link set lo up
ip netns exec r11k_sw ip link add br0 type bridge mcast_snooping 0
ip netns exec r11k_sw ip link set br0 up
for n in a b c srv; do
  ip netns add r11k_$n
  ip link add r11k_$n type veth peer name r11k_${n}p
  ip link set r11k_$n netns r11k_$n
  ip link set r11k_${n}p netns r11k_sw
  ip netns exec r11k_sw ip link set r11k_${n}p master br0 up
  ip netns exec r11k_$n ip link set lo up
  ip netns exec r11k_$n ip link set r11k_$n name eth0
  ip netns exec r11k_$n ip link set eth0 up
done
ip netns exec r11k_a ip addr add 10.211.0.11/24 dev eth0
ip netns exec r11k_b ip addr add 10.211.0.12/24 dev eth0
ip netns exec r11k_c ip addr add 10.211.0.13/24 dev eth0
for k in 21 22 23 24 25; do ip netns exec r11k_srv ip addr add 10.211.0.$k/24 dev eth0; done
ip netns exec r11k_srv ip -6 addr add fd11:211::21/64 dev eth0
ip netns exec r11k_b ip -6 addr add fd11:211::12/64 dev eth0
ip netns exec r11k_c ip -6 addr add fd11:211::13/64 dev eth0
# an extra tracked interface on node b
ip netns exec r11k_b ip link add r11kdum0 type veth peer name r11kdum1
ip netns exec r11k_b ip link set r11kdum1 up
ip netns exec r11k_b ip link set r11kdum0 up
sleep 2

# ---------------------------------------------------------------- helpers
gcc -shared -fPIC -O2 -o $W/fakeipvs.so "$HERE/fakeipvs.c" -ldl || exit 1
cp "$HERE/rsrv.py" "$HERE/vrrpgen.py" $W/
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=rs.r11k" \
  -keyout $W/rs.key -out $W/rs.crt 2>/dev/null
cat $W/rs.key $W/rs.crt > $W/rs.pem

cat > $S/chk.sh <<'EOF'
#!/bin/sh
# vrrp_script: fails while /tmp/r11k/fail_<node> exists; exit code taken from it
[ -e /tmp/r11k/fail_$1 ] && exit "$(cat /tmp/r11k/fail_$1 2>/dev/null || echo 1)"
exit 0
EOF
cat > $S/slow.sh <<'EOF'
#!/bin/sh
# vrrp_script that sometimes hangs past its timeout
[ -e /tmp/r11k/slow ] && sleep "$(cat /tmp/r11k/slow)"
exit 0
EOF
cat > $S/misc.sh <<'EOF'
#!/bin/sh
# MISC_CHECK: behaviour from /tmp/r11k/misc_mode: ok, fail, dyn N, hang, kill
m=$(cat /tmp/r11k/misc_mode 2>/dev/null || echo ok)
case "$m" in
  ok) exit 0 ;;
  fail) exit 1 ;;
  dyn*) exit "${m#dyn }" ;;
  hang) sleep 30 ;;
  kill) kill -9 $$ ;;
esac
exit 0
EOF
cat > $S/notify.sh <<'EOF'
#!/bin/sh
echo "$(date +%s) $*" >> /tmp/r11k/notify.out
exit 0
EOF
cat > $S/quorum.sh <<'EOF'
#!/bin/sh
echo "$(date +%s) quorum $*" >> /tmp/r11k/notify.out
EOF
chmod 755 $S/*.sh
# a script in a world-writable place (refused by script security)
printf '#!/bin/sh\nexit 0\n' > $W/unsafe.sh; chmod 777 $W/unsafe.sh
echo 0 > $W/trk_c; echo 1 > $W/trk_b
echo ok > $W/misc_mode
HEALTH_MD5=$(printf 'healthy\n' | md5sum | cut -d' ' -f1)

# ---------------------------------------------------------------- real servers
# name kind ip port
SERVERS="h1:http:10.211.0.22:19201 h2:http:10.211.0.23:19202 t1:tcp:10.211.0.24:19203
s1:https:10.211.0.22:19205 m1:smtp:10.211.0.23:19206 d1:dns:10.211.0.24:19207
u1:udp:10.211.0.25:19208 sorry:http:10.211.0.25:19204"
srv_start() {   # name
  local line; line=$(echo $SERVERS | tr ' ' '\n' | grep "^$1:")
  IFS=: read -r name kind ip port <<<"$line"
  [ -f $W/srv_$name.pid ] && kill -0 "$(cat $W/srv_$name.pid)" 2>/dev/null && return
  [ -f $W/mode_$name ] || echo ok > $W/mode_$name
  ip netns exec r11k_srv $PY $W/rsrv.py "$kind" "$ip" "$port" $W/mode_$name >/dev/null 2>&1 &
  echo $! > $W/srv_$name.pid
}
srv_stop() {
  [ -f $W/srv_$1.pid ] && kill "$(cat $W/srv_$1.pid)" 2>/dev/null; rm -f $W/srv_$1.pid
}
for s in h1 h2 t1 s1 m1 d1 u1 sorry; do srv_start $s; done
ip netns exec r11k_srv ip addr add 10.211.0.26/24 dev eth0   # PING_CHECK target

# ---------------------------------------------------------------- configurations
# Values that reloads vary
PRIO_A=150; PRIO_B=120; PRIO_C=100; PASS_C=s3cret; ADV_C=1; EXTRA_RS=0; BROKEN=""; LOGALL=1
DELAY_A=3; HYST=0

conf_a() {
cat > $W/a.conf <<EOF
global_defs {
  router_id r11k_a
  enable_script_security
  script_user root
  vrrp_garp_master_delay 1
  vrrp_garp_master_repeat 2
  log_unknown_vrids
  $( [ $LOGALL = 1 ] && echo checker_log_all_failures )
  notification_email {
    ops@r11k.test
  }
  notification_email_from keepalived-a@r11k.test
  smtp_server 10.211.0.23 19206
  smtp_connect_timeout 3
  $BROKEN
}
bfd_instance bfd_to_b {
  neighbor_ip 10.211.0.12
  source_ip 10.211.0.11
  min_rx 300
  min_tx 300
  idle_tx 1000
  multiplier 3
}
vrrp_script chk_flag {
  script "$S/chk.sh a"
  interval 2
  timeout 3
  weight -60
  fall 2
  rise 2
}
vrrp_script chk_slow {
  script "$S/slow.sh"
  interval 4
  timeout 2
  weight -5
}
vrrp_sync_group SG_a {
  group {
    VI_web
    VI_api
  }
  notify "$S/notify.sh"
  smtp_alert
  sync_group_tracking_weight
}
vrrp_instance VI_web {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority $PRIO_A
  advert_int 1
  authentication {
    auth_type PASS
    auth_pass s3cret
  }
  virtual_ipaddress {
    10.211.0.100/24
  }
  track_script {
    chk_flag
    chk_slow
  }
  notify_master "$S/notify.sh master web"
  notify_backup "$S/notify.sh backup web"
  notify_fault "$S/notify.sh fault web"
}
vrrp_instance VI_api {
  state BACKUP
  interface eth0
  version 3
  virtual_router_id 52
  priority 100
  advert_int 1
  unicast_src_ip 10.211.0.11
  check_unicast_src
  unicast_peer {
    10.211.0.12
  }
  virtual_ipaddress {
    10.211.0.101/24
  }
  track_bfd {
    bfd_to_b
  }
}
virtual_server 10.211.0.100 19300 {
  delay_loop $DELAY_A
  lb_algo wrr
  lb_kind NAT
  protocol TCP
  quorum 2
  hysteresis $HYST
  quorum_up "$S/quorum.sh up"
  quorum_down "$S/quorum.sh down"
  sorry_server 10.211.0.25 19204
  smtp_alert
  real_server 10.211.0.22 19201 {
    weight 3
    notify_up "$S/notify.sh rs_up h1"
    notify_down "$S/notify.sh rs_down h1"
    HTTP_GET {
      url {
        path /health
        digest $HEALTH_MD5
      }
      connect_timeout 2
      retry 1
      delay_before_retry 1
    }
  }
  real_server 10.211.0.23 19202 {
    weight 2
    inhibit_on_failure
    HTTP_GET {
      url {
        path /status
        status_code 200-299
      }
      url {
        path /ready
        status_code 200
      }
      connect_timeout 2
      retry 2
      delay_before_retry 1
      fast_recovery
    }
  }
  real_server 10.211.0.22 19205 {
    weight 1
    SSL_GET {
      url {
        path /
        status_code 200
      }
      connect_timeout 2
      retry 1
      delay_before_retry 1
    }
  }
$( [ $EXTRA_RS = 1 ] && cat <<EOR
  real_server 10.211.0.24 19203 {
    weight 1
    TCP_CHECK {
      connect_timeout 2
      retry 1
    }
  }
EOR
)
}
EOF
}

conf_b() {
cat > $W/b.conf <<EOF
global_defs {
  router_id r11k_b
  enable_script_security
  script_user root
  vrrp_garp_master_delay 1
  vrrp_garp_master_repeat 2
  log_unknown_vrids
  checker_log_all_failures
  notification_email {
    ops@r11k.test
  }
  notification_email_from keepalived-b@r11k.test
  smtp_server 10.211.0.23 19206
  smtp_connect_timeout 3
}
track_file tf_b {
  file "$W/trk_b"
  weight 1
}
bfd_instance bfd_to_a {
  neighbor_ip 10.211.0.11
  source_ip 10.211.0.12
  min_rx 300
  min_tx 300
  idle_tx 1000
  multiplier 3
}
vrrp_instance VI_web {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority $PRIO_B
  advert_int 1
  authentication {
    auth_type PASS
    auth_pass s3cret
  }
  virtual_ipaddress {
    10.211.0.100/24
  }
  track_interface {
    r11kdum0
  }
  notify "$S/notify.sh"
}
vrrp_instance VI_api {
  state BACKUP
  interface eth0
  version 3
  virtual_router_id 52
  priority 150
  advert_int 1
  unicast_src_ip 10.211.0.12
  check_unicast_src
  unicast_peer {
    10.211.0.11
  }
  virtual_ipaddress {
    10.211.0.101/24
  }
  track_interface {
    r11kdum0 weight -80
  }
  smtp_alert
}
vrrp_instance VI_v6 {
  state BACKUP
  interface eth0
  version 3
  virtual_router_id 53
  priority 110
  advert_int 1
  native_ipv6
  virtual_ipaddress {
    fd11:211::100/64
  }
}
virtual_server 10.211.0.101 19301 {
  delay_loop 4
  lb_algo rr
  lb_kind DR
  protocol TCP
  alpha
  quorum 1
  real_server 10.211.0.23 19206 {
    weight 1
    SMTP_CHECK {
      helo_name r11k-b.test
      connect_timeout 3
      retry 1
      delay_before_retry 2
    }
  }
  real_server 10.211.0.26 {
    weight 1
    PING_CHECK {
      connect_timeout 2
      retry 1
      delay_before_retry 1
    }
  }
  real_server 10.211.0.21 {
    weight 5
    MISC_CHECK {
      misc_path "$S/misc.sh"
      misc_timeout 3
      misc_dynamic
    }
  }
  real_server 10.211.0.25 19211 {
    weight 2
    FILE_CHECK {
      track_file tf_b
      weight 1
    }
  }
}
virtual_server 10.211.0.101 19302 {
  delay_loop 4
  lb_algo lc
  lb_kind NAT
  protocol UDP
  real_server 10.211.0.24 19207 {
    weight 1
    DNS_CHECK {
      type A
      name www.r11k.test
      connect_timeout 2
      retry 1
      delay_before_retry 1
    }
  }
  real_server 10.211.0.25 19208 {
    weight 1
    UDP_CHECK {
      payload 52 31 31 4b
      require_reply
      connect_timeout 2
      retry 1
      delay_before_retry 1
    }
  }
}
EOF
}

conf_c() {
cat > $W/c.conf <<EOF
global_defs {
  router_id r11k_c
  enable_script_security
  script_user root
  vrrp_garp_master_delay 1
  vrrp_garp_master_repeat 2
  log_unknown_vrids
}
track_file tf_c {
  file "$W/trk_c"
  weight 1
}
vrrp_script chk_unsafe {
  script "$W/unsafe.sh"
  interval 5
}
vrrp_script chk_flag {
  script "$S/chk.sh c"
  interval 3
  weight -20
}
vrrp_instance VI_web {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority $PRIO_C
  advert_int $ADV_C
  authentication {
    auth_type PASS
    auth_pass $PASS_C
  }
  virtual_ipaddress {
    10.211.0.100/24
  }
  track_file {
    tf_c weight 1
  }
  track_script {
    chk_flag
    chk_unsafe
  }
  notify "$S/notify.sh"
}
vrrp_instance VI_v6 {
  state BACKUP
  interface eth0
  version 3
  virtual_router_id 53
  priority 100
  advert_int 1
  native_ipv6
  virtual_ipaddress {
    fd11:211::100/64
  }
}
EOF
}

start_node() {   # a|b|c
  local n=$1 pre=""
  [ $n != c ] && pre="LD_PRELOAD=$W/fakeipvs.so"
  if [ $n = c ]; then
    keepalived -n -l -D -G -P -s r11k_c -f $W/c.conf >> "$LOG" 2>&1 &
  else
    env $pre keepalived -n -l -D -G -s r11k_$n -f $W/$n.conf >> "$LOG" 2>&1 &
  fi
  echo $! > $W/ka_$n.pid
}
stop_node() {
  [ -f $W/ka_$1.pid ] && kill "$(cat $W/ka_$1.pid)" 2>/dev/null
  sleep 2; rm -f $W/ka_$1.pid
}
running() { [ -f $W/ka_$1.pid ] && kill -0 "$(cat $W/ka_$1.pid)" 2>/dev/null; }
child_pid() {  # node vrrp|checkers|bfd
  cat /run/keepalived/r11k_$1/$2.pid 2>/dev/null
}

rm -f "$LOG"
conf_a; conf_b; conf_c
start_node a; sleep 1; start_node b; sleep 1; start_node c
sleep 8

# ---------------------------------------------------------------- randomised workload
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 30) in
    0|1|2)   # real server behaviour
      s=$(pick h1 h2 s1 m1 d1 u1 h1 h2)
      pick ok ok bad 500 404 301 slow close drop > $W/mode_$s ;;
    3|4)     # real server back to healthy
      for s in $(pick h1 h2 s1 m1 d1 u1) $(pick h1 h2 m1 d1); do echo ok > $W/mode_$s; done ;;
    5|6)     # stop / start a real server
      s=$(pick h1 h2 t1 s1 m1 d1 u1 sorry)
      if [ -f $W/srv_$s.pid ]; then srv_stop $s; else srv_start $s; fi ;;
    7)       # PING_CHECK target comes and goes
      if ip netns exec r11k_srv ip -4 addr show dev eth0 | grep -q 10.211.0.26/; then
        ip netns exec r11k_srv ip addr del 10.211.0.26/24 dev eth0
      else ip netns exec r11k_srv ip addr add 10.211.0.26/24 dev eth0; fi ;;
    8)       # MISC_CHECK behaviour
      pick ok ok fail "dyn $((2 + $(r 20)))" hang kill > $W/misc_mode ;;
    9)       # FILE_CHECK / track_file values
      pick 0 1 3 -$(r 50) 7 -254 > $W/trk_b
      pick 0 10 -$(r 80) 25 -254 0 > $W/trk_c ;;
    10|11)   # vrrp_script on a / c fails or recovers
      n=$(pick a a c)
      if [ -e $W/fail_$n ]; then rm -f $W/fail_$n; else pick 1 2 3 > $W/fail_$n; fi ;;
    12)      # slow track script (timeouts)
      if [ -e $W/slow ]; then rm -f $W/slow; else echo $((3 + $(r 4))) > $W/slow; fi ;;
    13)      # tracked interface on b down/up
      ip netns exec r11k_b ip link set r11kdum0 down; sleep $((2 + $(r 4)))
      ip netns exec r11k_b ip link set r11kdum0 up ;;
    14)      # VRRP link of a node down / up
      n=$(pick a b c)
      ip netns exec r11k_$n ip link set eth0 down; sleep $((3 + $(r 4)))
      ip netns exec r11k_$n ip link set eth0 up ;;
    15|16)   # odd VRRP packets
      ip netns exec r11k_srv $PY $W/vrrpgen.py "$(pick unknown badpass noauth badsum ttl short version type advint addrs v3uni unknown badpass)" $((1 + $(r 3))) ;;
    17)      # a rogue high-priority advert burst
      ip netns exec r11k_srv $PY $W/vrrpgen.py high $((1 + $(r 3))) ;;
    18|19)   # reload with changed values
      n=$(pick a b c)
      case $n in
        a) PRIO_A=$(pick 150 150 90 200 130); EXTRA_RS=$(r 2); LOGALL=$(r 2); DELAY_A=$(pick 2 3 5); HYST=$(r 2); conf_a ;;
        b) PRIO_B=$(pick 120 120 160 80); conf_b ;;
        c) PASS_C=$(pick s3cret s3cret wrongpw); ADV_C=$(pick 1 1 1 2); PRIO_C=$(pick 100 100 170 60); conf_c ;;
      esac
      running $n && kill -HUP "$(cat $W/ka_$n.pid)"
      if [ $n = c ] && [ "$PASS_C$ADV_C" != s3cret1 ]; then   # odd settings last a few seconds
        sleep $((4 + $(r 6))); PASS_C=s3cret; ADV_C=1; conf_c
        running c && kill -HUP "$(cat $W/ka_c.pid)"
      fi ;;
    20)      # reload with a broken configuration, then fixed
      BROKEN=$(pick "bogus_keyword $RANDOM" "vrrp_garp_interval abc" "smtp_connect_timeout -$(r 9)" "router_id" "script_user nosuchuser$(r 99)")
      conf_a; running a && kill -HUP "$(cat $W/ka_a.pid)"; sleep 3
      BROKEN=""; conf_a; running a && kill -HUP "$(cat $W/ka_a.pid)" ;;
    21)      # now and then a child process killed: the parent respawns it
      n=$(pick a b c); p=$(child_pid $n "$(pick vrrp checkers bfd vrrp)")
      [ -n "$p" ] && [ $(r 3) = 0 ] && kill -9 "$p" 2>/dev/null ;;
    22)      # a node frozen for a while
      n=$(pick a b c); p=$(child_pid $n vrrp)
      if [ -n "$p" ]; then kill -STOP "$p"; sleep $((4 + $(r 4))); kill -CONT "$p"; fi ;;
    23)      # stop / restart a whole node
      n=$(pick a b c)
      if running $n; then stop_node $n; sleep $((3 + $(r 6))); fi
      start_node $n ;;
    24)      # data / stats dumps
      n=$(pick a b c); running $n && kill -$(pick USR1 USR2) "$(cat $W/ka_$n.pid)" ;;
    25)      # a VIP removed by hand from whichever node holds it
      for n in a b c; do
        ip netns exec r11k_$n ip addr del 10.211.0.$(pick 100 101)/24 dev eth0 2>/dev/null
      done ;;
    *) sleep 0.5 ;;
  esac
  sleep 0.$((3 + $(r 7)))
done

# ---------------------------------------------------------------- stop
for n in c b a; do stop_node $n; done
sleep 2
cleanup
