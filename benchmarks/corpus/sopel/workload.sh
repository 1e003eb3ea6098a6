#!/bin/bash
# Randomised workload for the Sopel IRC bot against a private ngircd on 127.0.0.1:15667.
cd "$(dirname "$0")"
D=$PWD; PY=$D/venv/bin/python; SOPEL=$D/venv/bin/sopel
CFG=$D/run/bot.cfg
LOG=$D/run/logs/bot.sopel.log
mkdir -p run/logs run/home; rm -f run/logs/* run/home/*.pid run/home/bot.db run/pids; chmod 777 run run/logs run/home; chmod 666 run/bot.cfg
mkcfg() {  # $1 = server password the bot sends, $2 = extra core lines
cat > "$CFG" <<CFGEOF
[#test]
disable_commands = {'emoticons': ['shrug', 'lenny'], 'dice': ['roll']}
[#dev]
disable_plugins = calc,choose
[help]
output = base
[core]
nick = Sopelbot
user = sopelbot
name = Sopel test bot
host = 127.0.0.1
port = 15667
use_ssl = false
owner = boss
admins = helper
channels = #test,#dev
homedir = $D/run/home
logdir = $D/run/logs
pid_dir = $D/run/home
logging_level = DEBUG
log_raw = false
prefix = \.
timeout = 60
enable = admin,adminchannel,announce,calc,choose,clock,countdown,dice,emoticons,find,help,invite,lmgtfy,ping,rand,reload,seen,tell,unicode_info,units,uptime,version
db_type = sqlite
db_filename = $D/run/home/bot.db
flood_burst_lines = 20
flood_empty_wait = 0.2
server_auth_method = server
server_auth_password = $1
$2
CFGEOF
chmod 666 "$CFG"
}
NG=
start_irc() { ngircd -n -f "$D/ngircd.conf" > "$D/run/ngircd.out" 2>&1 & NG=$!; echo $NG >> run/pids; sleep 1; }
stop_irc() { kill $NG 2>/dev/null; wait $NG 2>/dev/null; }
SP=
start_bot() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$SOPEL" start -c "$CFG" "$@" > "$D/run/console.out" 2>&1 & SP=$!; echo $SP >> run/pids; sleep 4; }
stop_bot() { kill -${1:-TERM} $SP 2>/dev/null; wait $SP 2>/dev/null; }

# bot starts with no IRC server, then wrong server password
mkcfg none ""
start_bot; sleep 3; stop_bot INT
sed -i 's/^Password = .*//' ngircd.conf; sed -i 's/^\[Global\]/[Global]\nPassword = letmein/' ngircd.conf
start_irc
mkcfg wrongpass ""
start_bot; sleep 2; stop_bot
mkcfg letmein "nick_auth_method = nickserv
nick_auth_password = secret$RANDOM"
start_bot
timeout 200 "$PY" users.py $((RANDOM%30+60)) >/dev/null 2>&1
# IRC server dies while the bot is connected, then comes back
stop_irc; sleep 8; start_irc; sleep 20
timeout 120 "$PY" users.py $((RANDOM%15+20)) >/dev/null 2>&1
# restart by signal
stop_bot TERM
start_bot
timeout 120 "$PY" users.py $((RANDOM%10+15)) >/dev/null 2>&1
stop_bot INT
stop_irc
sed -i '/^Password = /d' ngircd.conf
wc -l "$LOG"
