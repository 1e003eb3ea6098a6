#!/bin/bash
# Randomised workload for nfacctd (pmacct): NetFlow v5/v9/IPFIX from several exporters,
# malformed packets, map reloads, stats dump, log reopen, port clash, restarts, shutdown.
D=/work/round28/pmacct
R=$D/run
PORT=$((58100 + RANDOM % 50))
rm -rf $R; mkdir -p $R
LOG=$R/nfacctd.log
cat > $R/nfacctd.conf <<CONF
daemonize: false
logfile: $LOG
debug: true
nfacctd_port: $PORT
nfacctd_ip: 127.0.0.1
nfacctd_templates_file: $R/templates.json
pre_tag_map: $R/pretag.map
maps_refresh: true
plugin_buffer_size: 10240
plugin_pipe_size: 10240000
plugins: print[p1]
aggregate[p1]: src_host, dst_host, src_port, dst_port, proto, tag, src_net, dst_net
networks_file[p1]: $R/networks.lst
print_output_file[p1]: $R/out-p1-%s.txt
print_output[p1]: csv
print_refresh_time: $((3 + RANDOM % 4))
CONF
POOL=( "set_tag=1 ip=127.0.0.2" "set_tag=2 ip=127.0.0.3" "set_tag=3 ip=0.0.0.0/0" "set_tag=abc ip=127.0.0.4"
       "bogus line here" "set_tag=5 ip=999.1.1.1" "set_tag=6 ip=127.0.0.5 in=xx" "set_tag=7 ip=127.0.0.6 out=-3"
       "set_tag=8 ip=127.0.0.2 engine_type=300" "set_tag=9 ip=127.0.0.3 set_tag=10" "set_tag=11 ip=127.0.0.4 nexthop=1.2.3"
       "set_tag=12 ip=127.0.0.5 sample_type=bogus" "id=13" "set_tag=14 ip=127.0.0.6 unknown_key=1" "set_tag=15 ip=127.0.0.2 ip=127.0.0.3"
       "set_label=foo set_tag=16 ip=127.0.0.4" "set_tag=17 ip=127.0.0.5 src_mac=zz:zz" "set_tag=18 ip=127.0.0.6 engine_id=x" "" "! comment" )
mkmap() {
  : > $R/pretag.map
  for i in $(seq $((3 + RANDOM % 6))); do echo "${POOL[$((RANDOM % ${#POOL[@]}))]}" >> $R/pretag.map; done
}
mkmap
cat > $R/networks.lst <<NET
10.0.0.0/16
10.1.0.0/16
65001,10.2.0.0/16
10.3.0.0/24
NET
[ $((RANDOM % 2)) = 0 ] && echo "bad.network/99" >> $R/networks.lst
[ $((RANDOM % 2)) = 0 ] && echo "0.0.0.0/0" >> $R/networks.lst

PIDS=()
start() { nfacctd -f $R/nfacctd.conf >> $R/stdout.txt 2>&1 & NF=$!; echo $NF >> $R/pids; sleep 1.5; KIDS=$(ps -o pid= --ppid $NF); echo $KIDS >> $R/pids; }
stop() {
  kill -TERM $NF; for i in $(seq 20); do kill -0 $NF 2>/dev/null || break; sleep 0.3; done; kill -0 $NF 2>/dev/null && kill -KILL $NF
  for k in $KIDS; do for i in $(seq 20); do kill -0 $k 2>/dev/null || break; sleep 0.3; done; kill -0 $k 2>/dev/null && kill -KILL $k; done
}
exporters() {  # n packets each from k exporters
  local k=$1 n=$2 j
  for j in $(seq $k); do python3 $D/nfgen.py $PORT $((n / 2 + RANDOM % n)) 127.0.0.$((2 + RANDOM % 5)) & done
  wait $(jobs -p | grep -v "^$NF\$") 2>/dev/null
}
start
exporters 3 40
kill -USR1 $NF; sleep 1
mkmap; kill -USR2 $NF; sleep 1
exporters 2 35
# a second collector with a broken listen address must refuse to start
sed "s/^nfacctd_ip: .*/nfacctd_ip: $(shuf -n1 -e 127.0.0.300 127.0.0 localhost6x)/" $R/nfacctd.conf > $R/bad.conf
nfacctd -f $R/bad.conf >> $R/stdout.txt 2>&1 & X=$!; echo $X >> $R/pids; sleep 2; kill -TERM $X 2>/dev/null; sleep 0.5
kill -HUP $NF; sleep 1
python3 $D/nfgen.py $PORT 30 127.0.0.$((2 + RANDOM % 5)) garbage,short,badver,v5bad,zerolen,v9badset,v9tplbad,v9unk,ipfixunk
sleep $((3 + RANDOM % 3))
stop
# restart: templates come back from the templates file
start
exporters 2 30
mkmap; kill -USR2 $NF; sleep 1
kill -USR1 $NF; sleep 1
exporters 1 30
rm -f $R/pretag.map; kill -USR2 $NF; sleep 1
exporters 1 20
sleep $((4 + RANDOM % 3))
stop
