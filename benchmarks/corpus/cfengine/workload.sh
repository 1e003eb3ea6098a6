#!/bin/bash
# Randomised workload for cf-serverd (CFEngine 3.21); its --verbose log is the labelled one.
D=/work/round25/cfengine
PORT=43210
LOG=$D/raw.log
RUN=$D/run                      # server + client work dirs, generated policies
rm -rf "$RUN" "$D/share" "$D/secret" "$LOG"
mkdir -p "$RUN" "$D/share/sub/deeper" "$D/secret"
r() { echo $(( RANDOM % $1 )); }
for i in $(seq 1 6); do head -c $((100 + $(r 5000))) /dev/urandom > "$D/share/file$i.bin"; done
echo "text $RANDOM" > "$D/share/a.txt"; echo "nested" > "$D/share/sub/deeper/n.txt"
echo "top secret $RANDOM" > "$D/secret/key.txt"

mkwd() {  # own work dir (keys, state) for one identity
  local w=$RUN/$1; mkdir -p "$w/bin"; ln -sf /usr/bin/cf-promises "$w/bin/cf-promises"
  CFENGINE_TEST_OVERRIDE_WORKDIR=$w cf-key >/dev/null 2>&1
}
mkwd server; mkwd cA; mkwd cB; mkwd cC; mkwd cD
cat > "$RUN/runagent.cf" <<EOP
body common control { bundlesequence => { }; }
body runagent control { trustkey => "true"; encrypt => "true"; }
EOP

server_policy() {  # $1: extra marker so the file changes
  sed -e "s/@MAXCONN@/$((20 + $(r 20)))/" -e "s/@MARK@/$1/" "$D/server.cf.in" > "$RUN/server.cf"
}
validate() {  # mark the new policy as validated, as a policy update run would (state/validated_<input>)
  printf '{\n  "timestamp": %d\n}\n' "$(date +%s)" > "$RUN/server/state/validated__work_round25_cfengine_run_server_cf"
}
SRV_PID=
start_server() {
  CFENGINE_TEST_OVERRIDE_WORKDIR=$RUN/server cf-serverd -F --verbose --timestamp -f "$RUN/server.cf" >> "$LOG" 2>&1 &
  SRV_PID=$!; echo "$SRV_PID" >> "$RUN/pids"; sleep 2
}

# client policy: copy a random selection of files from the server
client_policy() { # $1 id, $2 bind address
  local f=$RUN/client-$1.cf files="" i
  local enc=$([ $(r 2) = 0 ] && echo true || echo false)
  local cmp=$(echo digest mtime hash exists binary | tr ' ' '\n' | shuf -n1)
  for i in $(seq 1 $((1 + $(r 4)))); do
    local src=$(printf '%s\n' "$D/share/file$((1 + $(r 6))).bin" "$D/share/a.txt" "$D/share/missing$(r 9).txt" \
                "$D/secret/key.txt" "$D/share/sub" "/etc/hostname" | shuf -n1)
    local dst=$RUN/out-$1/$(basename "$src")-$i
    if [ "$src" = "$D/share/sub" ]; then
      files+="    \"$dst\" copy_from => remote(\"$src\", \"$enc\", \"$cmp\"), depth_search => recurse(\"inf\");\n"
    else
      files+="    \"$dst\" copy_from => remote(\"$src\", \"$enc\", \"$cmp\");\n"
    fi
  done
  [ $(r 3) = 0 ] && files+="    \"$RUN/out-$1/\" copy_from => remote(\"$D/share\", \"$enc\", \"$cmp\"), depth_search => recurse(\"1\");\n"
  cat > "$f" <<EOP
body common control { bundlesequence => { "cl" }; }
body agent control { bindtointerface => "$2"; }
body copy_from remote(path, enc, cmp)
{
  source => "\$(path)";
  servers => { "127.0.0.1" };
  portnumber => "$PORT";
  compare => "\$(cmp)";
  encrypt => "\$(enc)";
  trustkey => "true";
  copy_backup => "false";
}
body depth_search recurse(d) { depth => "\$(d)"; }
bundle agent cl
{
  vars:
    "motd" string => remotescalar("motd", "127.0.0.1:$PORT", "$enc");
    "nokey" string => remotescalar("no_such_literal", "127.0.0.1:$PORT", "$enc");
  classes:
    "remote_ok" expression => remoteclassesmatching("^srvclass_.*", "127.0.0.1:$PORT", "$enc", "got");
  files:
$(printf "$files")
  reports:
    "motd is \$(motd)";
}
EOP
  echo "$f"
}

