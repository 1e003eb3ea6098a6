#!/bin/bash
# Randomised workload for nscd (glibc 2.36, Debian 12), run with debug output in the
# foreground (-d -d -d) and stderr written to nscd.log.
# Everything runs inside a private mount namespace: /etc, /run/nscd and /var/cache/nscd
# are bind-mounted from this folder, so nscd's socket and caches are invisible to the rest
# of the machine and the name service files can be edited freely.
D=/work/round29/nscd
if [ -z "$NSCD_IN_NS" ]; then
  exec env NSCD_IN_NS=1 unshare -m --propagation private bash "$0" "$@"
fi
set -u
export TZ=UTC LC_ALL=C
LOG=$D/nscd.log.raw
PIDS=$D/pids.txt
CLI="python3 $D/client.py"
: > "$LOG"; : > "$PIDS"
rm -rf "$D/etc" "$D/run" "$D/cache"; mkdir -p "$D/etc" "$D/run" "$D/cache"
for f in passwd group shadow gshadow hosts services protocols host.conf ld.so.cache ld.so.conf localtime gai.conf; do
  cp -aL "/etc/$f" "$D/etc/" 2>/dev/null
done

# --- private name service files -----------------------------------------------------
cat > "$D/etc/nsswitch.conf" <<'EOF'
passwd:         files
group:          files
shadow:         files
hosts:          files
networks:       files
protocols:      files
services:       files
netgroup:       files
EOF
USERS=()
for i in $(seq 1 30); do
  u=$(printf "svc%02d" "$i"); USERS+=("$u")
  echo "$u:x:$((5000+i)):$((5000+i%7)):Service $i:/home/$u:/usr/sbin/nologin" >> "$D/etc/passwd"
done
for g in 0 1 2 3 4 5 6; do echo "team$g:x:$((5000+g)):${USERS[$g]},${USERS[$((g+7))]}" >> "$D/etc/group"; done
HOSTS=()
for i in $(seq 1 40); do
  h=$(printf "node%02d.lab.test" "$i"); HOSTS+=("$h")
  echo "127.0.$((i/10)).$((i%10+2)) $h node$i" >> "$D/etc/hosts"
done
echo "::1 ip6-localhost ip6-loopback" >> "$D/etc/hosts"
cat > "$D/etc/netgroup" <<'EOF'
admins (node01.lab.test,svc01,lab) (node02.lab.test,svc02,lab)
webs (node10.lab.test,-,) (node11.lab.test,-,)
all admins webs (-,svc05,)
EOF
mount --bind "$D/etc" /etc
mount --bind "$D/run" /run/nscd
mount --bind "$D/cache" /var/cache/nscd

# --- configurations -------------------------------------------------------------------
mkconf() { # $1=file $2=suggested-size $3=persistent $4=extra lines
  {
    echo "	debug-level		3"
    echo "	threads			4"
    echo "	max-threads		8"
    echo "	paranoia		no"
    echo "	reload-count		2"
    for db in passwd group hosts services netgroup; do
      echo "	enable-cache		$db		yes"
      echo "	positive-time-to-live	$db		$((RANDOM%20+12))"
      echo "	negative-time-to-live	$db		$((RANDOM%6+4))"
      echo "	suggested-size		$db		$2"
      echo "	check-files		$db		yes"
      echo "	persistent		$db		$3"
      echo "	shared			$db		yes"
      echo "	max-db-size		$db		33554432"
    done
    echo "	auto-propagate		passwd		yes"
    printf '%b\n' "${4:-}"
  } > "$1"
}

NSCD_PID=
start_nscd() { # $1 conf
  nscd -f "$1" -d -d -d >> "$LOG" 2>&1 &
  NSCD_PID=$!
  echo "$NSCD_PID" >> "$PIDS"
  sleep 1.5
}
stop_nscd() {
  if [ -n "$NSCD_PID" ] && kill -0 "$NSCD_PID" 2>/dev/null; then
    if [ $((RANDOM%2)) = 0 ]; then nscd -K 2>/dev/null || true; else kill -TERM "$NSCD_PID"; fi
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$NSCD_PID" 2>/dev/null || break; sleep 0.3; done
    kill -0 "$NSCD_PID" 2>/dev/null && kill -KILL "$NSCD_PID"
  fi
  wait "$NSCD_PID" 2>/dev/null
  NSCD_PID=
}

pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

