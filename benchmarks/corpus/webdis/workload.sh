#!/bin/bash
# Randomised workload for Webdis 0.1.9 (Debian webdis), verbosity 8 (clamped to debug) to its own log file,
# in front of a private redis-server on port 41510; webdis listens on 41511.
set -u
D=/work/round33/webdis
T=/tmp/round33-r33h/webdis
W=http://127.0.0.1:41511
mkdir -p "$T"
rm -f "$T/webdis.log"
R() { echo $((RANDOM % $1)); }
KEYS=(user:1 user:2 session:abc counter hits queue:jobs cfg:motd cart:77 lb:scores tmp:x)
pick() { local -n a=$1; echo "${a[$((RANDOM % ${#a[@]}))]}"; }
redis_up() { redis-server "$D/redis.conf" & echo $! > "$T/redis.realpid"; sleep 0.5; }
redis_down() { kill "$(cat "$T/redis.realpid")"; sleep 0.5; }
webdis_up() { webdis "${1:-$D/webdis.json}" 2>/dev/null & echo $! > "$T/webdis.realpid"; sleep 0.5; }
webdis_down() { kill -${1:-TERM} "$(cat "$T/webdis.realpid")" 2>/dev/null; sleep 0.5; }
c() { curl -s -m 5 -o /dev/null "$@"; }
rawreq() { timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/41511; printf '%b' \"\$1\" >&3; timeout 1 cat <&3 >/dev/null" _ "$1" 2>/dev/null; }
ext() { case $(R 10) in 0) echo .txt;; 1) echo .raw;; 2) echo .json;; 3) echo .html;; 4) echo .xml;; *) echo "";; esac; }

head -c 20000 /dev/urandom | base64 -w 100 > "$T/big.txt"
redis_up
webdis_up
rounds=${1:-1500}
redis_alive=1
for ((r = 0; r < rounds; r++)); do
  x=$(R 1000); k=$(pick KEYS)
  if   [ $x -lt 220 ]; then c "$W/GET/$k$(ext)"
  elif [ $x -lt 350 ]; then c "$W/SET/$k/v$(R 10000)"
  elif [ $x -lt 420 ]; then c "$W/INCR/counter"
  elif [ $x -lt 460 ]; then c "$W/HSET/$k/f$(R 5)/$(R 999)"
  elif [ $x -lt 490 ]; then c "$W/HGETALL/$k"
  elif [ $x -lt 520 ]; then c "$W/LPUSH/queue:jobs/job-$(R 500)"
  elif [ $x -lt 540 ]; then c "$W/LRANGE/queue:jobs/0/$(R 10)"
  elif [ $x -lt 560 ]; then c "$W/ZADD/lb:scores/$(R 1000)/player$(R 30)"
  elif [ $x -lt 575 ]; then c "$W/ZRANGE/lb:scores/0/-1/WITHSCORES"
  elif [ $x -lt 590 ]; then c "$W/EXPIRE/$k/$(R 300)"
  elif [ $x -lt 600 ]; then c "$W/TTL/$k"
  elif [ $x -lt 610 ]; then c "$W/PING"
  elif [ $x -lt 618 ]; then c "$W/INFO.txt"
  elif [ $x -lt 625 ]; then c "$W/DBSIZE"
  elif [ $x -lt 640 ]; then c "$W/MGET/user:1/user:2/counter"
  elif [ $x -lt 650 ]; then c "$W/GET/$k?jsonp=cb$(R 9)"
  elif [ $x -lt 660 ]; then c "$W/GET/$k?type=text/plain"
  elif [ $x -lt 700 ]; then c -X PUT --data-binary "payload-$(R 100000)" "$W/SET/$k"
  elif [ $x -lt 740 ]; then c -X POST --data "SET/$k/posted$(R 99)" "$W/"
  elif [ $x -lt 755 ]; then c -X POST --data "INCRBY/counter/$(R 20)" "$W/"
  elif [ $x -lt 770 ]; then c -X OPTIONS "$W/GET/$k"
  elif [ $x -lt 780 ]; then c "$W/crossdomain.xml"
  elif [ $x -lt 800 ]; then c -X DELETE "$W/DEL/$k"
  elif [ $x -lt 810 ]; then c -X PATCH "$W/SET/$k/1"
  elif [ $x -lt 835 ]; then c "$W/FLUSHALL"
  elif [ $x -lt 845 ]; then c "$W/CONFIG/GET/maxmemory"
  elif [ $x -lt 852 ]; then c -u admin:s3cret "$W/CONFIG/GET/maxmemory"
  elif [ $x -lt 856 ]; then c -u admin:wrong "$W/DEBUG/SLEEP/0"
  elif [ $x -lt 870 ]; then c "$W/NOSUCHCMD/$k"
  elif [ $x -lt 880 ]; then c "$W/GET"
  elif [ $x -lt 886 ]; then c "$W/"
  elif [ $x -lt 900 ]; then rawreq "GARBAGE\r\n\r\n"
  elif [ $x -lt 908 ]; then rawreq "GET /GET/$k HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"
  elif [ $x -lt 920 ]; then c -X PUT --data-binary "@$T/big.txt" "$W/SET/big:$(R 5)"
  elif [ $x -lt 926 ]; then c "$W/SET/$k/$(head -c $((2000 + $(R 9000))) /dev/zero | tr '\0' 'a')"
  elif [ $x -lt 934 ]; then c "$W/GET/caf%C3%A9/%E2%9C%93$(ext)"
  elif [ $x -lt 942 ]; then c "$W/PUBLISH/news/hello$(R 99)"
  elif [ $x -lt 946 ]; then c -m 1 "$W/SUBSCRIBE/news"
  elif [ $x -lt 952 ]; then c "$W/MULTI"
  elif [ $x -lt 960 ]; then
    if [ $redis_alive = 1 ]; then redis_down; redis_alive=0; else redis_up; redis_alive=1; fi
  elif [ $x -lt 966 ]; then webdis_down HUP
  elif [ $x -lt 976 ]; then webdis_down TERM; webdis_up
  elif [ $x -lt 980 ]; then webdis_down INT; webdis_up
  elif [ $x -lt 985 ]; then timeout 5 webdis "$D/webdis.json" 2>/dev/null   # second instance: port already bound
  elif [ $x -lt 990 ]; then webdis_down TERM; webdis_up "$D/webdis-db3.json"
  else c "$W/KEYS/*"
  fi
  if [ $redis_alive = 0 ] && [ $(R 12) = 0 ]; then redis_up; redis_alive=1; fi
done
webdis_down TERM
redis_down
cp "$T/webdis.log" "$D/raw-full.log"
