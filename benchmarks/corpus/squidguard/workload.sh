#!/bin/bash
# Randomised workload for squidGuard 1.6.0 (Debian 12): squid-style redirector children fed on stdin.
# Every child runs with -d, so everything squidGuard logs goes to stderr, appended to run/sg.log.
D=/work/round30/squidguard
RUN=$D/run
rm -rf "$RUN"; mkdir -p "$RUN"
LOG=$RUN/sg.log
cd "$RUN"
SG=/usr/bin/squidGuard

# --- blacklists (fresh copy, random extra entries)
cp -r "$D/db" "$RUN/db"
DB=$RUN/db
for i in $(seq $((RANDOM%5+1))); do echo "ads$RANDOM.test" >> "$DB/ads/domains"; done
for i in $(seq $((RANDOM%3+1))); do echo "porn$RANDOM.example" >> "$DB/porn/domains"; done
: > "$DB/bad/empty"; : > "$DB/bad/emptyurls"; printf '([a-z\nfoo(\n(ok|fine)\n' > "$DB/bad/expr"

base() { printf 'dbhome %s\nlogdir %s\n\n' "$DB" "$RUN"; }
VERB=$( ((RANDOM%2)) && echo "log verbose squidGuard.log" || echo "log anonymous squidGuard.log")
H1=$(printf '%02d' $((RANDOM%6+6))); H2=$(printf '%02d' $((RANDOM%5+16)))
main_conf() {
  base
  cat <<C
time workhours {
	weekly mtwhf $H1:00 - $H2:00
	date *-*-01 $H1:00 - 12:00
}
time night {
	weekly * 00:00 - 05:00
}

src admins {
	ip 127.0.0.1
	user root admin
}
src lab {
	iplist lists/lab.ips
}
src staff {
	userlist lists/staff.users
}
src guests {
	ip 127.0.2.0/24 127.0.3.1-127.0.3.20
	within night
}

dest ads {
	domainlist ads/domains
	urllist ads/urls
	expressionlist ads/expressions
	redirect http://127.0.0.1:36100/blocked?u=%u&s=%s&t=%t&a=%a&i=%i
	log squidGuard.log
}
dest porn {
	domainlist porn/domains
	redirect 302:http://127.0.0.1:36100/denied?%t
	log squidGuard.log
}
dest warez {
	domainlist warez/domains
	urllist warez/urls
	log anonymous squidGuard.log
}

acl {
	admins {
		pass any
	}
	lab within workhours {
		pass !porn !warez !ads any
	} else {
		pass !porn any
	}
	staff {
		pass !in-addr !porn !ads any
	}
	guests {
		pass none
		redirect http://127.0.0.1:36100/guest?u=%u
	}
	default {
		pass !porn !warez !ads !in-addr any
		redirect http://127.0.0.1:36100/default?u=%u&n=%n
		$VERB
	}
}
C
}
main_conf > main.conf

feed() { python3 "$D/feeder.py" "$LOG" "$@"; }

# --- 1. build the .db files (all, or a single list) and maybe apply a diff
if ((RANDOM%2)); then $SG -d -C all -c main.conf </dev/null 2>>"$LOG"
else $SG -d -C ads/domains -c main.conf </dev/null 2>>"$LOG"; $SG -d -C porn/domains -c main.conf </dev/null 2>>"$LOG"; fi
printf '+newads.test\n-adserver.test\n+ads%s.test\n' $RANDOM > "$DB/ads/domains.diff"
printf '+more.test/y\n' > "$DB/ads/urls.diff"
$SG -d -u -c main.conf </dev/null 2>>"$LOG"

# --- 2. squid starts several redirector children at once
N=$((RANDOM%3+3))
pids=()
for ((c=0;c<N;c++)); do
  feed main.conf $((RANDOM%80+160)) --hup $((RANDOM%2+1)) --garbage 0.0$((RANDOM%6+3)) --delay 0.05 & pids+=($!)
done
wait "${pids[@]}"

