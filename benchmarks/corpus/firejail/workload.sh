#!/bin/bash
# firejail workload: run as root; re-executes itself inside private net+mount namespaces.
RANDOM=7246
D=/work/round46/firejail
W=/tmp/round46-r46f/fjwork
if [ -z "$R46NS" ]; then exec "$D/ns.sh" env R46NS=1 bash "$D/workload.sh" "$@"; fi
set -m
cd "$D" || exit 1
rm -rf "$W" /tmp/round46-r46f/fjw; mkdir -p "$W" /tmp/round46-r46f/fjw; echo s > /tmp/round46-r46f/fjw/secret
RAW=$W/raw.log; : > "$RAW"
FJ(){ stdbuf -oL -eL firejail --debug "$@" >> "$RAW" 2>&1; }
OPTS=(--net=none --private --private-tmp --private-dev --seccomp --seccomp=mount,umount2 --caps.drop=all --caps.keep=chown,kill
 --nonewprivs --rlimit-nofile=64 --rlimit-nproc=50 --rlimit-fsize=1000000 --whitelist=/tmp/round46-r46f/fjw --blacklist=/usr/bin/wget
 --read-only=/tmp/round46-r46f/fjw --private-etc=passwd,group,hostname --hostname=box1 --ipc-namespace --nogroups --machine-id
 --protocol=unix,inet --env=FOO=bar --nice=5 --nosound --no3d --disable-mnt --private-cwd --tmpfs=/tmp/round46-r46f/fjw --noroot
 --memory-deny-write-execute --netfilter --x11=none --seccomp.drop=chmod,chown --restrict-namespaces)
BAD=(--nosuchoption --rlimit-as=abc --caps.drop=foo --private=/nonexistent/dir --whitelist=/nonexistent/x --net=eth9 --dns=notanip
 --rlimit-nofile=-5 --nice=abc --hostname= --env=NOEQUALS --tmpfs=relative --seccomp.keep= --protocol=bogus --timeout=xx)
CMDS=("/bin/true" "/bin/false" "/bin/sh -c 'exit 3'" "/bin/sleep 0.3" "/bin/sh -c 'ls / >/dev/null'" "/bin/sh -c 'cat /tmp/round46-r46f/fjw/secret >/dev/null 2>&1'"
 "/bin/sh -c 'touch /tmp/round46-r46f/fjw/x 2>/dev/null'")
PROFS=(strict seccomp bad missinc)
# one run with the default profile of /etc/firejail
FJ -- /bin/true
for run in $(seq 1 60); do
  args=()
  case $((RANDOM%12)) in
    0|1|2|3|4|5) args+=(--noprofile); for k in $(seq 1 $((RANDOM%4))); do args+=("${OPTS[RANDOM%${#OPTS[@]}]}"); done;;
    6|7) args+=(--profile=$D/profiles/${PROFS[RANDOM%4]}.profile);;
    8) args+=(--noprofile "${BAD[RANDOM%${#BAD[@]}]}");;
    9) args+=(--profile=/nonexistent/none.profile);;
    10) args+=(--noprofile --name=jbox$run); eval "FJ ${args[*]} -- /bin/sleep 2" & BG=$!; sleep 1
        FJ --join=jbox$run -- /bin/true; FJ --join=nosuchbox$run -- /bin/true; FJ --list; wait $BG; continue;;
    11) if [ $((RANDOM%3)) = 0 ]; then args+=(); else args+=(--noprofile --timeout=00:00:01); fi;;
  esac
  cmd=${CMDS[RANDOM%${#CMDS[@]}]}
  eval "FJ ${args[*]} -- $cmd"
done
sed -n '1,2500p' "$RAW" > "$D/firejail.log"
rm -rf "$W" /tmp/round46-r46f/fjw
