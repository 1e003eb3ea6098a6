#!/bin/bash
# Randomised workload for exabgp: instance A (logged to exabgp.log) with a second exabgp (B),
# hand-written BGP peers, an API helper process, reloads, restarts, broken configs and shutdowns.
cd "$(dirname "$0")"
D=$PWD; R=$D/run; LOG=$D/exabgp.log
mkdir -p $R; rm -f $LOG $R/*.log $R/*.pid
PY=/usr/bin/python3

conf_a() { # file variant
cat > $1 <<EOC
process announcer {
	run $PY $D/api_helper.py;
	encoder text;
}

template {
	neighbor base {
		local-address 127.0.0.1;
		local-as 65001;
		router-id 10.0.0.1;
		hold-time $((9 + RANDOM % 3 * 3));
		family {
			ipv4 unicast;
			$( [ "$2" = v2 ] && echo "ipv6 unicast;" )
		}
		api {
			processes [ announcer ];
			neighbor-changes;
		}
	}
}

neighbor 127.0.0.2 {
	inherit base;
	description "exabgp peer B";
	peer-as 65002;
	connect 25111;
	static {
		route 10.1.0.0/24 next-hop self;
		route 10.1.$((RANDOM % 200)).0/24 next-hop self med $((RANDOM % 100));
		$( [ "$2" = v2 ] && echo "route 10.1.250.0/24 next-hop self community [65001:250];" )
	}
}

neighbor 127.0.0.3 {
	inherit base;
	description "scripted peer C";
	peer-as 65003;
	connect 25112;
	$( [ "$2" = v2 ] && echo "passive;" )
}

$( [ "$2" = v2 ] && cat <<EOD
neighbor 127.0.0.4 {
	inherit base;
	description "scripted peer D";
	peer-as 65004;
	passive;
}
EOD
)
EOC
}

conf_b() {
cat > $1 <<EOC
neighbor 127.0.0.1 {
	local-address 127.0.0.2;
	local-as 65002;
	peer-as 65001;
	router-id 10.0.0.2;
	hold-time 9;
	passive;
	family { ipv4 unicast; ipv6 unicast; }
	static {
$(for i in $(seq $((2 + RANDOM % 6))); do echo "		route 192.168.$((RANDOM % 250)).0/24 next-hop 127.0.0.2 local-preference $((100 + RANDOM % 100));"; done)
		route 2001:db8:$((RANDOM % 999))::/48 next-hop ::ffff:127.0.0.2;
	}
}
EOC
}

start_a() { # config
  env exabgp_log_destination=stdout exabgp_log_level=DEBUG exabgp_log_all=false \
      exabgp_log_reactor=true exabgp_log_daemon=true exabgp_log_processes=true exabgp_log_configuration=true \
      exabgp_log_network=true exabgp_log_packets=false exabgp_log_rib=true exabgp_log_message=true \
      exabgp_log_timers=true exabgp_log_routes=true exabgp_log_parser=false \
      exabgp_daemon_user=root exabgp_daemon_pid=$R/a.pid exabgp_tcp_bind=127.0.0.1 exabgp_tcp_port=25110 \
      exabgp_api_cli=false exabgp_bgp_openwait=$((4 + RANDOM % 4)) \
      /usr/sbin/exabgp $1 >>$LOG 2>>$R/a.stderr &
  APID=$!; echo $APID >> $R/started.pids; sleep 2
}
start_b() {
  env exabgp_log_destination=$R/b.log exabgp_log_level=INFO exabgp_daemon_user=root exabgp_api_cli=false \
      exabgp_tcp_bind=127.0.0.2 exabgp_tcp_port=25111 \
      /usr/sbin/exabgp $R/b.conf >/dev/null 2>&1 &
  BPID=$!; echo $BPID >> $R/started.pids
}
speak() { SP=""; for i in $(seq $1); do $PY $D/bgp_speaker.py random $(shuf -n1 -e 127.0.0.3 127.0.0.3 127.0.0.4 127.0.0.9) & SP="$SP $!"; sleep $(shuf -n1 -e 0.3 0.8 1.5 2); done; for j in $SP; do wait $j 2>/dev/null; done; }

conf_a $R/a1.conf v1; conf_a $R/a2.conf v2; conf_b $R/b.conf
cp $R/a1.conf $R/a.conf

# a broken configuration first (A refuses to start), maybe a missing one
printf 'neighbor 127.0.0.2 {\n\tlocal-as 65001;\n\tpeer-as banana;\n}\n' > $R/broken.conf
start_a $R/broken.conf; sleep 2
[ $((RANDOM % 2)) = 0 ] && { start_a $R/does-not-exist.conf; sleep 1; }

# port already taken by someone else
$PY -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',25110)); s.listen(); time.sleep(4)" & sleep 0.5
start_a $R/a.conf; sleep 3; kill $APID 2>/dev/null; sleep 1

# normal run: A up, scripted peer C listening for A's outgoing connections, B joins later
$PY $D/bgp_speaker.py listen 127.0.0.3 25112 40 & LPID=$!
start_a $R/a.conf
sleep 3
start_b
sleep 4
speak $((3 + RANDOM % 3))
sleep 2
# reload with a changed configuration (adds neighbor D, passive C)
cp $R/a2.conf $R/a.conf; kill -USR1 $APID; sleep 4
speak $((4 + RANDOM % 4))
# B dies and comes back
kill $BPID; sleep $((2 + RANDOM % 3)); start_b; sleep 4
# reload with no change, then a broken reload
kill -USR1 $APID; sleep 3
cp $R/broken.conf $R/a.conf; kill -USR1 $APID; sleep 2
cp $R/a1.conf $R/a.conf; kill -USR2 $APID; sleep 5
wait $LPID 2>/dev/null
speak $((3 + RANDOM % 4))
# restart via SIGALRM, B killed hard
kill -ALRM $APID; sleep 6
kill -9 $BPID; sleep 2; start_b; sleep 5
speak $((2 + RANDOM % 3))
sleep $((1 + RANDOM % 3))
# shutdown via SIGTERM or SIGHUP
kill -$(shuf -n1 -e TERM HUP) $APID; sleep 3
kill -TERM $APID 2>/dev/null; sleep 1

# a second full life with the v2 configuration
cp $R/a2.conf $R/a.conf
$PY $D/bgp_speaker.py listen 127.0.0.3 25112 25 & LPID=$!
start_a $R/a.conf; start_b; sleep 8
speak $((5 + RANDOM % 5))
kill -USR1 $APID; sleep 3
kill $BPID; sleep 4
kill -TERM $APID; sleep 3
wait $LPID 2>/dev/null

for p in $(cat $R/started.pids); do kill $p 2>/dev/null; done
sleep 1; rm -f $R/started.pids
wc -l $LOG
