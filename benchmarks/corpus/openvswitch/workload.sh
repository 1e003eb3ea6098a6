#!/bin/bash
# Round-11 corpus workload: Open vSwitch 3.1 (Debian 12 package openvswitch-switch), the
# ovs-vswitchd log file in its native one-line format ("time|seq|module|LEVEL|message"), file level
# info with many modules at dbg. Private db/run/log dirs (nothing of a system OVS is touched) and a
# private network namespace r11ovs for the switch (userspace "netdev" datapath: no kernel module),
# plus host namespaces r11ovsh1..h4 joined to it by veth pairs, so no host interface is touched.
# Needs: apt-get install -y openvswitch-switch python3 iproute2 iputils-ping
# Run as root: bash workload.sh OUT_DIR [DURATION_SECONDS]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"
LOG=$OUT/ovs-vswitchd.log; rm -f "$LOG"
R=/tmp/r11ovs/work
export OVS_RUNDIR=$R/run OVS_DBDIR=$R/etc OVS_LOGDIR=$R/log OVS_SYSCONFDIR=$R/etc
NS=r11ovs; HOSTS="r11ovsh1 r11ovsh2 r11ovsh3 r11ovsh4"
VS() { ovs-vsctl --timeout=10 "$@" >> $R/cmd.out 2>&1; }
OF() { ovs-ofctl "$@" >> $R/cmd.out 2>&1; }
AP() { ovs-appctl --timeout=10 "$@" >> $R/cmd.out 2>&1; }
N() { ip netns exec $NS "$@"; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
DBG="bridge lacp ofproto ofproto_dpif connmgr rconn reconnect in_band fail_open netdev netdev_linux
     netdev_vport stp rstp netflow sflow ipfix ofproto_dpif_mirror
     ofproto_dpif_xlate ofproto_dpif_upcall native_tnl vswitchd meta_flow ofp_actions"
VOPTS=(-vconsole:off -vsyslog:off -vfile:info)
for m in $DBG; do VOPTS+=(-v$m:file:dbg); done

stop_vswitchd() {
  [ -f $R/run/ovs-vswitchd.pid ] || return
  local p=$(cat $R/run/ovs-vswitchd.pid)
  if [ "${1:-}" = kill ]; then kill $p; else ovs-appctl --timeout=10 -t ovs-vswitchd exit $(pick "" --cleanup) >> $R/cmd.out 2>&1; fi
  for i in $(seq 1 30); do kill -0 $p 2>/dev/null || break; sleep 0.3; done
  kill -9 $p 2>/dev/null; rm -f $R/run/ovs-vswitchd.pid
}
start_vswitchd() {
  N ovs-vswitchd unix:$R/run/db.sock "${VOPTS[@]}" --log-file=$LOG --pidfile=$R/run/ovs-vswitchd.pid --detach 2>/dev/null
}
stop_ovsdb() {
  [ -f $R/run/ovsdb-server.pid ] || return
  local p=$(cat $R/run/ovsdb-server.pid); kill $p
  for i in $(seq 1 30); do kill -0 $p 2>/dev/null || break; sleep 0.3; done
  kill -9 $p 2>/dev/null; rm -f $R/run/ovsdb-server.pid
}
start_ovsdb() {
  N ovsdb-server $R/etc/conf.db --remote=punix:$R/run/db.sock --remote=db:Open_vSwitch,Open_vSwitch,manager_options \
    --pidfile=$R/run/ovsdb-server.pid --log-file=$R/log/ovsdb-server.log -vconsole:off --detach 2>/dev/null
}
cleanup() {
  for b in $(ovs-vsctl --timeout=5 list-br 2>/dev/null); do ovs-vsctl --timeout=5 --no-wait del-br $b 2>/dev/null; done
  [ -f $R/run/fakectl.pid ] && kill $(cat $R/run/fakectl.pid) 2>/dev/null
  stop_vswitchd; stop_ovsdb
  for h in $HOSTS; do ip netns del $h 2>/dev/null; done
  ip netns del $NS 2>/dev/null
}
trap cleanup EXIT

# ---- set-up -----------------------------------------------------------------------------------
for h in $HOSTS; do ip netns del $h 2>/dev/null; done; ip netns del $NS 2>/dev/null
rm -rf $R; mkdir -p $R/etc $R/run $R/log
ip netns add $NS; N ip link set lo up
i=0
for h in $HOSTS; do
  i=$((i + 1)); ip netns add $h; ip -n $h link set lo up
  ip link add h$i-eth0 netns $h type veth peer name sw-h$i netns $NS
  ip -n $h addr add 10.198.0.$((10 + i))/24 dev h$i-eth0; ip -n $h link set h$i-eth0 up
  N ip link set sw-h$i up
done
# members for bonds: pairs whose far ends stay in host r11ovsh4
for j in 1 2 3 4; do
  ip link add h4-b$j netns r11ovsh4 type veth peer name sw-b$j netns $NS
  ip -n r11ovsh4 link set h4-b$j up; N ip link set sw-b$j up
done
ovsdb-tool create $R/etc/conf.db /usr/share/openvswitch/vswitch.ovsschema
start_ovsdb; sleep 0.5
VS --no-wait init
start_vswitchd; sleep 1

# a fake OpenFlow controller that misbehaves in several ways (inside the switch namespace)
cat > $R/fakectl.py <<'EOF'
import socket, threading, random, struct, time, os
def serve(c):
    try:
        mode = random.choice(["hello-then-silent", "garbage", "close", "hello-wrong-version", "echo-only", "bad-length"])
        c.settimeout(30)
        if mode == "close":
            return
        if mode == "garbage":
            c.sendall(os.urandom(random.randint(8, 64))); time.sleep(2); return
        if mode == "hello-wrong-version":
            c.sendall(struct.pack("!BBHI", 0x7f, 0, 8, 1)); time.sleep(3); return
        if mode == "bad-length":
            c.sendall(struct.pack("!BBHI", 4, 0, 4, 1)); time.sleep(3); return
        c.sendall(struct.pack("!BBHI", 4, 0, 8, random.randint(1, 1 << 30)))  # OF1.3 HELLO
        end = time.time() + random.randint(5, 25)
        while time.time() < end:
            d = c.recv(65536)
            if not d: break
            if mode == "echo-only" and len(d) >= 8 and d[1] == 2:  # echo request -> reply
                c.sendall(struct.pack("!BBHI", d[0], 3, 8, struct.unpack("!I", d[4:8])[0]))
    except Exception:
        pass
    finally:
        c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 19960)); s.listen(16)
