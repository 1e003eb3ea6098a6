#!/bin/bash
# Randomised workload for speech-dispatcher (LogLevel 4, own log file, inet socket on 127.0.0.1:25560).
# Output modules: sd_generic variants running shell commands (no sound), sd_dummy (ALSA "null" device)
# and one module whose binary does not exist.  Kept log: speechd.log (first 2500 lines).
D="$(cd "$(dirname "$0")" && pwd)"
R="$D/run"
PORT=25560
rm -rf "$R"; mkdir -p "$R/conf/modules" "$R/conf/clients" "$R/logs"
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
SERVER=""
export XDG_CACHE_HOME="$R/cache" XDG_RUNTIME_DIR="$R/runtime"   # keep the server's home files in the folder
mkdir -p "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"

mkconf() {  # mkconf [extra lines...]
  {
    echo 'CommunicationMethod "inet_socket"'
    echo "Port $PORT"
    echo 'LocalhostAccessOnly 1'
    echo 'LogLevel 4'
    echo "LogDir \"$R/logs\""
    echo "DefaultVolume $((50 + $(rnd 50)))"
    echo "DefaultRate $(( $(rnd 40) - 20 ))"
    echo "DefaultLanguage \"$(pick en en de)\""
    echo "DefaultPunctuationMode \"$(pick none some all)\""
    echo "MaxHistoryMessages $((5 + $(rnd 20)))"
    echo 'SymbolsPreproc "char"'
    echo 'SymbolsPreprocFile "symbols.dic"'
    echo 'SymbolsPreprocFile "emojis.dic"'
    echo 'AudioOutputMethod "alsa"'
    echo 'AudioALSADevice "null"'
    echo 'AddModule "gen" "sd_generic" "gen.conf"'
    echo 'AddModule "slow" "sd_generic" "slow.conf"'
    echo 'AddModule "dummy" "sd_dummy" "dummy.conf"'
    echo 'AddModule "broken" "sd_nosuchsynth" "broken.conf"'
    echo 'AddModule "gen" "sd_generic" "gen-again.conf"'
    echo 'DefaultModule gen'
    echo 'LanguageDefaultModule "de" "slow"'
    echo 'BeginClient "alice:*"'
    echo '  DefaultModule slow'
    echo "  DefaultRate $(rnd 50)"
    echo 'EndClient'
    echo 'BeginClient "*:mail:*"'
    echo '  DefaultPriority "notification"'
    echo 'EndClient'
    for l in "$@"; do echo "$l"; done
  } > "$R/conf/speechd.conf"
}
cat > "$R/conf/modules/gen.conf" <<'EOT'
GenericExecuteSynth "printf '%s' \'$DATA\' > /dev/null"
AddVoice "en" "MALE1" "en"
AddVoice "de" "MALE1" "de"
EOT
cat > "$R/conf/modules/slow.conf" <<'EOT'
GenericExecuteSynth "sleep 1.5; printf '%s' \'$DATA\' > /dev/null"
AddVoice "en" "FEMALE1" "en"
AddVoice "de" "FEMALE1" "de"
EOT
: > "$R/conf/modules/dummy.conf"

start_server() {  # start_server [extra args]
  speech-dispatcher -s -C "$R/conf" -P "$R/sd.pid" "$@" >> "$R/stdout.txt" 2>&1 &
  SERVER=$!
  echo "$SERVER" >> "$R/started.pids"
  for i in $(seq 1 30); do
    python3 -c "import socket;socket.create_connection(('127.0.0.1',$PORT),1).close()" 2>/dev/null && return 0
    kill -0 "$SERVER" 2>/dev/null || return 1
    sleep 0.2
  done
}
stop_server() {
  [ -n "$SERVER" ] && kill -"${1:-TERM}" "$SERVER" 2>/dev/null
  for i in $(seq 1 20); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.3; done
  SERVER=""
}
module_pid() {  # pid of the output module child of our server whose config is $1
  local p
  for p in $(pgrep -P "$SERVER"); do
    grep -q "$1" "/proc/$p/cmdline" 2>/dev/null && { echo "$p"; return; }
  done
}
clients() {  # clients N: N clients in parallel, random kinds
  local i pids=()
  for i in $(seq 1 "$1"); do
    case $(rnd 6) in
      0) python3 "$D/ssip_client.py" $PORT garbage $((3 + $(rnd 8))) ;;
      1) python3 "$D/ssip_client.py" $PORT raw ;;
      *) python3 "$D/ssip_client.py" $PORT normal $((6 + $(rnd 14))) ;;
    esac >/dev/null 2>&1 &
    pids+=($!)
    sleep 0.$(rnd 5)
  done
  wait "${pids[@]}"
}

# --- session 1: normal use, module crash and reload, configuration reload, competing instance
mkconf
start_server -t 0
clients $((4 + $(rnd 4)))
p=$(module_pid gen.conf); [ -n "$p" ] && kill -$(pick TERM KILL) "$p"     # the synthesis module dies
clients $((4 + $(rnd 4)))
kill -USR1 "$SERVER"; sleep 1                                             # reload dead modules
clients $((4 + $(rnd 4)))
mkconf "DefaultModule $(pick gen slow)"
kill -HUP "$SERVER"; sleep 2                                               # reload configuration
kill -0 "$SERVER" 2>/dev/null || start_server -t 0                         # restart it if the reload killed it
clients $((4 + $(rnd 4)))
timeout 15 speech-dispatcher -s -C "$R/conf" -P "$R/other.pid" -t 2 >> "$R/stdout.txt" 2>&1   # second instance, port taken
clients $((4 + $(rnd 4)))
stop_server $(pick TERM INT)

# --- session 2: idle shutdown timer
mkconf "Timeout $((2 + $(rnd 2)))"
start_server
clients $((3 + $(rnd 3)))
for i in $(seq 1 25); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.4; done   # exits by itself
stop_server

# --- session 3: broken configuration on reload
mkconf
start_server -t 0
clients $((3 + $(rnd 3)))
mkconf "$(pick 'DefaultRate 500' 'DefaultVolume -300' 'LogLevel 9' 'Timeout -5' 'DefaultPitch 1000')"
kill -HUP "$SERVER"; sleep 2
stop_server

# --- session 4: module that cannot start, default module missing
mkconf
sed -i 's/^DefaultModule gen/DefaultModule nosuchmodule/; /gen-again/d' "$R/conf/speechd.conf"
echo 'GenericExecuteSynth "exit 7"' > "$R/conf/modules/gen.conf"
start_server -t 0
clients $((3 + $(rnd 3)))
p=$(module_pid slow.conf); [ -n "$p" ] && kill -KILL "$p"
clients 1
stop_server
head -n 2500 "$R/logs/speech-dispatcher.log" > "$D/speechd.log"
