# ruff: noqa: E501  (event tables: one event per entry reads better than wrapped strings)
"""Synthetic formats built after the miner was tuned (the "first-sight" set): measured once.

`kafka`: Apache Kafka broker ``server.log`` with its default log4j layout ``[%d] %p %m (%c)%n``:
the logger class closes every line, in parentheses.

`ios`: Cisco IOS system message logging as a router's buffer shows it (`show logging`), per
Cisco's "System Message Guide": ``seq: timestamp: %FACILITY-SEVERITY-MNEMONIC: description``,
where a leading ``*`` marks an unsynchronised clock and ``.`` a non-authoritative one. Event texts
are our own renderings of documented message formats.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

Meta = dict[str, str]


def _ios(rng: random.Random, when: datetime, meta: Meta) -> str:
    _ios.seq = getattr(_ios, "seq", 4200) + 1  # type: ignore[attr-defined]
    mark = rng.choice(("", "", "", "", "*", "."))
    stamp = f"{mark}{when:%b %d %H:%M:%S}.{when.microsecond // 1000:03d} UTC"
    return f"{_ios.seq:06d}: {stamp}: %{meta['tag']}: "  # type: ignore[attr-defined]


IF = "{choice:GigabitEthernet1/0/:TenGigabitEthernet1/1/:FastEthernet0/}{int:1:48}"

IOS = [
    (80, f"Interface {IF}, changed state to {{choice:up:down:administratively down}}", {"tag": "LINK-3-UPDOWN"}),
    (80, f"Line protocol on Interface {IF}, changed state to {{choice:up:down}}", {"tag": "LINEPROTO-5-UPDOWN"}),
    (40, "Configured from console by {user} on vty{int:0:4} ({ip})", {"tag": "SYS-5-CONFIG_I"}),
    (90, "list {choice:101:INBOUND:MGMT-IN} denied {choice:tcp:udp} {ip}({port}) -> {ip}({int:1:1024}), {int:1:40} packet{choice::s}",
     {"tag": "SEC-6-IPACCESSLOGP"}),
    (40, "User '{user}' authentication for SSH2 Session from {ip} ({port}) tty = {int:0:15} using crypto cipher "
         "'aes256-ctr', hmac 'hmac-sha2-256' Succeeded", {"tag": "SSH-5-SSH2_USERAUTH"}),
    (40, "Login failed [user: {user}] [Source: {ip}] [localport: 22] [Reason: Login Authentication Failed] at "
         "{int:10:23}:{int:10:59}:{int:10:59} UTC {choice:Mon:Tue:Sat} Jun {int:1:28} 2024", {"tag": "SEC_LOGIN-4-LOGIN_FAILED"}),
    (30, "EIGRP-IPv4 {int:1:100}: Neighbor {ip} (" + IF + ") is {choice:up:down}: {choice:new adjacency:holding time expired:"
         "peer restarted}", {"tag": "DUAL-5-NBRCHANGE"}),
    (30, "Process {int:1:10}, Nbr {ip} on " + IF + " from {choice:LOADING:FULL:EXSTART} to {choice:FULL:DOWN:INIT}, "
         "{choice:Loading Done:Neighbor Down: Interface down or detached:Dead timer expired}", {"tag": "OSPF-5-ADJCHG"}),
    (20, "Logging to host {ip} port {choice:514:6514} started - CLI initiated", {"tag": "SYS-6-LOGGINGHOST_STARTSTOP"}),
    (25, f"Native VLAN mismatch discovered on {IF} ({{int:1:99}}), with {{host}} {IF} ({{int:1:99}}).",
     {"tag": "CDP-4-NATIVE_VLAN_MISMATCH"}),
    (20, "DHCP address conflict:  server pinged {ip}.", {"tag": "DHCPD-4-PING_CONFLICT"}),
    (40, "User:{user}  logged command:{choice:interface GigabitEthernet1/0/1:no shutdown:ip route 0.0.0.0 0.0.0.0 10.0.0.1:"
         "write memory:switchport access vlan 20:description uplink to core}", {"tag": "PARSER-5-CFGLOG_LOGGEDCMD"}),
    (30, "Authentication failure for SNMP req from host {ip}", {"tag": "SNMP-3-AUTHFAIL"}),
    (30, f"Interface {IF}: Power granted", {"tag": "ILPOWER-5-POWER_GRANTED"}),
    (25, "Host {hex:4}.{hex:4}.{hex:4} in vlan {int:1:400} is flapping between port " + IF + " and port " + IF,
     {"tag": "SW_MATM-4-MACFLAP_NOTIF"}),
    (15, "Duplex mismatch discovered on " + IF + " (not half duplex), with {host} " + IF + " (half duplex).",
     {"tag": "CDP-4-DUPLEX_MISMATCH"}),
]

def _kafka(_rng: random.Random, when: datetime, meta: Meta) -> str:
    return f"[{when:%Y-%m-%d %H:%M:%S},{when.microsecond // 1000:03d}] {meta['lv']} "


TOPIC = "{choice:orders:payments:clicks:audit}-{int:0:11}"

KAFKA = [
    (70, "[ReplicaFetcher replicaId={int:1:3}, leaderId={int:1:3}, fetcherId=0] Truncating partition " + TOPIC
         + " with TruncationState(offset={int:1:99999}, completed=true) due to leader epoch and offset EpochEndOffset("
         "errorCode=0, partition=" + TOPIC + ", leaderEpoch={int:1:40}, endOffset={int:1:99999}) (kafka.server.ReplicaFetcherThread)",
     {"lv": "INFO"}),
    (60, "[GroupCoordinator {int:1:3}]: Preparing to rebalance group {choice:billing-consumers:search-indexer:fraud-check} in state "
         "PreparingRebalance with old generation {int:1:500} (__consumer_offsets-{int:0:49}) (reason: Adding new member "
         "consumer-{int:1:9}-{uuid} with group instance id None) (kafka.coordinator.group.GroupCoordinator)", {"lv": "INFO"}),
    (60, "[GroupCoordinator {int:1:3}]: Stabilized group {choice:billing-consumers:search-indexer:fraud-check} generation "
         "{int:1:500} (__consumer_offsets-{int:0:49}) with {int:1:12} members (kafka.coordinator.group.GroupCoordinator)",
     {"lv": "INFO"}),
    (50, "[Log partition=" + TOPIC + ", dir=/var/lib/kafka/data] Rolled new log segment at offset {int:1:999999} in {int:0:40} ms. "
         "(kafka.log.LocalLog)", {"lv": "INFO"}),
    (40, "[Log partition=" + TOPIC + ", dir=/var/lib/kafka/data] Deleting segment files LogSegment(baseOffset={int:1:999999}, "
         "size={int:1000:1073741824}, lastModifiedTime={int:1700000000000:1800000000000}, largestRecordTimestamp=Some("
         "{int:1700000000000:1800000000000})) (kafka.log.LocalLog$)", {"lv": "INFO"}),
    (40, "[Controller id={int:1:3}, targetBrokerId={int:1:3}] Connection to node {int:1:3} ({host}/{ip}:9092) could not be "
         "established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)", {"lv": "WARN"}),
    (30, "[SocketServer listenerType=ZK_BROKER, nodeId={int:1:3}] Failed authentication with /{ip} (channelId={ip}:9092-{ip}:"
         "{port}-{int:0:99}) (SSL handshake failed) (org.apache.kafka.common.network.Selector)", {"lv": "INFO"}),
    (30, "[ReplicaManager broker={int:1:3}] Error processing fetch with max size {int:1000:1048576} from consumer on partition "
         + TOPIC + ": PartitionFetchInfo(fetchOffset={int:1:99999}) (kafka.server.ReplicaManager)", {"lv": "ERROR"}),
    (30, "[KafkaApi-{int:1:3}] Auto creation of topic {choice:orders:payments:clicks:audit}-v{int:2:9} with {int:1:24} partitions "
         "and replication factor {int:1:3} is successful (kafka.server.DefaultAutoTopicCreationManager)", {"lv": "INFO"}),
    (25, "[Partition " + TOPIC + " broker={int:1:3}] Shrinking ISR from {int:1:3},{int:1:3},{int:1:3} to {int:1:3},{int:1:3}. "
         "Leader: (highWatermark: {int:1:99999}, endOffset: {int:1:99999}). Out of sync replicas: (brokerId: {int:1:3}, "
         "endOffset: {int:1:99999}). (kafka.cluster.Partition)", {"lv": "INFO"}),
    (20, "Deleted {int:1:90} expired offsets in {int:0:30} milliseconds. (kafka.coordinator.group.GroupMetadataManager)",
     {"lv": "INFO"}),
    (15, "[QuotaManager]: Throttling client {choice:producer-1:reporting-app:etl-job} for {int:1:3000} ms "
         "(kafka.server.ClientQuotaManager)", {"lv": "DEBUG"}),
]

FIRST_SIGHT: dict[str, dict[str, Any]] = {
    "ios": {"header": _ios, "events": IOS, "seed": 2024, "lines": 1500},
    "kafka": {"header": _kafka, "events": KAFKA, "seed": 2025, "lines": 1500},
}
