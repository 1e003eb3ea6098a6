#!/bin/bash
# Randomised workload for the BOINC client, driven with boinccmd against fake local projects.
# Ports: 45100 GUI RPC, 45110 project "alpha" (well behaved), 45111 project "beta" (flaky),
#        45112 nothing listening (dead project), 45113 project "gamma" (killed mid-run)
D=/work/round25/boinc
DATA=$D/data
LOG=$D/boinc.raw
PY=/usr/bin/python3
PW=pw25
cd "$D" || exit 1
rm -rf "$DATA" "$LOG" "$D/run"
mkdir -p "$DATA" "$D/run"
: > "$D/run/pids"

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

write_cc_config() {
  local extra=$1
  cat > "$DATA/cc_config.xml" <<EOF
<cc_config>
  <log_flags>
    <task>1</task>
    <file_xfer>1</file_xfer>
    <sched_ops>1</sched_ops>
    <benchmark_debug>1</benchmark_debug>
    <checkpoint_debug>1</checkpoint_debug>
    <coproc_debug>1</coproc_debug>
    <cpu_sched>1</cpu_sched>
    <cpu_sched_debug>1</cpu_sched_debug>
    <dcf_debug>1</dcf_debug>
    <disk_usage_debug>1</disk_usage_debug>
    <file_xfer_debug>1</file_xfer_debug>
    <network_status_debug>1</network_status_debug>
    <notice_debug>1</notice_debug>
    <priority_debug>1</priority_debug>
    <proxy_debug>1</proxy_debug>
    <sched_op_debug>1</sched_op_debug>
    <slot_debug>1</slot_debug>
    <state_debug>1</state_debug>
    <statefile_debug>1</statefile_debug>
    <task_debug>1</task_debug>
    <time_debug>1</time_debug>
    <trickle_debug>1</trickle_debug>
    <unparsed_xml>1</unparsed_xml>
    <work_fetch_debug>1</work_fetch_debug>
    $extra
  </log_flags>
  <options>
    <max_file_xfers_per_project>2</max_file_xfers_per_project>
    <dont_contact_ref_site>1</dont_contact_ref_site>
    <ncpus>$((1 + $(r 2)))</ncpus>
  </options>
</cc_config>
EOF
}

write_prefs() {
  cat > "$DATA/global_prefs_override.xml" <<EOF
<global_preferences>
  <run_if_user_active>1</run_if_user_active>
  <suspend_cpu_usage>0</suspend_cpu_usage>
  <cpu_usage_limit>100</cpu_usage_limit>
  <max_ncpus_pct>100</max_ncpus_pct>
  <work_buf_min_days>0.0$((1 + $(r 5)))</work_buf_min_days>
  <work_buf_additional_days>0.01</work_buf_additional_days>
  <disk_max_used_gb>$(pick 10 20 0.000001)</disk_max_used_gb>
</global_preferences>
EOF
}

start_bg() { # name cmd...
  local name=$1; shift
  "$@" > "$D/run/$name.out" 2>&1 &
  echo "$! $name" >> "$D/run/pids"
  eval "PID_${name}=$!"
}

BOINC_PID=
start_boinc() {
  local opts=(--dir "$DATA" --gui_rpc_port 45100 --no_gpus --no_info_fetch
              --sched_retry_delay_min 5 --sched_retry_delay_max 30
              --pers_retry_delay_min 5 --pers_retry_delay_max 30 --insecure)
  [ $(r 2) = 0 ] && opts+=(--skip_cpu_benchmarks)
  boinc "${opts[@]}" >> "$LOG" 2>&1 &
  BOINC_PID=$!
  echo "$BOINC_PID boinc" >> "$D/run/pids"
  for i in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/45100) 2>/dev/null && return 0
    sleep 0.2
  done
}

