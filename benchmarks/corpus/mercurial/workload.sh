#!/bin/bash
# mercurial workload: hg serve (forking HTTP server) with access and error logs;
# clients clone, pull, push, browse, and send malformed / abusive requests.
D=/work/round30/mercurial
R=$D/run
H=127.0.0.1
PORT=$((19800 + RANDOM % 50))
export HGUSER="tester <t@example.invalid>" HGRCPATH=$R/hgrc.global HGPLAIN=1
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
rm -rf $R; mkdir -p $R/clones
: > $HGRCPATH
for name in main second; do
  hg init $R/$name
  for i in $(seq $((3 + $(rnd 5)))); do
    echo "$name line $i $RANDOM" >> $R/$name/file$((i % 3)).txt
    hg -R $R/$name add -q $R/$name/file$((i % 3)).txt 2>/dev/null
    hg -R $R/$name commit -q -m "$name commit $i"
  done
done
write_hgrc() {
  cat > $R/main/.hg/hgrc <<EOT
[web]
allow-push = $1
push_ssl = false
allow_archive = gz, zip, bz2
description = test repository
EOT
}
cat > $R/web.conf <<EOT
[paths]
main = $R/main
second = $R/second
[web]
push_ssl = false
allow-push = *
EOT
NSTART=0
start_server() {
  NSTART=$((NSTART + 1)); PORT=$((19800 + (RANDOM % 10) * 5 + NSTART))
  hg serve -a $H -p $PORT --accesslog $R/access.log --errorlog $R/error.log "$@" > $R/serve.$NSTART.out 2>&1 &
  SPID=$!; echo $SPID >> $R/pids
  for i in $(seq 20); do python3 -c "import socket;socket.create_connection(('$H',$PORT),1)" 2>/dev/null && break; sleep 0.2; done
}
stop_server() {
  local sig=${1:-TERM}
  for t in 1 2 3 4 5; do
    kill -0 $SPID 2>/dev/null || break
    kill -$sig $SPID 2>/dev/null; sleep 1
  done
  kill -0 $SPID 2>/dev/null && kill -KILL $SPID
  wait $SPID 2>/dev/null
}
URL() { echo "http://$H:$PORT/$1"; }
good() {
  local c=$R/clones/c$(rnd 6)
  case $(rnd 9) in
    0|1) rm -rf $c; timeout 30 hg clone -q $(URL $1) $c ;;
    2) [ -d $c ] && timeout 30 hg -R $c pull -q $(URL $1) ;;
    3) if [ -d $c ]; then echo "change $RANDOM" >> $c/file1.txt; hg -R $c commit -q -A -m "client change $RANDOM"; timeout 30 hg -R $c push -q $(pick "" -f) $(URL $1); fi ;;
    4) [ -d $c ] && timeout 30 hg -R $c incoming -q $(URL $1) ;;
    5) [ -d $c ] && timeout 30 hg -R $c outgoing -q $(URL $1) ;;
    6) timeout 20 hg identify $(URL $1) ;;
    7) timeout 20 python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]).read()" "$(URL $1)$(pick log graph tags branches 'raw-file/tip/file1.txt' 'json-log' 'atom-log' 'archive/tip.tar.gz' 'summary' 'help')" ;;
    8) timeout 20 hg clone -q -r 0 $(URL $1) $R/clones/r$RANDOM ;;
  esac >/dev/null 2>&1
}
bad() { timeout 20 python3 $D/rawclient.py $H $PORT $((1 + $(rnd 3))) >/dev/null 2>&1; }
killed_clone() {
  timeout 20 hg clone -q $(URL "") $R/clones/k$RANDOM >/dev/null 2>&1 & local p=$!
  sleep 0.$(rnd 4); kill -9 $p 2>/dev/null; wait $p 2>/dev/null
}
run_mix() {
  for i in $(seq $1); do
    case $(rnd 10) in
      0|1|2) good "$2" ;;
      3|4|5|6|7|8) bad ;;
      9) killed_clone ;;
    esac
  done
}
# phase 1: single repository, pushes allowed
write_hgrc '*'
start_server -R $R/main
run_mix $((150 + $(rnd 30))) ""
stop_server
# phase 2: pushes refused
write_hgrc nobody
start_server -R $R/main --prefix $(pick hg repos)
PFX=$(ps -o args= -p $SPID | sed -n 's/.*--prefix \([a-z]*\).*/\1/p')
for i in $(seq $((20 + $(rnd 10)))); do
  if [ $(rnd 2) = 0 ]; then good "$PFX"; else bad; fi
done
stop_server
# phase 3: several repositories through a web configuration
start_server --web-conf $R/web.conf
for i in $(seq $((90 + $(rnd 20)))); do
  case $(rnd 4) in 0) good main ;; 1) good second ;; *) bad ;; esac
done
stop_server
# phase 4: a last burst of abusive requests, then shutdown by INT
write_hgrc '*'
start_server -R $R/main
for k in badversion newversion method syntax http09 longline manyheaders longuri badlength badhex badhexhdr badcmd webpages garbage cut; do
  timeout 20 python3 $D/rawclient.py $H $PORT 1 $k >/dev/null 2>&1
done
run_mix $((20 + $(rnd 10))) ""
stop_server HUP
wc -l $R/access.log $R/error.log
head -n 2500 $R/error.log > $D/mercurial.log