while True:
    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
EOF
ip netns exec $NS python3 $R/fakectl.py > $R/fakectl.out 2>&1 & echo $! > $R/run/fakectl.pid

# ---- helpers --------------------------------------------------------------------------------------
BRIDGES=()
HOSTPORTS="sw-h1 sw-h2 sw-h3"
br_any() { [ ${#BRIDGES[@]} -gt 0 ] && echo "${BRIDGES[$((RANDOM % ${#BRIDGES[@]}))]}"; }
new_br() {  # sets NEWBR
  local b=$(pick br lan dmz sw ovs core edge)$(r 100)
  VS --may-exist add-br $b -- set bridge $b datapath_type=netdev \
     $(pick "" "fail_mode=secure" "fail_mode=standalone") \
     $(pick "" "protocols=OpenFlow10,OpenFlow13" "protocols=OpenFlow13" "protocols=OpenFlow10,OpenFlow13,OpenFlow15")
  BRIDGES+=($b); NEWBR=$b
}
del_br() {
  local b=$(br_any); [ -z "$b" ] && return
  VS --if-exists del-br $b
  local nb=(); for x in "${BRIDGES[@]}"; do [ "$x" != "$b" ] && nb+=($x); done; BRIDGES=(${nb[@]+"${nb[@]}"})
}
port_of() { ovs-vsctl --timeout=5 port-to-br $1 2>/dev/null; }
attach_hostports() {  # put the host ports on one bridge, random VLAN tags
  local b=$1
  for p in $HOSTPORTS; do
    VS --if-exists del-port $p -- add-port $b $p $(pick "" "" "tag=10" "tag=20" "tag=$((100 + $(r 50)))")
  done
}
traffic() {
  local src=r11ovsh$((1 + $(r 3))) dst=10.198.0.$((11 + $(r 4)))
  case $(r 4) in
    0|1) ip netns exec $src ping -c $((1 + $(r 3))) -i 0.2 -W 1 $dst > /dev/null 2>&1 ;;
    2) ip netns exec $src ping -c 1 -W 1 -s $((100 + $(r 1300))) 10.198.0.$((50 + $(r 100))) > /dev/null 2>&1 ;;
    3) ip netns exec $src python3 -c "
import socket,random
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)
for i in range(random.randint(1,5)): s.sendto(b'x'*random.randint(1,500),('$dst',random.randint(1000,60000)))" 2>/dev/null ;;
  esac
}
FLOWS_GOOD=(
  'priority=$((100 + $(r 900))),ip,nw_dst=10.198.0.$((1 + $(r 250))),actions=drop'
  'priority=$((100 + $(r 900))),tcp,tp_dst=$((1 + $(r 65000))),actions=NORMAL'
  'priority=$((100 + $(r 900))),udp,nw_src=10.198.$(r 3).0/24,actions=mod_vlan_vid:$((2 + $(r 4000))),NORMAL'
  'priority=$((10 + $(r 90))),in_port=$((1 + $(r 4))),actions=output:$((1 + $(r 4)))'
  'table=$(r 3),priority=$((1 + $(r 99))),dl_src=02:00:00:00:$(printf %02x $(r 256)):$(printf %02x $(r 256)),actions=CONTROLLER:128'
  'priority=$(r 50),arp,actions=NORMAL'
  'priority=$((100 + $(r 900))),icmp,icmp_type=8,actions=NORMAL'
  'cookie=0x$(printf %x $RANDOM),priority=$((1 + $(r 500))),ip,nw_tos=$((4 * $(r 63))),actions=set_field:$(r 64)->ip_dscp,NORMAL'
  'priority=$((200 + $(r 200))),dl_vlan=$((1 + $(r 4094))),actions=strip_vlan,NORMAL'
  'hard_timeout=$((5 + $(r 30))),idle_timeout=$((1 + $(r 10))),priority=$(r 1000),udp,tp_src=$((1 + $(r 65535))),actions=drop'
)
FLOWS_BAD=(
  'priority=100,ip,nw_dst=10.198.0.300,actions=drop'
  'priority=100,actions=output:NOSUCHPORT$(r 9)'
  'priority=100,tcp,tp_dst=99999,actions=NORMAL'
  'actions=group:$((1 + $(r 50)))'
  'priority=abc,actions=drop'
  'priority=10,ip,actions=mod_nw_dst:1.2.3'
  'priority=10,dl_vlan=5000,actions=NORMAL'
  'actions=meter:$((1 + $(r 9))),NORMAL'
  'table=$((1 + $(r 5))),actions=goto_table:0'
  'priority=10,in_port=$((60000 + $(r 5000))),actions=output:$((65300 + $(r 200)))'
)