stop_boinc() {
  if [ "$1" = rpc ]; then bc --quit; else kill -TERM "$BOINC_PID"; fi
  for i in $(seq 1 100); do kill -0 "$BOINC_PID" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$BOINC_PID" 2>/dev/null && kill -KILL "$BOINC_PID"
  wait "$BOINC_PID" 2>/dev/null
}

bc() { timeout 20 boinccmd --host 127.0.0.1:45100 --passwd "$PW" "$@" >> "$D/run/boinccmd.out" 2>&1; }
bc_badpw() { timeout 20 boinccmd --host 127.0.0.1:45100 --passwd "nope$RANDOM" "$@" >> "$D/run/boinccmd.out" 2>&1; }

garbage_rpc() {
  $PY - <<'EOF'
import os, random, socket, time
s = socket.create_connection(("127.0.0.1", 45100), timeout=5)
k = random.randint(0, 4)
try:
    if k == 0:
        s.sendall(os.urandom(random.randint(4, 200)) + b"\003")
    elif k == 1:
        s.sendall(b"<boinc_gui_rpc_request>\n<no_such_rpc/>\n</boinc_gui_rpc_request>\n\003")
    elif k == 2:
        s.sendall(b"<boinc_gui_rpc_request>\n<get_host_info/>\n</boinc_gui_rpc_request>\n\003")
    elif k == 3:
        s.sendall(b"GET / HTTP/1.0\r\n\r\n\003")
    time.sleep(random.uniform(0.2, 1.0))
    s.recv(4096)
except OSError:
    pass
s.close()
EOF
}

P1=http://127.0.0.1:45110/
P2=http://127.0.0.1:45111/
P3=http://127.0.0.1:45112/
P4=http://127.0.0.1:45113/
PROJS=($P1 $P2 $P3 $P4)

task_name() { # first task name of a project from get_tasks
  timeout 20 boinccmd --host 127.0.0.1:45100 --passwd "$PW" --get_tasks 2>/dev/null \
    | awk -v u="$1" '/^   name: /{n=$2} /project URL: /{if ($3==u) {print n; exit}}'
}
xfer_name() {
  timeout 20 boinccmd --host 127.0.0.1:45100 --passwd "$PW" --get_file_transfers 2>/dev/null \
    | awk '/^   name: /{print $2; exit}'
}

actions() {
  local n=$1
  for step in $(seq 1 "$n"); do
    case $(r 40) in
      0|1|34|35|36) bc --project "$(pick "${PROJS[@]}")" update ;;
      2) p=$(pick "${PROJS[@]}"); bc --project "$p" suspend; sleep 3; bc --project "$p" resume ;;
      3) bc --project "$(pick "${PROJS[@]}")" resume ;;
      4) p=$(pick "${PROJS[@]}"); bc --project "$p" nomorework; sleep 3; bc --project "$p" allowmorework ;;
      5) bc --project "$(pick "${PROJS[@]}")" allowmorework ;;
      37|38|39) sleep 5 ;;
      6) bc --set_run_mode "$(pick auto never)"; sleep 2; bc --set_run_mode always ;;
      7) bc --set_network_mode "$(pick auto never)"; sleep 2; bc --set_network_mode always ;;
      8) bc --set_gpu_mode "$(pick always auto never)" ;;
      9) bc --read_cc_config ;;
      10) write_prefs; bc --read_global_prefs_override ;;
      11) bc --get_state ;;
      12) bc --get_tasks ;;
      13) bc --get_messages 0 ;;
      14) bc --get_notices 0 ;;
      15) bc --network_available ;;
      16) bc_badpw --get_state ;;
      17) garbage_rpc ;;
      18) t=$(task_name "$(pick $P1 $P2 $P4)"); [ -n "$t" ] && bc --task "$(pick $P1 $P2 $P4)" "$t" "$(pick suspend resume abort resume)" ;;
      19) bc --task "$P1" "no_such_task_$RANDOM" "$(pick suspend abort)" ;;
      20) f=$(xfer_name); [ -n "$f" ] && bc --file_transfer "$P1" "$f" "$(pick retry abort retry)" ;;
      21) bc --project_attach "$(pick $P3 $P1 http://127.0.0.1:45119/ not_a_url)" "auth_$RANDOM" ;;
      22) bc --lookup_account "$(pick $P1 $P2 $P3)" "user$RANDOM@example.org" "secret$RANDOM" ;;
      23) bc --create_account "$(pick $P1 $P2)" "user$RANDOM@example.org" "secret$RANDOM" "user$RANDOM" ;;
      24) bc --join_acct_mgr "http://127.0.0.1:45110/" "am$RANDOM" "pw$RANDOM" ;;
      25) bc --acct_mgr info ;;
      26) bc --get_project_config "$(pick $P1 $P2 $P3)" ;;
      27) [ $(r 3) = 0 ] && bc --run_benchmarks ;;
      28) bc --get_file_transfers; bc --get_disk_usage; bc --get_cc_status ;;
      29) bc --reset_host_info ;;
      30) bc --acct_mgr "$(pick sync detach info)" ;;
      31) bc --set_host_info "box$RANDOM" ;;
      32) bc --get_project_status; bc --get_old_tasks; bc --get_app_config "$P1" ;;
      33) bc --project "$P2" detach_when_done; sleep 1; bc --project "$P2" dont_detach_when_done ;;
    esac
    sleep "$(r 4).$((RANDOM % 10))"
  done
}

