#!/bin/bash
# Round-11 corpus workload: Apache ZooKeeper 3.8 (Debian 12 packages `zookeeper`/`zookeeperd`), a
# three-server ensemble on 127.0.0.1 (client ports 19101-19103, quorum 19111-19113, election
# 19121-19123). Each server runs QuorumPeerMain the way the Debian init
# script does, with the slf4j-log4j12 binding added to the classpath (the package ships none) and a
# log4j ROLLINGFILE appender: root at INFO, DEBUG for the connection, election and learner-handler
# classes; EnhancedPatternLayout with the packaged ConversionPattern and %throwable{none} so that each
# record is one line. $OUT/zookeeper.log is server 3's log file (most clients use it), unchanged.
# Randomised clients (zkclients.py beside this script, kazoo in a private venv): CRUD, user-level
# errors, watches, digest ACLs and unknown auth schemes with wrong credentials, multi transactions, sessions left to expire,
# garbage and oversized packets, unknown sessions, connection floods, four-letter words (allowed and
# not), quotas (enforced, soft and hard limits), reconfig attempts; servers stopped, killed and restarted (leader elections).
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION_SECONDS]
# (needs: apt-get install zookeeperd libslf4j-java liblog4j1.2-java python3-venv)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?out dir}; DURATION=${2:-240}
mkdir -p "$OUT"
W=/tmp/r11zk/work
VENV=/tmp/r11zk/venv
[ -x "$VENV/bin/python" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q kazoo; }
PY="$VENV/bin/python"
if [ -d "$W" ]; then for f in "$W"/n*/pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done; sleep 2; fi
rm -rf "$W"; mkdir -p "$W/conf"
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

cat > "$W/conf/log4j.properties" <<'EOF'
log4j.rootLogger=${zookeeper.root.logger}
log4j.appender.ROLLINGFILE=org.apache.log4j.RollingFileAppender
log4j.appender.ROLLINGFILE.Threshold=DEBUG
log4j.appender.ROLLINGFILE.File=${zookeeper.log.dir}/zookeeper.log
log4j.appender.ROLLINGFILE.MaxFileSize=100MB
log4j.appender.ROLLINGFILE.layout=org.apache.log4j.EnhancedPatternLayout
log4j.appender.ROLLINGFILE.layout.ConversionPattern=%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%throwable{none}%n
log4j.logger.org.apache.zookeeper.server.NIOServerCnxn=DEBUG
log4j.logger.org.apache.zookeeper.server.NIOServerCnxnFactory=DEBUG
log4j.logger.org.apache.zookeeper.server.quorum.FastLeaderElection=DEBUG
log4j.logger.org.apache.zookeeper.server.quorum.QuorumCnxManager=DEBUG
log4j.logger.org.apache.zookeeper.server.quorum.LearnerHandler=DEBUG
log4j.logger.org.eclipse.jetty=WARN
EOF

for i in 1 2 3; do
  mkdir -p "$W/n$i/data" "$W/n$i/log"; echo $i > "$W/n$i/data/myid"
  cat > "$W/n$i/zoo.cfg" <<EOF
tickTime=2000
initLimit=10
syncLimit=5
dataDir=$W/n$i/data
clientPort=1910$i
clientPortAddress=127.0.0.1
maxClientCnxns=10
minSessionTimeout=4000
maxSessionTimeout=20000
snapCount=$((60 + $(r 60)))
autopurge.snapRetainCount=3
autopurge.purgeInterval=1
4lw.commands.whitelist=stat,ruok,conf,srvr,mntr,cons,envi,wchs,dump,crst,srst,isro,dirs
admin.enableServer=false
server.1=127.0.0.1:19111:19121
server.2=127.0.0.1:19112:19122
server.3=127.0.0.1:19113:19123
EOF
done
ln -sf "$W/n3/log/zookeeper.log" "$OUT/zookeeper.log.live"