# ---- initial topology -----------------------------------------------------------------------------
new_br; attach_hostports $NEWBR
p=int$(r 9); VS add-port $NEWBR $p -- set interface $p type=internal
new_br
sleep 1

END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  b=$(br_any); [ -z "$b" ] && { new_br; b=$NEWBR; attach_hostports $b; }
  case $(r 39) in
    0) [ ${#BRIDGES[@]} -lt 5 ] && { new_br; [ $(r 2) = 0 ] && attach_hostports $NEWBR; } ;;
    1) [ ${#BRIDGES[@]} -gt 1 ] && del_br ;;
    2) p=int$(r 20); VS --may-exist add-port $b $p -- set interface $p type=internal $(pick "" "mtu_request=$((1280 + $(r 8000)))") ;;
    3) p=$(ovs-vsctl list-ports $b 2>/dev/null | grep -v '^sw-' | shuf -n 1); [ -n "$p" ] && VS --if-exists del-port $b $p -- clear bridge $b mirrors ;;
    4) attach_hostports $b ;;
    5) p=nosuch$(r 30); VS --may-exist add-port $b $p; sleep 0.$((2 + $(r 7))); VS --if-exists del-port $b $p ;;  # no such device
    6) p=bad$(r 9); VS --may-exist add-port $b $p -- set interface $p type=$(pick bogus vxlan9 geneve dummy)
       sleep 0.$((2 + $(r 7))); VS --if-exists del-port $b $p ;;
    7) # tunnels
       p=tun$(r 20); t=$(pick vxlan gre geneve vxlan)
       VS --may-exist add-port $b $p -- set interface $p type=$t options:remote_ip=$(pick 10.197.$(r 9).$((1 + $(r 250))) 10.196.$(r 9).$((1 + $(r 250))) flow) \
          options:key=$(pick $(r 10000) $(r 10000) flow) $(pick "" "options:dst_port=$((4000 + $(r 900)))")
       [ $(r 2) = 0 ] && { sleep $((1 + $(r 3))); traffic; VS --if-exists del-port $b $p; } ;;
    8) # patch ports between two bridges
       if [ ${#BRIDGES[@]} -gt 1 ]; then b2=$(br_any); [ "$b2" != "$b" ] && {
         p=pa$(r 9); q=pb$(r 9)
         VS --may-exist add-port $b $p -- set interface $p type=patch options:peer=$q -- \
            --may-exist add-port $b2 $q -- set interface $q type=patch options:peer=$(pick $p wrongpeer$(r 9)); }
       else new_br; fi ;;
    9) # bonds over the sw-b* ports
       for m in sw-b1 sw-b2 sw-b3 sw-b4; do VS --if-exists del-port $m; done
       bn=bond$(r 5); VS --if-exists del-port $bn
       VS add-bond $b $bn $(shuf -n $((2 + $(r 3))) -e sw-b1 sw-b2 sw-b3 sw-b4 | tr '\n' ' ') \
          bond_mode=$(pick active-backup balance-slb balance-tcp) lacp=$(pick off active passive off) \
          $(pick "" "bond_updelay=$((100 * $(r 20)))" "other_config:bond-rebalance-interval=$((1000 * $(r 20)))" "other_config:lacp-time=fast") ;;
    10|11) # member / host links down and up
       d=$(pick sw-b1 sw-b2 sw-b3 sw-b4 sw-h1 sw-h2 sw-h3)
       N ip link set $d down; sleep 0.$((3 + $(r 6))); N ip link set $d up ;;
    12) AP bond/set-active-member $(ovs-vsctl --columns=name find port bond_mode!=[] 2>/dev/null | awk -F'"' '/name/{print $2; exit}') $(pick sw-b1 sw-b2 sw-b3 sw-b4) ;;
    13) AP bond/$(pick enable disable)-member $(ovs-vsctl --columns=name find port bond_mode!=[] 2>/dev/null | awk -F'"' '/name/{print $2; exit}') $(pick sw-b1 sw-b2 sw-b3) ;;
    14) # VLAN settings on a host port
       p=$(pick $HOSTPORTS); VS set port $p $(pick "tag=$((1 + $(r 4094)))" "trunks=$((1 + $(r 100))),$((200 + $(r 100)))" "vlan_mode=$(pick access trunk native-tagged native-untagged)" "tag=[]" "trunks=[]" "tag=5000") ;;
    15) # mirrors
       mn=mir$(r 5); op=$(ovs-vsctl list-ports $b 2>/dev/null | shuf -n 1)
       if [ -n "$op" ] && [ $(r 3) != 0 ]; then
         VS -- --id=@p get port $op -- --id=@m create mirror name=$mn $(pick select-all=true "select-vlan=$((1 + $(r 100)))") output-port=@p -- add bridge $b mirrors @m
         sleep $((1 + $(r 3))); traffic; [ $(r 2) = 0 ] && VS clear bridge $b mirrors
       else VS clear bridge $b mirrors; fi ;;
    16) VS -- --id=@m create mirror name=vmir$(r 5) select-all=true output-vlan=$((1 + $(r 4094))) -- add bridge $b mirrors @m
        sleep $((1 + $(r 3))); traffic; VS clear bridge $b mirrors ;;
    17|18) OF add-flow $b "$(eval "echo \"${FLOWS_GOOD[$((RANDOM % ${#FLOWS_GOOD[@]}))]}\"")" ;;
    19) OF $(pick -OOpenFlow13 "") add-flow $b "$(eval "echo \"${FLOWS_BAD[$((RANDOM % ${#FLOWS_BAD[@]}))]}\"")" ;;
    20) OF $(pick del-flows mod-flows) $b $(pick "" "ip" "tcp,tp_dst=$((1 + $(r 65000)))" "table=$(r 3)") ;;
    21) case $(r 4) in
          0) OF -O OpenFlow13 add-group $b "group_id=$((1 + $(r 50))),type=$(pick all select indirect),bucket=output:$((1 + $(r 4)))" ;;
          1) OF -O OpenFlow13 del-groups $b $(pick "" "group_id=$((1 + $(r 50)))") ;;
          2) OF -O OpenFlow13 add-meter $b "meter=$((1 + $(r 9))),kbps,band=type=drop,rate=$((100 + $(r 5000)))" ;;
          3) OF -O OpenFlow13 del-meters $b ;;
        esac ;;
    22) OF -O $(pick OpenFlow15 OpenFlow11 OpenFlow14) dump-flows $b ;;   # version negotiation
    23) # controllers: none listening, the fake one, passive listeners
       VS set-controller $b $(pick tcp:127.0.0.1:$((19961 + $(r 9))) tcp:127.0.0.1:19960 tcp:127.0.0.1:19960 "ptcp:$((19971 + $(r 9))):127.0.0.1" "tcp:127.0.0.1:19960 tcp:127.0.0.1:$((19961 + $(r 9)))" unix:$R/run/nosuch.sock)
       for c in $(ovs-vsctl --bare --columns=_uuid find controller connection_mode=[] 2>/dev/null); do
         VS set controller $c inactivity_probe=$((1000 * (5 + $(r 10)))) max_backoff=$((1000 * (2 + $(r 6)))) \
            connection_mode=$(pick out-of-band in-band out-of-band out-of-band out-of-band); done ;;
    24) VS del-controller $b ;;
    25) VS set bridge $b fail_mode=$(pick secure standalone) ;;
    26|27) # STP or RSTP for a few seconds
       k=$(pick stp_enable rstp_enable); VS set bridge $b $k=true; sleep $((2 + $(r 4))); traffic; VS --if-exists set bridge $b $k=false ;;
    28) VS set bridge $b other_config:mac-aging-time=$((10 + $(r 300))) other_config:mac-table-size=$((100 + $(r 5000))) ;;
    29) # flow export
       case $(r 4) in
         0) VS -- set bridge $b netflow=@nf -- --id=@nf create netflow targets=\"127.0.0.1:$((19980 + $(r 9)))\" active_timeout=$((10 + $(r 60))) ;;
         1) VS -- set bridge $b sflow=@sf -- --id=@sf create sflow agent=lo target=\"127.0.0.1:$((19980 + $(r 9)))\" sampling=$((1 + $(r 64))) polling=$((1 + $(r 20))) ;;
         2) VS -- set bridge $b ipfix=@i -- --id=@i create ipfix targets=\"127.0.0.1:$((19980 + $(r 9)))\" sampling=$((1 + $(r 64))) ;;
         3) VS clear bridge $b netflow sflow ipfix ;;
       esac ;;
    30) # bfd / cfm on tunnel or host ports
       p=$(ovs-vsctl list-ports $b 2>/dev/null | shuf -n 1); [ -n "$p" ] && VS set interface $p $(pick "cfm_mpid=$((1 + $(r 100)))" "cfm_mpid=[]") ;;
    31) AP $(pick "fdb/flush $b" "fdb/show $b" "dpif/dump-flows $b" "revalidator/purge" "upcall/show" "memory/show" "ofproto/trace $b in_port=1,ip" "lacp/show" "bond/show" "stp/tcn" "vlog/reopen" "dpctl/del-flows" "mdb/flush $b" "ofproto/list") ;;
    32) VS set bridge $b mcast_snooping_enable=$(pick true false) ;;
    33) OF mod-port $b $(pick $HOSTPORTS) $(pick down up no-flood flood no-receive receive) ;;
    34) # restarts
       case $(r 4) in
         0|1) stop_vswitchd $(pick "" kill); sleep 1; start_vswitchd; sleep 1 ;;
         2) stop_ovsdb; sleep $((1 + $(r 4))); start_ovsdb; sleep 1 ;;
         3) AP -t ovs-vswitchd vlog/set $(pick dpif_netdev bond netdev_linux ofproto_dpif_upcall):file:$(pick dbg info) ;;
       esac ;;
    35) p=$(pick $HOSTPORTS)
       case $(r 3) in
         0) VS set interface $p $(pick "mtu_request=$((1000 + $(r 8000)))" "mtu_request=[]") ;;
         1) VS set interface $p ingress_policing_rate=$((100 + $(r 9000))); sleep 0.$((2 + $(r 7))); VS set interface $p ingress_policing_rate=0 ;;
         2) VS set interface $p mac=\"02:00:00:$(printf %02x $(r 256)):00:01\" ;;
       esac ;;
    38) # QoS on a host port for a while
       p=$(pick $HOSTPORTS)
       VS -- set port $p qos=@q -- --id=@q create qos type=$(pick linux-htb linux-hfsc linux-sfq linux-codel egress-policer bogus-qos) \
          other-config:max-rate=$((1000000 * (1 + $(r 50)))) $(pick "" "other-config:cir=$((10000 * (1 + $(r 50))))")
       sleep $((1 + $(r 3))); traffic; VS clear port $p qos; VS -- --all destroy qos ;;
    36) VS set bridge $b other_config:datapath-id=$(printf '%016x' $((RANDOM * RANDOM))) ;;
    37) VS set bridge $b flood_vlans=$((1 + $(r 100))); sleep $((1 + $(r 3))); VS --if-exists clear bridge $b flood_vlans ;;
  esac
  tp=(); for k in $(seq 1 $((1 + $(r 3)))); do traffic & tp+=($!); done; wait "${tp[@]}"
  sleep 0.$((1 + $(r 5)))
done
for b in "${BRIDGES[@]}"; do VS --if-exists del-br $b; done
sleep 1
stop_vswitchd
# the labelled file is this log under the format's name
mv "$LOG" "$OUT/openvswitch.log"