# ---- run
start_bg alpha $PY "$D/fakeproject.py" 45110 alpha
start_bg beta $PY "$D/fakeproject.py" 45111 beta flaky
start_bg gamma $PY "$D/fakeproject.py" 45113 gamma
echo -n "$PW" > "$DATA/gui_rpc_auth.cfg"
sleep 1
ROUNDS=$((4 + $(r 2)))
for round in $(seq 1 "$ROUNDS"); do
  write_cc_config "$( [ $(r 2) = 0 ] && echo '<rr_simulation>1</rr_simulation>')"
  write_prefs
  # anonymous platform: a local app for attached projects (picked up at client start)
  for pd in "$DATA"/projects/127.0.0.1_4511[03]; do
    [ -d "$pd" ] || continue
    [ $(r 4) = 0 ] && continue
    cp "$D/fakeapp.sh" "$pd/fakeapp.sh"; chmod +x "$pd/fakeapp.sh"
    cp "$D/app_info.xml" "$pd/app_info.xml"
  done
  start_boinc
  sleep 2
  bc --set_network_mode always
  bc --set_run_mode always
  if [ "$round" = 1 ]; then
    bc --project_attach "$P1" "auth_alpha_1"
    sleep 3
    bc --project_attach "$P2" "auth_beta_1"
    bc --project_attach "$P3" "auth_dead_1"
    bc --project_attach "$P4" "$(pick auth_gamma_1 bad_gamma_key)"
    bc --project_attach "$P1" "auth_alpha_1"
  fi
  if [ "$round" = 1 ]; then actions $((4 + $(r 4))); else actions $((15 + $(r 15))); fi
  if [ $(r 2) = 0 ]; then
    # a project server dies, comes back later
    kill "$PID_gamma"; wait "$PID_gamma" 2>/dev/null
    bc --project "$P4" update
    actions $((5 + $(r 6)))
    start_bg gamma $PY "$D/fakeproject.py" 45113 gamma
  fi
  if [ $(r 3) = 0 ]; then
    bc --project "$(pick $P2 $P4 $P3)" "$(pick reset detach)"
  fi
  actions $((8 + $(r 10)))
  stop_boinc "$(pick rpc rpc term)"
  sleep 1
done

while read -r pid name; do
  [ "$name" = boinc ] && continue
  kill "$pid" 2>/dev/null
done < "$D/run/pids"
wait 2>/dev/null
echo "lines: $(wc -l < "$LOG")"
head -n 2500 "$LOG" > "$D/boinc.log"