start_zk() {  # node
  local i=$1
  [ -f "$W/n$i/pid" ] && kill -0 "$(cat "$W/n$i/pid")" 2>/dev/null && return
  java -cp "$W/conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar" \
    -Dzookeeper.log.dir="$W/n$i/log" -Dzookeeper.root.logger=INFO,ROLLINGFILE -Djute.maxbuffer=262144 \
    -Dzookeeper.jmx.log4j.disable=true -Dzookeeper.extendedTypesEnabled=true -Dzookeeper.enforceQuota=true \
    org.apache.zookeeper.server.quorum.QuorumPeerMain "$W/n$i/zoo.cfg" > "$W/n$i/stdout" 2>&1 &
  echo $! > "$W/n$i/pid"
}
stop_zk() {  # node [signal]
  local i=$1 sig=${2:-TERM} pid
  [ -f "$W/n$i/pid" ] || return
  pid=$(cat "$W/n$i/pid"); kill -"$sig" "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$W/n$i/pid"
}
leader() { for i in 1 2 3; do echo srvr | timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/1910$i; printf srvr >&3; cat <&3" 2>/dev/null | grep -q "Mode: leader" && echo $i && return; done; echo 0; }

for i in 1 2 3; do start_zk $i; sleep 0.$((2 + $(r 6))); done
for _ in $(seq 1 60); do [ "$(leader)" != 0 ] && break; sleep 0.5; done

ALL=127.0.0.1:19101,127.0.0.1:19102,127.0.0.1:19103
ONE=127.0.0.1:19103
hosts() { if [ $(r 3) = 0 ]; then echo $ALL; else echo $ONE; fi; }
ACTIONS=(crud crud crud errors errors ephemeral_crash watches acl multi garbage bigpacket fakesession flood fourlw fourlw quota quota reconfig hold)
END=$((SECONDS + DURATION)); T0=$SECONDS
CLIENTS=()
events=(0 0 0 0)   # follower restart, leader killed, new leader restarted, quorum lost
while [ $SECONDS -lt $END ]; do
  el=$((SECONDS - T0))
  if [ ${events[0]} = 0 ] && [ $el -gt $((DURATION * 20 / 100)) ]; then   # a follower restarts
    events[0]=1; n=$(pick 1 2); stop_zk $n; sleep $((2 + $(r 4))); start_zk $n
  elif [ ${events[1]} = 0 ] && [ $el -gt $((DURATION * 40 / 100)) ]; then  # the leader is killed
    events[1]=1; l=$(leader); [ "$l" = 0 ] && l=3; stop_zk "$l" KILL; sleep $((3 + $(r 4))); start_zk "$l"
  elif [ ${events[2]} = 0 ] && [ $el -gt $((DURATION * 60 / 100)) ]; then  # the new leader restarts
    events[2]=1; l=$(leader); [ "$l" = 0 ] && l=2; stop_zk "$l"; sleep $((2 + $(r 3))); start_zk "$l"
  elif [ ${events[3]} = 0 ] && [ $el -gt $((DURATION * 80 / 100)) ]; then  # quorum lost for a while
    events[3]=1; stop_zk 1; stop_zk 2
    sleep $((6 + $(r 5))); start_zk 2; sleep 2; start_zk 1
  fi
  a=$(pick "${ACTIONS[@]}")
  if [ $(r 3) = 0 ]; then
    timeout 30 "$PY" "$HERE/zkclients.py" "$a" "$(hosts)" >/dev/null 2>&1 & CLIENTS+=($!)
  else
    timeout 30 "$PY" "$HERE/zkclients.py" "$a" "$(hosts)" >/dev/null 2>&1
  fi
  sleep 0.$((2 + $(r 8)))
done
sleep 25          # let abandoned sessions expire
for c in "${CLIENTS[@]}"; do wait "$c" 2>/dev/null; done
for i in 1 2 3; do stop_zk $i; done
rm -f "$OUT/zookeeper.log.live"
cp "$W/n3/log/zookeeper.log" "$OUT/zookeeper.log"
echo "done: $(wc -l < "$OUT/zookeeper.log") lines in $OUT/zookeeper.log"
