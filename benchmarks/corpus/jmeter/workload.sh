#!/bin/bash
# Randomised workload for Apache JMeter 2.13 in non-GUI mode against local targets.
# Targets: HTTP 35401, TCP 35402; 35409 is left closed; JMeter's shutdown port 35410-35420.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round32-r32d/jmeter
LOG=${LOG:-$HERE/jmeter.full.log}   # JMeter truncates its -j file at each start: one file per run, appended here in run order
RUNS=${RUNS:-20}
mkdir -p $RUN; cd $RUN
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

python3 "$HERE/target_http.py" 35401 & HTTP=$!
python3 "$HERE/target_tcp.py" 35402 & TCP=$!
echo "$HTTP $TCP" > $RUN/targets.pid
sleep 0.5

for run in $(seq 1 $RUNS); do
  PLAN=$HERE/plan.jmx
  case $((RANDOM % 12)) in
    0) PLAN=$RUN/missing-plan.jmx ;;
    1) head -c $((2000 + RANDOM % 4000)) $HERE/plan.jmx > $RUN/broken.jmx; PLAN=$RUN/broken.jmx ;;
  esac
  args=(-n -t "$PLAN" -j "$RUN/run.log" -l "$RUN/results-$run.jtl"
    -Jjmeterengine.nongui.port=35410 -Jjmeterengine.nongui.maxport=35420
    -Jsummariser.interval=$(pick 3 5 10) -Jtcp.eolByte=10
    -Jthreads=$((1 + RANDOM % 4)) -Jloops=$((2 + RANDOM % 12)) -Jramp=$((RANDOM % 3))
    -Jimpl=$(pick HttpClient4 HttpClient4 Java HttpClient3.1)
    -Jhost=$(pick 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 localhost nonexistent.invalid)
    -Jport=$(pick 35401 35401 35401 35401 35409) -Jport2=$(pick 35401 35401 35409)
    -Jproto=$(pick http http http http https) -Jmethod=$(pick GET GET POST HEAD PUT)
    -Jtcpport=$(pick 35402 35402 35402 35409) -Jtcpreuse=$(pick true false) -Jtcpclose=$(pick true false)
    -Jtcpclass=$(pick TCPClientImpl TCPClientImpl BinaryTCPClientImpl LengthPrefixedBinaryTCPClientImpl NoSuchTCPClient)
    -Jjavaclass=$(pick org.apache.jmeter.protocol.java.test.JavaTest org.apache.jmeter.protocol.java.test.SleepTest org.example.Missing)
    -Jjstatus=$(pick OK OK OK FAILED)
    -Jcsvfile=$(pick $HERE/users.csv $HERE/users.csv $HERE/users.csv $RUN/no-such-users.csv) -Jrecycle=$(pick true true false)
    "-Jregex=$(pick 'token=(\d+)' 'token=(\d+)' 'token=(\d+' 'nomatch=(\w+)')" -Jmatchno=$(pick 1 1 0 -1 3)
    -Jonerror=$(pick continue continue continue startnextloop stopthread stoptest)
    -Jthink=$(pick 20 50 100))
  if [ $((RANDOM % 4)) = 0 ]; then args+=(-L$(pick jmeter.engine jmeter.threads jmeter.protocol.tcp jmeter.reporters)=DEBUG); fi
  jmeter "${args[@]}" > $RUN/stdout-$run.txt 2>&1 &
  JM=$!
  case $((RANDOM % 8)) in
    0) sleep $((3 + RANDOM % 5)); python3 -c "import socket,sys; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(sys.argv[1].encode(), ('127.0.0.1', 35410))" $(pick Shutdown StopTestNow HeapDump ThreadDump) ;;
    1) sleep $((4 + RANDOM % 5)); kill -TERM $JM 2>/dev/null ;;
  esac
  for i in $(seq 1 90); do kill -0 $JM 2>/dev/null || break; sleep 1; done
  kill -KILL $JM 2>/dev/null; wait $JM 2>/dev/null
  cat $RUN/run.log >> "$LOG" 2>/dev/null; rm -f $RUN/run.log
done
kill $HTTP $TCP; wait $HTTP $TCP 2>/dev/null
rm -f $RUN/broken.jmx $RUN/jmeter.log $RUN/results-*.jtl $RUN/stdout-*.txt $RUN/*.hprof
