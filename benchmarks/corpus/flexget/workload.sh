#!/bin/bash
# Randomised workload for FlexGet (PyPI) run as a daemon with --loglevel debug and its own log file;
# a client sends execute / reload commands over IPC (port 49520). Inputs are local files.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
FG=/tmp/round35-r35h/venv/bin/flexget
W=/tmp/round35-r35h/fg
LOG=${LOG:-$W/raw.log}
mkdir -p $W/data $W/in $W/dest
: > "$LOG"
rnd() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
cp $HERE/config.yml $W/config.yml
SHOWS=(Show.Name Other.Show Unknown.Series Show.Name)
QUAL=(720p.HDTV.x264 1080p.WEB-DL 480p.DSR 2160p.BluRay HDTV PROPER.720p.HDTV)
WORDS=(debian linux beta kernel release notes linux.beta gnome)

make_inputs() {
  local i
  for i in $(seq $(rnd 0 3)); do
    touch "$W/in/$(pick "${SHOWS[@]}").S0$(rnd 1 3)E$(printf %02d $(rnd 1 12)).$(pick "${QUAL[@]}")-GRP.mkv"
  done
  case $(rnd 0 5) in
    0) printf '<rss version="2.0"><channel><title>t</title><item><title>broken' > $W/data/feed.xml ;;
    1) rm -f $W/data/feed.xml ;;
    *) { echo '<?xml version="1.0"?><rss version="2.0"><channel><title>local</title>'
         for i in $(seq $(rnd 1 5)); do w=$(pick "${WORDS[@]}"); n=$RANDOM
           echo "<item><title>$w $n</title><link>http://localhost/$w/$n</link><guid>$w-$n</guid></item>"; done
         [ $(rnd 0 3) = 0 ] && echo "<item><title>no link $RANDOM</title></item>"
         echo '</channel></rss>'; } > $W/data/feed.xml ;;
  esac
  case $(rnd 0 4) in
    0) rm -f $W/data/list.txt ;;
    *) : > $W/data/list.txt; for i in $(seq $(rnd 1 4)); do printf 'title: Item %s\nurl: http://localhost/i/%s\n' $RANDOM $RANDOM >> $W/data/list.txt; done
       [ $(rnd 0 3) = 0 ] && echo "title: orphan $RANDOM" >> $W/data/list.txt ;;
  esac
  case $(rnd 0 4) in
    0) rm -f $W/data/items.csv ;;
    1) printf 'only-one-column\n' > $W/data/items.csv ;;
    *) : > $W/data/items.csv; for i in $(seq $(rnd 1 5)); do echo "file$(rnd 1 6),http://localhost/f/$RANDOM" >> $W/data/items.csv; done ;;
  esac
  touch $W/data/file$(rnd 1 6)
  case $(rnd 0 3) in
    0) rm -f $W/data/tail.log ;;
    *) for i in $(seq $(rnd 1 3)); do printf 'TITLE: tailed %s\nURL: http://localhost/t/%s\n' $RANDOM $RANDOM >> $W/data/tail.log; done ;;
  esac
  [ $(rnd 0 5) = 0 ] && { rm -rf $W/dest; } || mkdir -p $W/dest
}

client() { timeout 60 $FG -c $W/config.yml --logfile $W/client.log "$@" >/dev/null 2>&1; }

start_daemon() {
  echo '<?xml version="1.0"?><rss version="2.0"><channel><title>local</title></channel></rss>' > $W/data/feed.xml
  printf 'title: first\nurl: http://localhost/i/first\n' > $W/data/list.txt
  echo "file1,http://localhost/f/1" > $W/data/items.csv
  touch $W/data/tail.log
  $FG -c $W/config.yml --logfile "$LOG" --loglevel debug --ipc-port 49520 daemon start >/dev/null 2>&1 &
  echo $! > $W/daemon.pid
  for i in $(seq 60); do sleep 1; [ $(grep -c 'ipc.rpyc  *server started on' "$LOG") -ge $1 ] && break; done
}

TASKS=(tv feed txt csvt mockt tailt lst)
RUNS=${RUNS:-2}
for r in $(seq $RUNS); do
  start_daemon $r
  for j in $(seq $(rnd 8 16)); do
    make_inputs
    case $(rnd 0 12) in
      0|1|2|3) client execute --tasks $(pick "${TASKS[@]}") ;;
      4|5) client execute ;;
      6) client execute --tasks $(pick "${TASKS[@]}") --learn ;;
      7) client execute --tasks nosuchtask ;;
      8) client execute --tasks $(pick "${TASKS[@]}") --disable-tracking ;;
      9) # a broken configuration, then reload, then fix it
         printf 'tasks:\n  bad:\n    rss: {}\n    nosuchplugin: yes\n' > $W/config.yml; client daemon reload-config
         cp $HERE/config.yml $W/config.yml; client daemon reload-config ;;
      10) client daemon reload-config ;;
      11) client execute --tasks $(pick "${TASKS[@]}") --now ;;
      12) client daemon status ;;
    esac
  done
  client daemon stop
  wait $(cat $W/daemon.pid)
done