# --- 3. broken configurations (each child falls into emergency mode)
bad=()
bad+=("$(base; printf 'acl {\n\tfoo {\n\t\tpass any\n\t}\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'dest a {\n\tdomainlist nothere/domains\n}\nacl {\n\tdefault {\n\t\tpass !a any\n\t}\n}\n')")
bad+=("$(base; printf 'src a {\n\tip 300.1.2.3\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'src a {\n\tip 127.0.0.1/%d\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n' $((RANDOM%50+33)))")
bad+=("$(base; printf 'src a {\n\tip 127.0.0.9-127.0.0.1\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'src a {\n\tip 127.0.0.1\n}\nacl {\n\ta {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'dest a {\n\tdomainlist porn/domains\n}\nacl {\n\tdefault {\n\t\tpass !b any\n\t}\n}\n')")
bad+=("$(base; printf 'dest a {\n\tdomainlist porn/domains\n}\ndest a {\n\tdomainlist warez/domains\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'src a {\n\tip 127.0.0.1\n}\nsrc a {\n\tip 127.0.0.2\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'time t {\n\tweekly xyz 08:00 - 09:00\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'time t {\n\tdate 2026-13-45 08:00 - 09:00\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'src a {\n\tip 127.0.0.1\n}\nacl {\n\ta within nt {\n\t\tpass any\n\t}\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'dbhome /tmp\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
bad+=("$(base; printf 'acl {\n\tdefault {\n\t\tpass any\n\t\n}\n')")
bad+=("$(base; printf 'rew dmz {\n\ts@://admin/@://admin.intra.test/@i\n}\nacl {\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
for i in $(shuf -i 0-$((${#bad[@]}-1)) -n $((RANDOM%4+11))); do
  echo "${bad[$i]}" > "bad$i.conf"
  feed "bad$i.conf" $((RANDOM%3+1)) --garbage 0
done
feed nonexistent.conf 2 --garbage 0

# --- 4. configurations that start with warnings
warn=()
warn+=("$(base; printf 'src a {\n\tiplist nothere.ips\n}\nacl {\n\ta {\n\t\tpass none\n\t}\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
warn+=("$(base; printf 'src a {\n\tuserlist nothere.users\n}\nacl {\n\ta {\n\t\tpass none\n\t}\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
warn+=("$(base; printf 'dest b {\n\texpressionlist bad/expr\n\tredirect http://127.0.0.1:36100/re\n}\nacl {\n\tdefault {\n\t\tpass !b any\n\t}\n}\n')")
warn+=("$(base; printf 'dest b {\n\tdomainlist bad/empty\n\turllist bad/emptyurls\n}\nacl {\n\tdefault {\n\t\tpass !b any\n\t}\n}\n')")
warn+=("$(base; printf 'dest b {\n\tdomainlist porn/domains\n\tredirect http://127.0.0.1:36100/b\n\tlog a.log\n\tlog b.log\n}\nacl {\n\tdefault {\n\t\tpass !b any\n\t}\n}\n')")
warn+=("$(base; printf 'src a {\n\tip 127.0.0.1\n}\nacl {\n\ta {\n\t\tpass any\n\t\tlog x.log\n\t}\n\tdefault {\n\t\tpass any\n\t}\n}\n')")
warn+=("$(base; printf 'dest e {\n}\nsrc s {\n}\nacl {\n\tdefault {\n\t\tpass !e any\n\t}\n}\n')")
for i in $(shuf -i 0-$((${#warn[@]}-1)) -n $((RANDOM%2+6))); do
  echo "${warn[$i]}" > "warn$i.conf"
  feed "warn$i.conf" $((RANDOM%10+5)) --garbage 0.1
done

# --- 5. user quota: alice runs out of time
printf '%s' "$(base; printf 'src staff {\n\tuserlist lists/staff.users\n\tuserquota %d 0 hourly\n}\nacl {\n\tstaff {\n\t\tpass any\n\t}\n\tdefault {\n\t\tpass none\n\t\tredirect http://127.0.0.1:36100/quota?i=%%i\n\t\tlog squidGuard.log\n\t}\n}\n' $((RANDOM%2+1)))" > quota.conf
python3 - "$LOG" <<'P'
import subprocess, sys, time, random
p = subprocess.Popen(['/usr/bin/squidGuard', '-d', '-c', 'quota.conf'], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=open(sys.argv[1], 'ab'))
for i in range(8):
    who = random.choice(['alice', 'alice', 'bob'])
    p.stdin.write(('http://quota.test/%d 127.0.0.3/- %s GET\n' % (i, who)).encode()); p.stdin.flush()
    time.sleep(0.9)
p.stdin.close(); p.wait()
P

# --- 6. command line mistakes and the emulated clock
$SG -v </dev/null 2>>"$LOG"
$SG -$(shuf -n1 -e x Z q) </dev/null 2>>"$LOG"
$SG -t 2026-99 -c main.conf </dev/null 2>>"$LOG"
for d in 2026-01-0$((RANDOM%5+5))T$((RANDOM%8+10)):30:00 2026-01-04T03:00:00; do
  feed main.conf $((RANDOM%15+10)) --garbage 0 -- -t "$d"
done

# --- 7. lists updated on disk: stale .db removed, db missing for -u, reload of the running children
rm -f "$DB/porn/domains.db"
$SG -d -u -c main.conf </dev/null 2>>"$LOG"
pids=()
for ((c=0;c<N;c++)); do
  feed main.conf $((RANDOM%60+80)) --hup $((RANDOM%3)) --garbage 0.05 --delay 0.05 & pids+=($!)
done
feed main.conf 20 --hup 1 --bare 1 & pids+=($!)
wait "${pids[@]}"

head -n 2500 "$LOG" > "$D/squidguard.log"
wc -l "$LOG" "$D/squidguard.log"
