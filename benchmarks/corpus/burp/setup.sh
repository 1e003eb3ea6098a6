#!/bin/bash
# Fresh state for the burp workload: server spool/CA, client configs and small trees, all in /work/round23/burp/run
B=/work/round23/burp
R=$B/run
rm -rf $R; mkdir -p $R/clientconfdir $R/spool $R/clients $R/data $R/restore
mkclient() { # name password [extra server-side options...]
  local c=$1 pw=$2; shift 2
  printf 'password = %s\n' "$pw" > $R/clientconfdir/$c
  for o in "$@"; do echo "$o" >> $R/clientconfdir/$c; done
}
mkcconf() { # name password
  local c=$1 pw=$2 d=$R/clients/$1
  mkdir -p $d/csr
  cat > $d/burp.conf <<EOC
mode = client
server = 127.0.0.1:25410
status_port = 25411
password = $pw
cname = $c
pidfile = $d/burp.client.pid
syslog = 0
stdout = 1
progress_counter = 0
server_can_restore = 0
ca_burp_ca = /usr/sbin/burp_ca
ca_csr_dir = $d/csr
ssl_cert_ca = $d/ssl_cert_ca.pem
ssl_cert = $d/ssl_cert-client.pem
ssl_key = $d/ssl_cert-client.key
ssl_peer_cn = burpserver
include = $R/data/$c
nobackup = .nobackup
exclude_ext = tmp
EOC
}
mkclient alpha pw-alpha
mkclient bravo pw-bravo "keep = 2"
mkclient charlie pw-charlie "client_can_delete = 0" "client_can_restore = 0"
mkclient delta pw-delta "client_can_list = 0" "client_can_diff = 0" "client_can_verify = 0"
mkclient echo pw-echo "client_can_force_backup = 0" "timer_arg = 20h" "timer_arg = Mon,03"
mkclient foxtrot pw-foxtrot "restore_client = alpha"
for c in alpha bravo charlie delta echo foxtrot; do mkcconf $c pw-$c; done
# clients the server does not know, or that use the wrong password
mkcconf ghost pw-ghost
mkcconf alpha_badpw wrong-password; sed -i 's/^cname = alpha_badpw/cname = alpha/' $R/clients/alpha_badpw/burp.conf
for c in alpha bravo charlie delta echo foxtrot; do
  mkdir -p $R/data/$c/docs $R/data/$c/src/lib $R/data/$c/skip
  touch $R/data/$c/skip/.nobackup
  for i in $(seq 1 $((3 + RANDOM % 6))); do head -c $((RANDOM * 3)) /dev/urandom > $R/data/$c/docs/file$i.bin; done
  for i in $(seq 1 $((2 + RANDOM % 4))); do seq 1 $((RANDOM % 3000)) > $R/data/$c/src/lib/mod$i.txt; done
  echo scratch > $R/data/$c/src/junk.tmp
  ln -sf docs/file1.bin $R/data/$c/link1
done
