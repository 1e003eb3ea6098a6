# ruff: noqa: E501  (event tables: one event per entry reads better than wrapped strings)
"""The synthetic formats of the corpus: a header writer and event templates per format.

Header layouts follow public documentation (klog, RFC 5424, oslo.log, BlueGene RAS records,
Proxifier's log window, macOS `log show`, LANL HPC node logs, journald short-iso). Event texts are
our own. ``{slot}`` syntax: see synth_values.py.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from synth_values import GENERATORS, _hex, _int, _ip

Meta = dict[str, str]


def _klog(rng: random.Random, when: datetime, meta: Meta) -> str:
    pid = 1000 + rng.choice((7, 7, 7, 31))
    return f"{meta['lv']}{when:%m%d %H:%M:%S}.{when.microsecond:06d} {pid:>7} {meta['src']}] "


KLOG = [
    (30, '"Starting controller" controller="{choice:deployment:replicaset:endpoint:job:cronjob}"',
     {"lv": "I", "src": "controllermanager.go:{int:100:900}"}),
    (60, "Successfully bound pod to node pod=\"{word}/{name}\" node=\"node-{int:1:40}\" evaluatedNodes={int:1:40} "
         "feasibleNodes={int:1:40}", {"lv": "I", "src": "schedule_one.go:286"}),
    (40, '"Unable to attach or mount volumes" pod="{word}/{name}" err="timed out waiting for the condition"',
     {"lv": "E", "src": "pod_workers.go:1294"}),
    (50, 'Event occurred object="{word}/{name}" kind="Pod" apiVersion="v1" type="Normal" reason="Pulled" '
         'message="Container image \\"{word}:{int:1:9}.{int:0:9}\\" already present on machine"',
     {"lv": "I", "src": "event.go:294"}),
    (50, 'Event occurred object="{word}/{name}" kind="Pod" apiVersion="v1" type="Warning" reason="BackOff" '
         'message="Back-off restarting failed container"', {"lv": "I", "src": "event.go:294"}),
    (30, "Waiting for caches to sync for {choice:garbage collector:endpoint:namespace:service account}",
     {"lv": "I", "src": "shared_informer.go:{int:240:260}"}),
    (30, "Caches are synced for {choice:garbage collector:endpoint:namespace:service account}",
     {"lv": "I", "src": "shared_informer.go:{int:240:260}"}),
    (40, "Failed to watch *v1.{choice:Pod:Node:Service:Endpoints}: failed to list *v1.{choice:Pod:Node}: "
         "Get \"https://{ip}:6443/api/v1/pods?limit=500\": dial tcp {ip}:6443: connect: connection refused",
     {"lv": "E", "src": "reflector.go:{int:130:150}"}),
    (60, '"SyncLoop (PLEG): event for pod" pod="{word}/{name}" event={{ID:{uuid} Type:ContainerStarted}}',
     {"lv": "I", "src": "kubelet.go:2157"}),
    (30, '"Killing container with a grace period" pod="{word}/{name}" containerName="{word}" gracePeriod={int:1:60}',
     {"lv": "I", "src": "kuberuntime_container.go:709"}),
    (25, "lease renew failed: {choice:context deadline exceeded:etcdserver: request timed out}",
     {"lv": "W", "src": "leaderelection.go:{int:300:370}"}),
    (25, "successfully acquired lease kube-system/{choice:kube-scheduler:kube-controller-manager}",
     {"lv": "I", "src": "leaderelection.go:258"}),
    (40, '"Probe failed" probeType="{choice:Liveness:Readiness}" pod="{word}/{name}" containerName="{word}" '
         'probeResult="failure" output="Get \\"http://{ip}:{port}/healthz\\": context deadline exceeded"',
     {"lv": "I", "src": "prober.go:107"}),
    (20, "Observed a panic: runtime error: invalid memory address or nil pointer dereference",
     {"lv": "E", "src": "runtime.go:79"}),
    (30, '"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"{word}\\" with '
         'CrashLoopBackOff" pod="{word}/{name}"', {"lv": "E", "src": "pod_workers.go:965"}),
    (20, "Using {choice:iptables:ipvs} Proxier", {"lv": "I", "src": "server_others.go:{int:200:220}"}),
    (40, "Deleted pod pod=\"{word}/{name}\" after {dur}", {"lv": "I", "src": "gc_controller.go:{int:300:340}"}),
]


def _rfc5424(rng: random.Random, when: datetime, meta: Meta) -> str:
    pri = int(meta["fac"]) * 8 + int(meta["sev"])
    host = rng.choice(("edge-fw1", "edge-fw2", "core-sw3.dc1.example.net", "nas01"))
    proc = rng.choice((str(rng.randint(100, 32000)), "-")) if meta.get("pid") != "-" else "-"
    ms = f"{when:%Y-%m-%dT%H:%M:%S}.{when.microsecond // 1000:03d}Z"
    return f"<{pri}>1 {ms} {host} {meta['app']} {proc} {meta['msgid']} {meta.get('sd', '-')} "


RFC5424 = [
    (60, "Accepted publickey for {user} from {ip} port {port} ssh2: ED25519 SHA256:{hex:43}",
     {"fac": "4", "sev": "6", "app": "sshd", "msgid": "-"}),
    (40, "Invalid user {user} from {ip} port {port}", {"fac": "4", "sev": "6", "app": "sshd", "msgid": "-"}),
    (60, "packet dropped: in={choice:eth0:eth1:wan0} out= src={ip} dst={ip} proto={choice:TCP:UDP} spt={port} dpt={int:1:1024}",
     {"fac": "0", "sev": "4", "app": "kernel", "msgid": "FW_DROP", "pid": "-"}),
    (50, "session opened: vpn user {user} assigned address {ip}",
     {"fac": "16", "sev": "5", "app": "openvpn", "msgid": "VPN_UP"}),
    (40, "session closed: vpn user {user} after {int:1:86400} seconds, {int:0:9999999} bytes in, {int:0:9999999} bytes out",
     {"fac": "16", "sev": "5", "app": "openvpn", "msgid": "VPN_DOWN"}),
    (40, "disk {choice:sda:sdb:sdc:sdd} temperature {int:30:70} C exceeds threshold",
     {"fac": "3", "sev": "4", "app": "smartd", "msgid": "TEMP", "sd": "[meta sequenceId=\"{int:1:99999}\"]"}),
    (30, "RAID array md{int:0:3} is degraded: member {choice:sda1:sdb1:sdc1} failed",
     {"fac": "3", "sev": "2", "app": "mdadm", "msgid": "DEGRADED"}),
    (50, "DHCPACK on {ip} to {hex:2}:{hex:2}:{hex:2}:{hex:2}:{hex:2}:{hex:2} via {choice:eth0:eth1:vlan10}",
     {"fac": "3", "sev": "6", "app": "dhcpd", "msgid": "-"}),
    (30, "configuration changed by {user} from {ip}: {int:1:40} lines modified",
     {"fac": "10", "sev": "5", "app": "mgmtd", "msgid": "CONFIG", "sd": '[origin ip="{ip}" software="mgmtd"]'}),
    (40, "interface {choice:eth0:eth1:wan0:vlan10} link {choice:up:down}", {"fac": "0", "sev": "5", "app": "netd", "msgid": "LINK"}),
    (30, "NTP: clock offset {float:-0.5:0.5:6} s, frequency {float:-50:50:3} ppm",
     {"fac": "3", "sev": "6", "app": "chronyd", "msgid": "-"}),
    (25, "backup job {word} finished with status {choice:OK:WARNING:FAILED} in {int:1:3600} s",
     {"fac": "1", "sev": "5", "app": "backupd", "msgid": "JOB"}),
    (25, "certificate for {host} expires in {int:1:30} days", {"fac": "1", "sev": "4", "app": "certmon", "msgid": "CERT"}),
]


def _oslo(rng: random.Random, when: datetime, meta: Meta) -> str:
    ctx = "[-]" if meta.get("ctx") == "-" else (
        f"[req-{_uuid_text(rng)} {_hex(rng, '32')} {_hex(rng, '32')} - default default]")
    return (f"{when:%Y-%m-%d %H:%M:%S}.{when.microsecond // 1000:03d} {rng.choice((2931, 2931, 4410, 8812))} "
            f"{meta['lv']} {meta['mod']} {ctx} ")


def _uuid_text(rng: random.Random) -> str:
    h = _hex(rng, "32")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


OSLO = [
    (80, '{ip} "GET /v2.1/{hex:32}/servers/detail HTTP/1.1" status: 200 len: {int:300:3000} time: {float:0:2:7}',
     {"lv": "INFO", "mod": "nova.osapi_compute.wsgi.server"}),
    (40, '{ip} "POST /v2.1/{hex:32}/servers HTTP/1.1" status: 202 len: {int:300:900} time: {float:0:2:7}',
     {"lv": "INFO", "mod": "nova.osapi_compute.wsgi.server"}),
    (50, "[instance: {uuid}] Took {float:0:30:2} seconds to spawn the instance on the hypervisor.",
     {"lv": "INFO", "mod": "nova.compute.manager"}),
    (40, "[instance: {uuid}] Terminating instance", {"lv": "INFO", "mod": "nova.compute.manager"}),
    (40, "[instance: {uuid}] Claim successful on node {host}", {"lv": "INFO", "mod": "nova.compute.claims"}),
    (30, "[instance: {uuid}] Total memory: {int:4096:131072} MB, used: {float:512:4096:2} MB",
     {"lv": "INFO", "mod": "nova.compute.claims"}),
    (40, "Auditing locally available compute resources for {host} (node: {host})",
     {"lv": "INFO", "mod": "nova.compute.resource_tracker", "ctx": "-"}),
    (40, "Final resource view: name={host} phys_ram={int:4096:131072}MB used_ram={int:512:65536}MB phys_disk={int:10:900}GB "
         "used_disk={int:1:100}GB total_vcpus={int:4:64} used_vcpus={int:0:64} pci_stats=[]",
     {"lv": "INFO", "mod": "nova.compute.resource_tracker", "ctx": "-"}),
    (30, "Image {uuid} at ({path}): checking", {"lv": "INFO", "mod": "nova.virt.libvirt.imagecache", "ctx": "-"}),
    (25, "Unable to connect to AMQP server on {ip}:5672 after {int:1:30} tries: Socket closed",
     {"lv": "ERROR", "mod": "oslo.messaging._drivers.impl_rabbit", "ctx": "-"}),
    (25, "[instance: {uuid}] Instance failed to spawn: libvirtError: internal error: process exited while connecting to monitor",
     {"lv": "ERROR", "mod": "nova.compute.manager"}),
    (30, "Volume {uuid}: being created as raw with specification: {{'status': u'creating', 'volume_size': {int:1:500}}}",
     {"lv": "INFO", "mod": "cinder.volume.flows.manager.create_volume"}),
    (25, "Lock \"{choice:compute_resources:refresh_cache}\" acquired by \"{choice:nova.compute.resource_tracker.instance_claim:"
         "nova.compute.manager._sync}\" :: waited {float:0:3:3}s", {"lv": "DEBUG", "mod": "oslo_concurrency.lockutils"}),
    (20, "HTTP exception thrown: Instance {uuid} could not be found.", {"lv": "WARNING", "mod": "nova.api.openstack.wsgi"}),
]


def _ras(rng: random.Random, when: datetime, meta: Meta) -> str:
    loc = f"R{rng.randint(0, 7)}{rng.randint(0, 7)}-M{rng.randint(0, 1)}-N{rng.choice('0123456789ABCDEF')}"
    loc += rng.choice(("", f"-C:J{rng.randint(2, 17):02d}-U{rng.choice((1, 11))}1"[:12]))
    label = meta.get("alert", "-")
    return (f"{label} {int(when.timestamp())} {when:%Y.%m.%d} {loc} {when:%Y-%m-%d-%H.%M.%S}.{when.microsecond:06d} "
            f"{loc} RAS {meta['comp']} {meta['lv']} ")


RAS = [
    (90, "instruction cache parity error corrected", {"comp": "KERNEL", "lv": "INFO"}),
    (60, "{int:1:400} double-hummer alignment exceptions", {"comp": "KERNEL", "lv": "INFO"}),
    (40, "CE sym {int:0:31}, at 0x{hex:8}, mask 0x{hex:2}", {"comp": "KERNEL", "lv": "INFO"}),
    (30, "generating core.{int:1:9999}", {"comp": "KERNEL", "lv": "INFO"}),
    (30, "data TLB error interrupt", {"comp": "KERNEL", "lv": "FATAL", "alert": "KERNDTLB"}),
    (30, "ciod: failed to read message prefix on control stream (CioStream socket to {ip}:{port}",
     {"comp": "APP", "lv": "FATAL", "alert": "APPREAD"}),
    (25, "ciod: Error loading {path}: invalid or missing program image, No such file or directory",
     {"comp": "APP", "lv": "FATAL"}),
    (40, "idoproxydb hit ASSERT condition: ASSERT expression=0 Source file=idotransportmgr.cpp Source line={int:1000:2000}",
     {"comp": "MMCS", "lv": "FATAL"}),
    (30, "NodeCard is not fully functional", {"comp": "DISCOVERY", "lv": "ERROR"}),
    (30, "Node card status: no ALERTs are active. Clock Mode is Low. Clock Select is Midplane.",
     {"comp": "DISCOVERY", "lv": "WARNING"}),
    (25, "Temperature Over Limit on link card", {"comp": "LINKCARD", "lv": "FATAL"}),
    (25, "total of {int:1:30} ddr error(s) detected and corrected over {int:1:9000} seconds", {"comp": "KERNEL", "lv": "INFO"}),
    (20, "machine check interrupt", {"comp": "KERNEL", "lv": "FATAL", "alert": "KERNMC"}),
    (20, "rts panic! - stopping execution", {"comp": "KERNEL", "lv": "FATAL", "alert": "KERNRTSP"}),
    (20, "BglIdoChip table has {int:1:9} IDOs with the same IP address ({ip})", {"comp": "MMCS", "lv": "ERROR"}),
    (20, "PrepareForService shutting down NodeCard(mLctn({loc}), mCardSernum({hex:12})) as part of Service Action {int:100:999}",
     {"comp": "HARDWARE", "lv": "WARNING"}),
]


def _proxy(rng: random.Random, when: datetime, _meta: Meta) -> str:
    program = rng.choice(("chrome.exe", "chrome.exe", "firefox.exe", "Teams.exe *64", "svchost.exe *64",
                          "git-remote-https.exe", "OneDrive.exe", "slack.exe", "Code.exe *64", "outlook.exe",
                          "java.exe", "WINWORD.EXE", "python.exe *64"))
    return f"[{when:%m.%d %H:%M:%S}] {program} - "


def _bytes(low: int, high: int) -> str:
    return f"{{bytes:{low}:{high}}}"


PROXY = [
    (120, "{host}:{choice:80:443} open through proxy {choice:proxy.example.com:gw.example.net}:{choice:3128:8080} HTTPS",
     {}),
    (90, "{host}:{choice:80:443} close, {traffic} sent, {traffic} received, lifetime {lifetime}", {}),
    (20, "{host}:{choice:80:443} error : Could not connect through proxy {choice:proxy.example.com:gw.example.net}:"
         "{choice:3128:8080} - Proxy server cannot establish a connection with the target, status code {choice:502:503:504}",
     {}),
    (20, "{host}:{choice:80:443} error : A connection request was canceled before the completion.", {}),
    (15, "{host}:{choice:80:443} close, lifetime {lifetime}", {}),
    (20, "open directly", {}),
    (10, "{host}:{choice:80:443} error : Could not connect to proxy {choice:proxy.example.com:gw.example.net}:"
         "{choice:3128:8080} - connection attempt failed with error 10061", {}),
    (10, "DNS resolved {host} to {ip}", {}),
]


def _traffic(rng: random.Random) -> str:
    size = rng.choice((0, rng.randint(1, 999), rng.randint(1000, 999999), rng.randint(10**6, 10**9)))
    if size < 1000:
        return f"{size} bytes"
    unit, div = ("KB", 1024) if size < 10**6 else ("MB", 1024 * 1024)
    return f"{size} bytes ({size / div:.2f} {unit})"


def _lifetime(rng: random.Random) -> str:
    seconds = rng.choice((0, rng.randint(1, 59), rng.randint(60, 3599), rng.randint(3600, 40000)))
    if seconds == 0:
        return "<1 sec"
    if seconds < 3600:
        return f"{seconds // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _macos(rng: random.Random, when: datetime, meta: Meta) -> str:
    thread = f"0x{rng.randint(0x100, 0xfffff):x}"
    activity = rng.choice(("0x0", f"0x{rng.randint(0x1000, 0xfffff):x}"))
    pid = int(meta["pid"]) if meta.get("pid") else rng.randint(90, 9000)
    ts = f"{when:%Y-%m-%d %H:%M:%S}.{when.microsecond:06d}+0200"
    return f"{ts} {thread:<10} {meta['type']:<11} {activity:<20} {pid:<6} {0:<4} {meta['proc']}: "


MACOS = [
    (60, "(IOThunderboltFamily) IOThunderboltSwitch<0x{hex:8}>::listenerCallback - Thunderbolt HPD packet for route = 0x0 "
         "port = {int:1:12} unplug = {int:0:1}", {"type": "Default", "proc": "kernel", "pid": "0"}),
    (60, "(SkyLight) [com.apple.SkyLight:default] CGXDisplayDidWakeNotification [{int:1000000:9999999}]: posting "
         "kCGSDisplayDidWake", {"type": "Default", "proc": "WindowServer"}),
    (50, "[com.apple.xpc:connection] [0x{hex:12}] activating connection: mach=true listener=false peer=false "
         "name=com.apple.{word}.xpc", {"type": "Info", "proc": "launchd"}),
    (40, "(AppleACPIPlatform) AppleACPIPlatformPower Wake reason: {choice:RTC (Alarm):EC.LidOpen:XHC1:ARPT}",
     {"type": "Default", "proc": "kernel", "pid": "0"}),
    (40, "[com.apple.network:connection] nw_connection_report_state_with_handler_on_nw_queue [C{int:1:900}] reporting "
         "state {choice:ready:preparing:failed:cancelled}", {"type": "Default", "proc": "mDNSResponder"}),
    (40, "(CoreFoundation) [com.apple.defaults:User Defaults] found no value for key {choice:NSQuitAlwaysKeepsWindows:"
         "AppleLanguages:NSAutomaticTextCompletionEnabled} in CFPrefsSource<0x{hex:12}>", {"type": "Debug", "proc": "Safari"}),
    (30, "[com.apple.sandbox:reporting] Sandbox: {choice:mdworker_shared:Spotlight:photolibraryd}({int:100:9000}) deny(1) "
         "file-read-data {path}", {"type": "Error", "proc": "kernel", "pid": "0"}),
    (30, "(Bluetooth) [com.apple.bluetooth:Server] Device {hex:2}-{hex:2}-{hex:2}-{hex:2}-{hex:2}-{hex:2} disconnected "
         "with reason {int:0:30}", {"type": "Default", "proc": "bluetoothd"}),
    (30, "(libsystem_info.dylib) [com.apple.network:resolver] getaddrinfo failed for {host}: nodename nor servname "
         "provided, or not known", {"type": "Error", "proc": "Mail"}),
    (25, "[com.apple.TCC:access] AUTHREQ_RESULT: msgID={int:100:999}.{int:1:99}, authValue={int:0:2}, "
         "authReason={int:0:5}, authVersion=1, error=(null)", {"type": "Info", "proc": "tccd"}),
    (25, "(TimeMachine) [com.apple.TimeMachine:BackupScheduling] Backup completed successfully in {int:1:900} s",
     {"type": "Default", "proc": "backupd"}),
    (20, "(CoreAnalytics) [com.apple.CoreAnalytics:client] Dropping \"{choice:com.apple.power.battery:"
         "com.apple.wifi.scan}\" as it isn't used in any transform (not in the config or budgeted?)",
     {"type": "Fault", "proc": "analyticsd"}),
    (20, "(AppleMobileFileIntegrity) AMFI: code signature validation failed.", {"type": "Error", "proc": "kernel", "pid": "0"}),
]


def _hpc(rng: random.Random, when: datetime, meta: Meta) -> str:
    _hpc.counter = getattr(_hpc, "counter", 300000) + rng.randint(1, 40)  # type: ignore[attr-defined]
    node = rng.choice((f"node-{rng.randint(1, 255)}", f"node-D{rng.randint(0, 9)}", f"gige{rng.randint(1, 9)}"))
    return f"{_hpc.counter} {node} {meta['comp']} {meta['state']} {int(when.timestamp())} {meta.get('flag', '1')} "  # type: ignore[attr-defined]


HPC = [
    (80, 'Component State Change: Component \\042alt{int:0:9}\\042 is in the unavailable state (HWID={int:1000:9999})',
     {"comp": "unix.hw", "state": "state_change.unavailable"}),
    (60, "ClusterFileSystem: There is no server for ServerFileSystem domain storage{int:100:999}",
     {"comp": "node", "state": "boot", "flag": "1"}),
    (60, "Link error on broadcast tree Interconnect-{int:0:9}T{int:0:99}:{int:0:9999}:{int:0:99}",
     {"comp": "node", "state": "status", "flag": "0"}),
    (50, "Command has completed successfully", {"comp": "boot_cmd", "state": "new", "flag": "1"}),
    (50, "PSU failure ambient=28 threshold exceeded", {"comp": "switch_module", "state": "psu.failure", "flag": "1"}),
    (40, "node {choice:up:down} in partition {int:0:9}", {"comp": "node", "state": "{choice:running:halted}", "flag": "0"}),
    (40, "Targeting domains:node-D{int:0:9} and nodes:node-[{int:0:99}-{int:100:255}] child of command {int:1000:9999}",
     {"comp": "boot_cmd", "state": "targeting", "flag": "1"}),
    (30, "inconsistent nodesets node-{int:0:255} 0x{hex:8} != 0x{hex:8} in {choice:ctrl:data} network",
     {"comp": "node", "state": "inconsistent", "flag": "1"}),
    (30, "temperature ({int:60:99}) exceeds warning threshold", {"comp": "node", "state": "temp.warning", "flag": "1"}),
    (30, "Fan speeds ( {int:3000:4000} {int:3000:4000} {int:3000:4000} {int:3000:4000} {int:3000:4000} )",
     {"comp": "switch_module", "state": "fan", "flag": "1"}),
    (20, "risBoot command Pending", {"comp": "boot_cmd", "state": "pending", "flag": "1"}),
]


def _journal(rng: random.Random, when: datetime, meta: Meta) -> str:
    host = rng.choice(("build-07", "build-07", "build-08"))
    proc = meta["proc"]
    if proc.endswith("[]"):
        proc = f"{proc[:-2]}[{rng.randint(200, 99999)}]"
    return f"{when:%Y-%m-%dT%H:%M:%S}+0000 {host} {proc}: "


JOURNAL = [
    (70, "Started {choice:session-:user-runtime-dir@}{int:1:2000}{choice:.scope:.service} - {choice:Session:User Runtime Directory} "
         "{int:1:2000}{choice: of User root:}.", {"proc": "systemd[1]"}),
    (40, "pam_unix({choice:cron:sshd:sudo}:session): session opened for user {user}(uid={int:0:2000}) by (uid=0)",
     {"proc": "{choice:CRON:sshd:sudo}[]"}),
    (40, "pam_unix({choice:cron:sshd:sudo}:session): session closed for user {user}", {"proc": "{choice:CRON:sshd:sudo}[]"}),
    (40, "({user}) CMD ({path} --quiet > /dev/null 2>&1)", {"proc": "CRON[]"}),
    (30, "[{float:1:99999:6}] {choice:eth0:ens3:wlp2s0}: Link is {choice:Up:Down} - {choice:1000:100:10000}Mbps/Full - "
         "flow control {choice:rx/tx:off}", {"proc": "kernel"}),
    (30, "[{float:1:99999:6}] Out of memory: Killed process {int:200:99999} ({choice:java:python3:node:postgres}) "
         "total-vm:{int:10000:9999999}kB, anon-rss:{int:1000:999999}kB, file-rss:{int:0:9999}kB", {"proc": "kernel"}),
    (40, "time=\"2024-06-15T09:{int:10:59}:{int:10:59}.{int:100000000:999999999}Z\" level={choice:info:warning} msg=\"ignoring event\" "
         "container={hex:64} module=libcontainerd namespace=moby topic=/tasks/delete type=\"*events.TaskDelete\"",
         {"proc": "dockerd[]"}),
    (30, "{choice:eth0:ens3:wlp2s0}: DHCPv4 address {ip}/{int:8:30}, gateway {ip} acquired from {ip}", {"proc": "systemd-networkd[]"}),
    (30, "New session {int:1:2000} of user {user}.", {"proc": "systemd-logind[]"}),
    (30, "Removed session {int:1:2000}.", {"proc": "systemd-logind[]"}),
    (30, "Failed password for {user} from {ip} port {port} ssh2", {"proc": "sshd[]"}),
    (20, "{choice:apt-daily.service:logrotate.service:man-db.service:fstrim.service}: Deactivated successfully.",
     {"proc": "systemd[1]"}),
    (20, "{choice:apt-daily.service:logrotate.service:man-db.service:fstrim.service}: Consumed {float:0:30:3}s CPU time.",
     {"proc": "systemd[1]"}),
    (20, "Reloading.", {"proc": "systemd[1]"}),
    (20, "audit: type=1400 audit({float:1700000000:1800000000:3}:{int:1:9999}): apparmor=\"DENIED\" operation=\"open\" "
         "profile=\"{choice:snap.firefox:/usr/sbin/cupsd:docker-default}\" name=\"{path}\" pid={int:200:99999} "
         "comm=\"{choice:firefox:cupsd:sh}\"", {"proc": "kernel"}),
]

def _macsyslog(rng: random.Random, when: datetime, meta: Meta) -> str:
    host = rng.choice(("calvisitor-10-105-160-95", "calvisitor-10-105-163-10", "authorMacBook-Pro", "Mac-mini-3"))
    proc = meta["proc"].replace("@PID@", str(rng.randint(40, 99999)))
    return f"{when:%b} {when.day:>2} {when:%H:%M:%S} {host} {proc}: "


MACSYSLOG = [
    (60, "ARPT: {int:10000:99999}.{int:100:999}: wl0: setup_keepalive: Remote IP: {ip}", {"proc": "kernel[0]"}),
    (50, "Service exited due to signal: Killed: 9", {"proc": "com.apple.xpc.launchd[1] (com.apple.xpc.launchd.domain.pid.WebContent.@PID@)"}),
    (50, "Service only ran for {int:0:9} seconds. Pushing respawn out by {int:1:10} seconds.",
     {"proc": "com.apple.xpc.launchd[1] (com.apple.{word}.@PID@)"}),
    (40, "FA||Url||taskID[{int:2019000000:2019999999}] dealloc", {"proc": "QQ[10018]"}),
    (40, "Thermal pressure state: {int:0:1} Memory pressure state: {int:0:1}", {"proc": "com.apple.CDScheduler[@PID@]"}),
    (40, "Cannot find function pointer {choice:NPP_ClearSiteData:NPP_GetSitesWithData} for bundle {path}",
     {"proc": "Google Chrome Helper[@PID@]"}),
    (30, "mDNS_DeregisterInterface: Frequent transitions for interface {choice:en0:awdl0} ({ip})", {"proc": "mDNSResponder[91]"}),
    (30, "AppleCamIn::systemWakeCall - messageType = 0x{hex:8}", {"proc": "kernel[0]"}),
    (30, "[{float:1:99999:6}] IOThunderboltSwitch<0x{hex:8}>(0x0)::listenerCallback - Thunderbolt HPD packet for route = 0x0 "
         "port = {int:1:12} unplug = {int:0:1}", {"proc": "kernel[0]"}),
    (25, "{choice:-[SOConfigurationClient init]:-[SOAuthorizationCore init]} Invalid connection", {"proc": "Safari[@PID@]"}),
    (25, "tcp_connection_tls_session_error_callback_imp {int:1:9999} __tlsconnection_enqueue_write_block_invoke.{int:100:999} "
         "error {int:1:99}", {"proc": "Microsoft Outlook[@PID@]"}),
    (20, "Sandbox: {choice:mdworker:mds:com.apple.WebKit}({int:40:99999}) deny(1) {choice:file-read-data:mach-lookup} {path}",
     {"proc": "kernel[0]"}),
]

FORMATS: dict[str, dict[str, Any]] = {
    "klog": {"header": _klog, "events": KLOG},
    "rfc5424": {"header": _rfc5424, "events": RFC5424},
    "oslo": {"header": _oslo, "events": OSLO},
    "ras": {"header": _ras, "events": RAS},
    "proxy": {"header": _proxy, "events": PROXY},
    "macos": {"header": _macos, "events": MACOS},
    "hpc": {"header": _hpc, "events": HPC, "step": 20.0},
    "journal": {"header": _journal, "events": JOURNAL},
    "macsyslog": {"header": _macsyslog, "events": MACSYSLOG, "seed": 1100},
}

EXTRA_SLOTS = {"traffic": _traffic, "lifetime": _lifetime, "bytes": _int,
               "loc": lambda rng: f"R{rng.randint(0, 7)}{rng.randint(0, 7)}-M{rng.randint(0, 1)}", "ipx": _ip}

GENERATORS.update(EXTRA_SLOTS)
