#!/bin/bash
# Randomised workload for uhub (ADC hub). Log: uhub's stderr and mod_logging, both appended to uhub.log.
cd "$(dirname "$0")"
D=$PWD/run; LOG=$PWD/uhub.log; PORT=25701; ALT=25702
rm -rf "$D"; mkdir -p "$D"; : > "$LOG"
PIDS=(); IDLE=()
R() { echo $(( RANDOM % $1 )); }

write_conf() {   # $1 = extra lines
cat > "$D/uhub.conf" <<C
server_port=$PORT
server_bind_addr=127.0.0.1
server_listen_backlog=50
$( [ $(R 2) = 0 ] && echo server_alt_ports=$ALT )
max_users=$((12 + $(R 6)))
show_banner=1
show_banner_sys_info=$(R 2)
registered_users_only=0
hub_name=round23 hub $(R 100)
hub_description=test hub
hub_enabled=1
file_acl=$D/acl.conf
file_plugins=$D/plugins.conf
flood_ctl_interval=5
flood_ctl_chat=$((5 + $(R 5)))
flood_ctl_connect=20
flood_ctl_search=$((3 + $(R 3)))
flood_ctl_update=$((3 + $(R 3)))
flood_ctl_extras=6
max_send_buffer=$((16384 + $(R 4) * 4096))
max_send_buffer_soft=8192
max_recv_buffer=16384
max_chat_history=20
max_logout_log=20
obsolete_clients=$(R 2)
$1
C
}

write_plugins() {  # $1 = extra lines
cat > "$D/plugins.conf" <<C
plugin /usr/lib/uhub/mod_logging.so "file=$LOG"
plugin /usr/lib/uhub/mod_auth_simple.so "file=$D/users.txt"
plugin /usr/lib/uhub/mod_welcome.so "motd=$D/motd.txt rules=$D/rules.txt"
plugin /usr/lib/uhub/mod_chat_history.so "history_max=50 history_default=5 history_connect=$(R 4)"
plugin /usr/lib/uhub/mod_topic.so
plugin /usr/lib/uhub/mod_example.so
$1
C
}

write_acl() {  # $1 = extra lines
cat > "$D/acl.conf" <<C
deny_nick Administrator
deny_nick hubbot
deny_nick root
ban_nick spammer
deny_ip 127.0.0.66
deny_ip 127.0.0.67
$1
C
}

cat > "$D/users.txt" <<C
admin admin1 adminpw
super super1 superpw
op opuser oppass
reg reguser regpass
C
echo "Welcome %n (%c) from %a" > "$D/motd.txt"
echo "1. Be nice. 2. Share." > "$D/rules.txt"

start_hub() {
  stdbuf -oL uhub -c "$D/uhub.conf" >>"$LOG" 2>&1 &
  HUB=$!; PIDS+=($HUB); echo "$HUB" >> "$D/pids"
  sleep 0.7
}
stop_hub() {  # $1 = signal
  kill -"$1" "$HUB" 2>/dev/null; wait "$HUB" 2>/dev/null
}

client() { timeout 60 python3 adc_client.py $PORT "$@"; }

traffic() {  # $1 = rounds
  for i in $(seq "$1"); do
    r=$(R 100)
    if   [ $r -lt 30 ]; then client normal
    elif [ $r -lt 45 ]; then client registered
    elif [ $r -lt 65 ]; then client bad_login
    elif [ $r -lt 75 ]; then client garbage
    elif [ $r -lt 82 ]; then client flood
    elif [ $r -lt 90 ]; then client many
    elif [ $r -lt 95 ]; then client banned_ip
    elif [ $r -lt 98 ]; then client slow_reader
    else client idle & IDLE+=($!); fi
    if [ $(R 4) = 0 ]; then client normal & a=$!; client bad_login & b=$!; wait $a $b; fi
  done
}

# 1. failed or faulty start-ups, in random order
write_acl; write_plugins
for t in $(printf '%s\n' directive acl noplugin badplugin utf8 badusers | shuf | head -n $((3 + $(R 4)))); do
  case $t in
    directive) write_conf "no_such_option=$(R 9)" ;;
    acl)       write_acl "frobnicate_nick foo$(R 9)"; write_conf "" ;;
    noplugin)  write_acl; write_plugins "plugin /usr/lib/uhub/mod_does_not_exist_$(R 9).so"; write_conf "" ;;
    badplugin) write_plugins "plugin /usr/lib/uhub/mod_logging.so \"bogus=$(R 9)\""; write_conf "" ;;
    utf8)      write_plugins; write_conf "$(printf 'hub_description=caf\xe9 \xff')" ;;
    badusers)  write_plugins "plugin /usr/lib/uhub/mod_auth_simple.so \"file=$D/users_bad.txt\"
plugin /usr/lib/uhub/mod_auth_simple.so \"file=$D/nonexistent_users.txt\""; printf 'wizard gandalf pw\n' > "$D/users_bad.txt"; write_conf "" ;;
  esac
  start_hub
  [ $(R 2) = 0 ] && traffic 2
  kill -TERM $HUB 2>/dev/null; wait $HUB 2>/dev/null
done
write_acl; write_plugins; write_conf ""
start_hub
traffic $((20 + $(R 10)))

# 2. a second hub on the same port (bind fails)
stdbuf -oL uhub -c "$D/uhub.conf" >>"$LOG" 2>&1 & P2=$!; echo $P2 >> "$D/pids"; sleep 1; kill -TERM $P2 2>/dev/null; wait $P2 2>/dev/null

# 3. reloads with changing configuration
for round in $(seq $((4 + $(R 3)))); do
  case $(( round == 2 ? 4 : $(R 5) )) in
    0) write_acl "ban_nick troll$round"; write_plugins ;;
    1) write_acl; write_plugins "plugin /usr/lib/uhub/mod_chat_only.so" ;;
    2) write_acl "deny_ip 127.0.0.$((70 + round))
ban_nick badguy$round"; write_plugins "plugin /usr/lib/uhub/mod_chat_only.so" ;;
    3) : > "$D/acl.conf"; write_plugins "plugin /usr/lib/uhub/mod_no_guest_downloads.so" ;;
    4) write_acl; printf 'wizard gandalf pw\n' > "$D/users_bad.txt"; write_plugins "plugin /usr/lib/uhub/mod_auth_simple.so \"file=$D/users_bad.txt\"
plugin /usr/lib/uhub/mod_auth_simple.so \"file=$D/nonexistent_users.txt\"" ;;
  esac
  write_conf ""
  kill -HUP $HUB
  sleep 0.5
  traffic $((15 + $(R 12)))
done
stop_hub TERM

# 4. restart with a clean config, more traffic, then stop with SIGINT
write_acl; write_plugins; write_conf ""
start_hub
traffic $((30 + $(R 10)))
wait "${IDLE[@]}" 2>/dev/null; IDLE=()
stop_hub INT

# 5. the hub with its ACL file missing and a disabled hub
write_conf "file_acl=$D/no_such_acl.conf
hub_enabled=0"
start_hub
traffic $((3 + $(R 3)))
kill -HUP $HUB; sleep 0.5
stop_hub TERM
wait "${IDLE[@]}" 2>/dev/null
echo "done: $(wc -l < "$LOG") lines"
