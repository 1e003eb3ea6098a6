#!/bin/bash
# mkrc.sh NAME PORTBASE UNUSED LOGTARGET [IP]  -> writes tmp/NAME/rc (scgi on tmp/NAME/scgi.sock)
D=/work/round28/rtorrent; N=$1; P=$2; S=$3; L=$4; IP=${5:-127.0.0.1}
B=$D/tmp/$N
mkdir -p $B/data $B/session $B/watch
cat > $B/rc <<RC
directory.default.set = $B/data
session.path.set = $B/session
network.port_range.set = $P-$((P+4))
network.port_random.set = no
network.bind_address.set = $IP
network.local_address.set = $IP
network.scgi.open_local = $B/scgi.sock
dht.mode.set = disable
protocol.pex.set = no
trackers.use_udp.set = yes
protocol.encryption.set = allow_incoming,try_outgoing,enable_retry
throttle.global_up.max_rate.set_kb = 300
throttle.global_down.max_rate.set_kb = 400
throttle.min_peers.normal.set = 1
throttle.max_peers.normal.set = 20
system.daemon.set = true
schedule2 = watch_start, 3, 3, ((load.start, (cat, "$B/watch/", "*.torrent")))
log.open_file = "main", "$L"
log.add_output = "debug", "main"
log.add_output = "connection_debug", "main"
log.add_output = "peer_debug", "main"
log.add_output = "thread_debug", "main"
log.add_output = "peer_list_events", "main"
log.add_output = "protocol_network_errors", "main"
log.add_output = "protocol_storage_errors", "main"
log.add_output = "protocol_metadata_events", "main"
log.add_output = "resume_data", "main"
log.add_output = "rpc_events", "main"
log.add_output = "ui_events", "main"
RC