one_op() {
  local r=$((RANDOM % 100))
  if   [ $r -lt 16 ]; then getent passwd "$(pick "${USERS[@]}" root daemon nobody ghost$RANDOM 0 5003 $((5000+RANDOM%40)) 77777)" >/dev/null
  elif [ $r -lt 26 ]; then getent group "$(pick team0 team3 team6 root adm nogroup lostgroup$RANDOM 0 5002 $((5000+RANDOM%12)) 4242)" >/dev/null
  elif [ $r -lt 42 ]; then getent hosts "$(pick "${HOSTS[@]}" node7 localhost ip6-localhost nowhere$RANDOM.invalid 127.0.1.$((RANDOM%12)) 127.0.0.1 ::1 127.9.9.9)" >/dev/null
  elif [ $r -lt 50 ]; then getent services "$(pick ssh http smtp domain 22 80/tcp 53/udp 443 nosuchsvc$RANDOM 60999 https/tcp ntp/udp)" >/dev/null
  elif [ $r -lt 55 ]; then getent netgroup "$(pick admins webs all nonegroup$RANDOM)" >/dev/null
  elif [ $r -lt 62 ]; then $CLI garbage "$(pick short shortkey longkey badtype oldversion empty random)" 2>/dev/null
  elif [ $r -lt 66 ]; then $CLI badnum "$(pick abc 12x '' -1x 0x10 uid$RANDOM)" 2>/dev/null
  elif [ $r -lt 70 ]; then $CLI addr "$(pick 127.0.0.1 127.0.1.3 127.0.2.7 127.0.3.$((RANDOM%20)) ::1 127.44.0.1)" 2>/dev/null
  elif [ $r -lt 73 ]; then $CLI name "$(pick GETSERVBYNAME=ssh/tcp GETSERVBYPORT=80/tcp GETSERVBYNAME=bogus/udp GETPWBYNAME=svc1$((RANDOM%9)) GETHOSTBYNAMEv6=node0$((RANDOM%9+1)).lab.test)" 2>/dev/null
  elif [ $r -lt 77 ]; then nscd -i "$(pick passwd group hosts services netgroup)" 2>/dev/null
  elif [ $r -lt 79 ]; then $CLI invalidate "$(pick bogusdb shadow '' passwd2)" 2>/dev/null
  elif [ $r -lt 82 ]; then nscd -g >/dev/null 2>&1
  elif [ $r -lt 84 ]; then $CLI asuser 2>/dev/null
  elif [ $r -lt 88 ]; then # in-place write to a watched file
    case $((RANDOM%3)) in
      0) echo "tmp$RANDOM:x:$((6000+RANDOM%500)):65534::/nonexistent:/usr/sbin/nologin" >> /etc/passwd ;;
      1) echo "127.0.5.$((RANDOM%200+1)) extra$RANDOM.lab.test" >> /etc/hosts ;;
      2) echo "xgrp$RANDOM:x:$((7000+RANDOM%500)):" >> /etc/group ;;
    esac
  elif [ $r -lt 91 ]; then # replace a watched file by rename (sed -i) or move it away and back
    local f; f=$(pick passwd group hosts services netgroup)
    if [ $((RANDOM%2)) = 0 ]; then sed -i -e '$a# edited '"$RANDOM" "/etc/$f"
    else mv "/etc/$f" "/etc/$f.away"; sleep 0.$((RANDOM%5+1)); mv "/etc/$f.away" "/etc/$f"; fi
  elif [ $r -lt 93 ]; then # delete and re-create a watched file
    local f; f=$(pick hosts services netgroup resolv.conf)
    cp -p "/etc/$f" "$D/keep.$f" 2>/dev/null || : > "$D/keep.$f"
    rm -f "/etc/$f"; getent hosts node0$((RANDOM%9+1)).lab.test >/dev/null; sleep 0.3
    cp -p "$D/keep.$f" "/etc/$f"; rm -f "$D/keep.$f"
  elif [ $r -lt 96 ]; then getent passwd "$(pick "${USERS[@]}")" >/dev/null
  else
    # burst of parallel clients
    local bp=()
    for _ in 1 2; do
      getent passwd "$(pick "${USERS[@]}")" >/dev/null & bp+=($!)
      getent hosts "$(pick "${HOSTS[@]}")" >/dev/null & bp+=($!)
    done
    wait "${bp[@]}"
  fi
}

run_ops() { # $1 count
  local n=$1
  for _ in $(seq 1 "$n"); do
    one_op
    [ $((RANDOM%6)) = 0 ] && sleep 0.$((RANDOM%9+1))
  done
}

# --- phase 1: broken configuration, start then stop ----------------------------------
mkconf "$D/bad.conf" 211 no "	bogus-option		passwd		1\n	enable-cache		shadow		yes\n	positive-time-to-live	ethers	10\n	max-db-size		hosts		1024\n	server-user\n	stat-user\n	restart-interval\n	frobnicate"
start_nscd "$D/bad.conf"
getent passwd root >/dev/null; getent hosts node01.lab.test >/dev/null
stop_nscd

# --- phase 2: unknown server user: refuses to run ------------------------------------
mkconf "$D/user.conf" 211 no "	server-user		nosuchuser$RANDOM"
start_nscd "$D/user.conf"; stop_nscd

# --- phase 3: normal run with persistent caches --------------------------------------
mkconf "$D/nscd.conf" 211 yes
start_nscd "$D/nscd.conf"
run_ops $((RANDOM%15+35))
sleep $((RANDOM%8+14))       # let entries time out and be pruned/reloaded
run_ops $((RANDOM%10+25))
# a second instance while the first runs: pid file says it is already running
echo $$ > /run/nscd/nscd.pid
nscd -f "$D/nscd.conf" -d >> "$LOG" 2>&1
rm -f /run/nscd/nscd.pid
stop_nscd

# --- phase 4: restart on damaged / resized persistent databases ----------------------
for f in "$D"/cache/*; do
  case $((RANDOM%3)) in
    0) head -c $((RANDOM%500+10)) /dev/urandom > "$f" ;;
    1) : > "$f" ;;
    2) : ;;
  esac
done
mkconf "$D/nscd.conf" $((RANDOM%300+400)) yes
start_nscd "$D/nscd.conf"
run_ops $((RANDOM%15+30))
sleep $((RANDOM%8+12))
run_ops $((RANDOM%10+20))
stop_nscd

# --- phase 5: non-persistent, small database, restart ------------------------------
mkconf "$D/nscd.conf" 11 no "	max-db-size		hosts		$((RANDOM%300+12000))"
start_nscd "$D/nscd.conf"
for i in $(seq 1 $((RANDOM%20+90))); do getent hosts "no-such-host-$i-$RANDOM$RANDOM.unreachable.invalid" >/dev/null; done
run_ops $((RANDOM%20+30))
stop_nscd

umount /var/cache/nscd /run/nscd /etc
cp "$LOG" "$D/nscd.full.log"
head -n 2500 "$LOG" > "$D/nscd.log"
rm -f "$LOG"
wc -l "$D/nscd.full.log" "$D/nscd.log"