agent() { # $1 id, $2 bind
  local f; f=$(client_policy "$1" "$2")
  CFENGINE_TEST_OVERRIDE_WORKDIR=$RUN/$1 timeout 60 cf-agent -K -f "$f" >> "$RUN/client.out" 2>&1
}
net() { # $1 id, then cf-net command
  local id=$1; shift
  CFENGINE_TEST_OVERRIDE_WORKDIR=$RUN/$id timeout 30 cf-net -H 127.0.0.1:$PORT "$@" >> "$RUN/client.out" 2>&1
}
runagent() {
  local id=$1; shift
  CFENGINE_TEST_OVERRIDE_WORKDIR=$RUN/$id timeout 30 cf-runagent -f "$RUN/runagent.cf" -H 127.0.0.1:$PORT "$@" >> "$RUN/client.out" 2>&1
}
junk() { python3 "$D/garbage.py" $PORT "$1" "$2" 2>> "$RUN/client.out"; }

one_action() {
  case $(r 14) in
    0|1) agent cA 127.0.0.1 ;;
    2)   agent cB 127.0.0.2 ;;
    3)   agent cC 127.0.0.3 ;;
    4)   net cA stat "$(printf '%s\n' $D/share/a.txt $D/share/sub $D/secret/key.txt $D/share/nothere /etc/shadow | shuf -n1)" ;;
    5)   net cB opendir "$(printf '%s\n' $D/share $D/share/sub $D/secret /tmp | shuf -n1)" ;;
    6)   net cA get "$D/share/file$((1 + $(r 6))).bin" -o "$RUN/net-get-$(r 99).bin" ;;
    7)   net cA connect ;;
    8)   runagent cA $([ $(r 2) = 0 ] && echo "-D srvclass_one,extra_$(r 9)") ;;
    9)   runagent cB ;;
    10)  junk 127.0.0.$((1 + $(r 6))) "$(echo junk text short classic tlsbad idle version | tr ' ' '\n' | shuf -n1)" ;;
    11)  junk 127.0.0.5 classic ;;
    12)  junk 127.0.0.9 text ;;
    13)  CFENGINE_TEST_OVERRIDE_WORKDIR=$RUN/cD timeout 30 cf-net -H 127.0.0.1:$PORT connect >> "$RUN/client.out" 2>&1 ;;
  esac
}

server_policy start
start_server
for round in $(seq 1 9); do
  # several clients at once
  cp=()
  for c in $(seq 1 $((3 + $(r 4)))); do one_action & cp+=($!); done; wait "${cp[@]}"
  for c in $(seq 1 $((2 + $(r 3)))); do one_action; done
  # garbage from a random peer
  for g in 1 2; do junk 127.0.0.$((1 + $(r 6))) "$(echo junk text short classic tlsbad idle version | tr ' ' '\n' | shuf -n1)"; done
  case $(r 6) in
    0|5) server_policy "round$round"; validate; sleep 1; junk 127.0.0.1 idle ;;     # new validated policy -> reread
    1) server_policy "broken$round"; validate; echo "bundle agent broken {" >> "$RUN/server.cf"
       sleep 1; junk 127.0.0.1 idle; server_policy "fixed$round" ;;                 # invalid policy -> kept old
    2) kill -HUP $SRV_PID; sleep 2 ;;                                               # reload by signal
    3) kill -TERM $SRV_PID; wait $SRV_PID; start_server ;;                          # restart
    4) CFENGINE_TEST_OVERRIDE_WORKDIR=$RUN/server timeout 5 cf-serverd -F --verbose --timestamp \
         -f "$RUN/server.cf" >> "$RUN/second.out" 2>&1 ;;                            # second instance, port busy
  esac
  # a peer that goes away in the middle of a transfer
  f=$(client_policy cA 127.0.0.1)
  CFENGINE_TEST_OVERRIDE_WORKDIR=$RUN/cA cf-agent -K -f "$f" >> "$RUN/client.out" 2>&1 & p=$!
  sleep 0.$((1 + $(r 5))); kill -KILL $p 2>/dev/null; wait $p 2>/dev/null
done
kill -TERM $SRV_PID; wait $SRV_PID
