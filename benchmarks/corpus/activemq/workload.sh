#!/bin/bash
# Round-12 corpus workload: Apache ActiveMQ 5.17 broker (Debian 12 package `activemq`, log4j 1.2 through
# slf4j-log4j12), its own log file activemq.log with the packaged layout `%d | %-5p | %m | %c | %t%n`
# (stack traces switched off with EnhancedPatternLayout `%throwable{none}`), root logger INFO and DEBUG for
# org.apache.activemq.broker (connections, regions, policies, plugins), the STOMP transport, transactions,
# security and the KahaDB store/scheduler. Plugins: simple authentication, authorization, redelivery and the
# logging broker plugin (connection, session and transaction events). Clients on 127.0.0.1 only: stomp.py and raw sockets
# (stompload.py, in a private venv), OpenWire JMS and JMX (AmqTool.java, compiled here against the packaged
# jars). Ports 21201 (OpenWire), 21202 (STOMP), 21203/21204 (JMX).
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (writes OUT_DIR/activemq.log)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-170}
W=/tmp/amq-r12
command -v javac >/dev/null && [ -e /usr/share/activemq/bin/activemq.jar ] || {
  apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y activemq openjdk-17-jdk-headless python3-venv; }
[ -x $W/venv/bin/python ] || { python3 -m venv $W/venv && $W/venv/bin/pip install -q stomp.py; }
rm -rf $W/conf $W/data $W/cli $W/classes $W/stdout $W/clients.err; mkdir -p $W/conf $W/data $W/cli $W/classes "$OUT"
rm -f "$OUT/activemq.log"
CP=$(ls /usr/share/activemq/lib/*.jar | tr '\n' ':')
javac -d $W/classes -cp "$CP" "$HERE/AmqTool.java" || exit 1
BROKER=amqlog

cat > $W/conf/activemq.xml <<'EOF'
<beans xmlns="http://www.springframework.org/schema/beans" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <bean class="org.springframework.beans.factory.config.PropertyPlaceholderConfigurer"/>
  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="amqlog" useJmx="true" dataDirectory="${activemq.data}"
          schedulerSupport="true" schedulePeriodForDestinationPurge="5000">
    <destinationPolicy>
      <policyMap><policyEntries>
        <policyEntry queue=">" expireMessagesPeriod="0" gcInactiveDestinations="true" inactiveTimoutBeforeGC="30000"
                     advisoryForSlowConsumers="true" advisoryWhenFull="true" advisoryForDiscardingMessages="true"
                     memoryLimit="256kb" producerFlowControl="true">
          <slowConsumerStrategy><abortSlowConsumerStrategy abortConnection="false" maxSlowDuration="4000" checkPeriod="1000"/></slowConsumerStrategy>
          <deadLetterStrategy><individualDeadLetterStrategy queuePrefix="DLQ." processExpired="true"/></deadLetterStrategy>
        </policyEntry>
        <policyEntry queue="orders.ttl.>" expireMessagesPeriod="5000" gcInactiveDestinations="true" inactiveTimoutBeforeGC="30000"
                     advisoryForSlowConsumers="true" advisoryWhenFull="true" advisoryForDiscardingMessages="true"
                     memoryLimit="256kb" producerFlowControl="true">
          <slowConsumerStrategy><abortSlowConsumerStrategy abortConnection="false" maxSlowDuration="4000" checkPeriod="1000"/></slowConsumerStrategy>
          <deadLetterStrategy><individualDeadLetterStrategy queuePrefix="DLQ." processExpired="true"/></deadLetterStrategy>
        </policyEntry>
        <policyEntry topic=">" expireMessagesPeriod="10000" gcInactiveDestinations="true" inactiveTimoutBeforeGC="30000"
                     advisoryForSlowConsumers="true" advisoryForFastProducers="true">
          <pendingMessageLimitStrategy><constantPendingMessageLimitStrategy limit="20"/></pendingMessageLimitStrategy>
          <slowConsumerStrategy><abortSlowConsumerStrategy abortConnection="true" maxSlowDuration="4000" checkPeriod="1000"/></slowConsumerStrategy>
        </policyEntry>
      </policyEntries></policyMap>
    </destinationPolicy>
    <managementContext><managementContext createConnector="true" connectorPort="21203" connectorHost="127.0.0.1" rmiServerPort="21204"/></managementContext>
    <persistenceAdapter><kahaDB directory="${activemq.data}/kahadb" checkpointInterval="15000" cleanupInterval="30000" journalMaxFileLength="256kb"/></persistenceAdapter>
    <plugins>
      <loggingBrokerPlugin logTransactionEvents="true"/>
      <simpleAuthenticationPlugin anonymousAccessAllowed="false">
        <users>
          <authenticationUser username="admin" password="adminpw" groups="admins,users"/>
          <authenticationUser username="alice" password="alicepw" groups="users"/>
          <authenticationUser username="bob" password="bobpw" groups="users"/>
          <authenticationUser username="guest" password="guestpw" groups="guests"/>
        </users>
      </simpleAuthenticationPlugin>
      <authorizationPlugin><map><authorizationMap><authorizationEntries>
        <authorizationEntry queue=">" read="admins" write="admins" admin="admins"/>
        <authorizationEntry queue="orders.>" read="users" write="users" admin="users"/>
        <authorizationEntry queue="DLQ.>" read="users" write="users" admin="users"/>
        <authorizationEntry queue="jobs.>" read="users,guests" write="users" admin="users"/>
        <authorizationEntry topic=">" read="admins" write="admins" admin="admins"/>
        <authorizationEntry topic="news.>" read="users,guests" write="users" admin="users,guests"/>
        <authorizationEntry topic="ActiveMQ.Advisory.>" read="users,guests,admins" write="users,guests,admins" admin="users,guests,admins"/>
      </authorizationEntries>
      <tempDestinationAuthorizationEntry><tempDestinationAuthorizationEntry read="users" write="users" admin="users"/></tempDestinationAuthorizationEntry>
      </authorizationMap></map></authorizationPlugin>
      <redeliveryPlugin fallbackToDeadLetter="true" sendToDlqIfMaxRetriesExceeded="true">
        <redeliveryPolicyMap><redeliveryPolicyMap><redeliveryPolicyEntries>
          <redeliveryPolicy queue="orders.>" maximumRedeliveries="2" initialRedeliveryDelay="1500" redeliveryDelay="1500"/>
        </redeliveryPolicyEntries></redeliveryPolicyMap></redeliveryPolicyMap>
      </redeliveryPlugin>
    </plugins>
    <systemUsage><systemUsage>
      <memoryUsage><memoryUsage limit="64 mb"/></memoryUsage>
      <storeUsage><storeUsage limit="1 gb"/></storeUsage>
      <tempUsage><tempUsage limit="256 mb"/></tempUsage>
    </systemUsage></systemUsage>
    <transportConnectors>
      <transportConnector name="openwire" uri="tcp://127.0.0.1:21201?maximumConnections=40&amp;wireFormat.maxInactivityDuration=10000"/>
      <transportConnector name="stomp" uri="stomp://127.0.0.1:21202?maximumConnections=25&amp;transport.defaultHeartBeat=5000,0"/>
    </transportConnectors>
  </broker>
</beans>
EOF

cat > $W/conf/log4j.properties <<EOF
log4j.rootLogger=INFO, logfile
log4j.logger.org.apache.activemq.broker=DEBUG
log4j.logger.org.apache.activemq.broker.jmx.ManagementContext=INFO
log4j.logger.org.apache.activemq.broker.TransportConnector=INFO
log4j.logger.org.apache.activemq.transport.stomp=DEBUG
log4j.logger.org.apache.activemq.transaction=DEBUG
log4j.logger.org.apache.activemq.security=DEBUG
log4j.logger.org.apache.activemq.store.kahadb=DEBUG
log4j.logger.org.apache.activemq.store.kahadb.disk=INFO
log4j.appender.logfile=org.apache.log4j.RollingFileAppender
log4j.appender.logfile.file=$OUT/activemq.log
log4j.appender.logfile.maxFileSize=100MB
log4j.appender.logfile.layout=org.apache.log4j.EnhancedPatternLayout
log4j.appender.logfile.layout.ConversionPattern=%d | %-5p | %m | %c | %t%n%throwable{none}
EOF
# the command-line tools log to their own console, never to the broker's file
cat > $W/cli/log4j.properties <<'EOF'
log4j.rootLogger=WARN, out
log4j.appender.out=org.apache.log4j.ConsoleAppender
log4j.appender.out.layout=org.apache.log4j.PatternLayout
log4j.appender.out.layout.ConversionPattern=%m%n
EOF

JOPTS="-Dactivemq.home=/usr/share/activemq -Dactivemq.base=$W -Dactivemq.conf=$W/conf -Dactivemq.data=$W/data"
start_broker() {
  # in a subshell, so that the clients' `wait` never waits for the broker
  ( java -Xmx512m $JOPTS -jar /usr/share/activemq/bin/activemq.jar start xbean:file:$W/conf/activemq.xml >> $W/stdout 2>&1 &
    echo $! > $W/broker.pid )
  for i in $(seq 60); do (echo > /dev/tcp/127.0.0.1/21202) 2>/dev/null && break; sleep 0.5; done
  sleep 1
}
stop_broker() {  # $1 = signal
  local pid; pid=$(cat $W/broker.pid)
  kill -"${1:-TERM}" "$pid" 2>/dev/null
  for i in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
}
cli() {  # the packaged console tools (OpenWire producer/consumer, JMX dstat/purge/query)
  timeout 25 java $JOPTS -Dactivemq.conf=$W/cli -Dactivemq.data=$W/cli -jar /usr/share/activemq/bin/activemq.jar "$@" >/dev/null 2>&1 || echo "cli $* rc=$?" >> $W/clients.err
}
JAVA_TOOL="java -Dbroker=$BROKER -cp $CP:$W/classes AmqTool"
tool() { timeout 25 $JAVA_TOOL "$@" >/dev/null 2>&1 || echo "tool $* rc=$?" >> $W/clients.err; }
st() { timeout 25 $W/venv/bin/python "$HERE/stompload.py" "$1" 21202 21201 >/dev/null 2>&1 || echo "st $1 rc=$?" >> $W/clients.err; }
r() { echo $((RANDOM % $1)); }
users=(alice bob)
pw() { echo "$1pw"; }
wname() { local a=(eu us apac web pos b2b mobile retail); echo "${a[$(r 8)]}$((1 + $(r 30)))"; }

one_action() {
  local u=${users[$(r 2)]} n
  case $ID in
    0|1|4) st send ;;
    2|33) st consume ;;
    5) st nack ;;
    6) st badlogin ;;
    7) st nologin ;;
    8) st unauth_send ;;
    9) st unauth_sub ;;
    10) st guest_write ;;
    11) st topic ;;
    12) st expire ;;
    13) st delay ;;
    14) st tx ;;
    15) st advisory & ;;
    16) st slow_topic & ;;
    17) st slow_queue & ;;
    18) st heartbeat_timeout & ;;
    19) st garbage_stomp ;;
    20) st bad_frames ;;
    21) st abrupt ;;
    22) [ $(r 3) = 0 ] && st flood || st garbage_openwire ;;
    23) st idle_openwire & ;;
    24|30) OW=$(( (OW + 1) % 6 )); case $OW in
          0) tool send $u $(pw $u) queue://orders.$(wname) $((1 + $(r 8))) $(( $(r 2) * (300 + $(r 3000)) )) $(r 2) ;;
          1) tool send $u wrong$RANDOM queue://orders.$(wname) 1 0 0 ;;
          2) n=orders.ow$(r 5); tool send $u $(pw $u) queue://$n $((1 + $(r 5))) 0 1; tool consume $u $(pw $u) queue://$n $((1 + $(r 5))) 800 ;;
          3) n=orders.rb$(r 4); tool send $u $(pw $u) queue://$n $((1 + $(r 3))) 0 1; tool rollback $u $(pw $u) queue://$n $((2 + $(r 6))) ;;
          4) tool txsend $u $(pw $u) queue://orders.tx$(r 9) $((1 + $(r 4))) $(r 2) ;;
          5) tool send guest guestpw queue://orders.$(wname) 1 0 0 ;;
        esac ;;
    25|31) SUB=$(( (SUB + 1) % 5 )); case $SUB in
          0) tool durable $u $(pw $u) dur-$u-$(r 4) news.$(wname) sub$(r 3) $((1 + $(r 4))) $(r 2) & ;;
          1) tool dupclient $u $(pw $u) app-$(r 20) ;;
          2) tool reqreply $u $(pw $u) orders.rpc$(r 3) ;;
          3) tool slow $u $(pw $u) topic://news.slow$(r 3) $((2 + $(r 4))) 7 & sleep 1; tool send $u $(pw $u) topic://news.slow$(r 3) $((30 + $(r 40))) 0 0 ;;
          4) tool slow $u $(pw $u) queue://orders.slow$(r 3) 1 7 & sleep 1; tool send $u $(pw $u) queue://orders.slow$(r 3) $((3 + $(r 6))) 0 0 ;;
        esac ;;
    26|27|32) JMX=$(( (JMX + 1) % 10 )); case $JMX in
          0) tool jmx addQueue orders.$(wname) ;;
          1) tool jmx removeQueue orders.$(wname) ;;
          2) tool jmx addTopic news.$(wname) ;;
          3) tool jmx removeTopic news.$(wname) ;;
          4) n=$(timeout 20 $JAVA_TOOL jmx list 2>/dev/null | awk '$1=="Queue" && $2 ~ /^(orders|jobs|DLQ)/ {print $2}' | shuf -n1); [ -n "$n" ] && tool jmx purge "$n" ;;
          5) n=$(timeout 20 $JAVA_TOOL jmx list 2>/dev/null | awk '$1=="Queue" && $2 ~ /^DLQ/ {print $2}' | shuf -n1); [ -n "$n" ] && tool jmx retryMessages "$n" ;;
          6) n=$(timeout 20 $JAVA_TOOL jmx list 2>/dev/null | awk '$1=="Queue" && $2 ~ /^orders/ {print $2}' | shuf -n1); [ -n "$n" ] && { tool jmx pause "$n"; sleep 0.5; tool jmx resume "$n"; } ;;
          7) n=$(timeout 20 $JAVA_TOOL jmx list 2>/dev/null | awk '$1=="Queue" && $2 ~ /^orders/ {print $2}' | shuf -n1); [ -n "$n" ] && tool jmx moveAll "$n" orders.archive$(r 3) ;;
          8) tool jmx removeDurable dur-${users[$(r 2)]}-$(r 4) sub$(r 3) ;;
          9) n=$(timeout 20 $JAVA_TOOL jmx list 2>/dev/null | awk '$1=="Queue" && $2 ~ /^orders/ {print $2}' | shuf -n1); [ -n "$n" ] && tool jmx copyAll "$n" orders.copy$(r 3) ;;
        esac ;;
    28|3) CLI=$(( (CLI + 1) % 4 )); case $CLI in
          0) cli producer --brokerUrl tcp://127.0.0.1:21201 --user $u --password $(pw $u) --destination queue://orders.cli$(r 4) --messageCount $((1 + $(r 10))) ;;
          1) cli consumer --brokerUrl tcp://127.0.0.1:21201 --user $u --password $(pw $u) --destination queue://orders.cli$(r 4) --messageCount $((1 + $(r 5))) --receiveTimeout 1000 ;;
          2) cli dstat --jmxurl service:jmx:rmi:///jndi/rmi://127.0.0.1:21203/jmxrmi ;;
          3) cli purge --jmxurl service:jmx:rmi:///jndi/rmi://127.0.0.1:21203/jmxrmi "orders.cli*" ;;
        esac ;;
    29) tool jmx resetStatistics; tool jmx gc ;;
  esac
}

# actions are dealt from a shuffled deck (each of the 34 kinds once per deck), parameters at random
deck=()
OW=$(r 6) SUB=$(r 5) JMX=$(r 10) CLI=$(r 4)   # sub-actions of a kind are taken in turn
next_id() { [ ${#deck[@]} -eq 0 ] && deck=($(shuf -i 0-33)); ID=${deck[0]}; deck=("${deck[@]:1}"); }

run_phase() {  # $1 = seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    next_id
    one_action
    sleep $((1 + $(r 2))).$(r 10)
  done
  wait
}

P=$((DURATION / 4))
start_broker
run_phase $P
stop_broker TERM                     # clean restart
sleep 1; start_broker
run_phase $P
stop_broker KILL                     # crash: journal recovery on the next start
sleep 1; start_broker
run_phase $P
cli stop --jmxurl service:jmx:rmi:///jndi/rmi://127.0.0.1:21203/jmxrmi $BROKER   # stop through JMX
for i in $(seq 30); do kill -0 "$(cat $W/broker.pid)" 2>/dev/null || break; sleep 0.5; done
kill -0 "$(cat $W/broker.pid)" 2>/dev/null && stop_broker TERM
sleep 1; start_broker
run_phase $((DURATION - 3 * P))
stop_broker TERM
wait
echo "done: $(wc -l < "$OUT/activemq.log") lines in $OUT/activemq.log"
