#!/bin/bash
# Round-17 workload: fetchmail 6.4.37 (Debian 12 package) in daemon mode, `-v --logfile` (one -v: -v -v adds multi-line UID dumps),
# polling a private Dovecot 2.3 (IMAP/POP3, plain and TLS with a self-signed cert) and a
# misbehaving POP3 server (servers.py), delivering to an SMTP sink (servers.py, random rejects)
# or an MDA. Good and wrong passwords, unknown users, empty and full mailboxes, a server that is
# down, stalls (timeouts), certificate and TLS errors; rcfile changes, wake-ups, restarts, quit.
# All on 127.0.0.1 ports 44025/44110/44111/44112/44143/44993/44995.
# Run as root on Debian 12 (apt-get install fetchmail dovecot-imapd dovecot-pop3d openssl):
#   bash workload.sh OUT_DIR [DURATION_SECONDS]
# The kept fetchmail.log is the first 2,500 lines of the run (bash workload.sh DIR 270).
set -u
OUT=${1:?out dir}; DURATION=${2:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/f17; mkdir -p $W/run $W/mail $W/fmhome "$OUT"; rm -f "$OUT/fetchmail.log" $W/fmhome/.fetchids; touch "$OUT/fetchmail.log"
r() { echo $((RANDOM % $1)); }
# server certificate for 127.0.0.1 (trusted by the entries given sslcertfile) and a foreign CA file
openssl req -x509 -newkey rsa:2048 -nodes -keyout $W/key.pem -out $W/cert.pem -days 30 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout $W/other.key -out $W/other.pem -days 30 -subj "/CN=other.example.test" 2>/dev/null
cat > $W/dovecot.conf <<'EOF'
base_dir = /tmp/f17/run
instance_name = f17dovecot
protocols = imap pop3
listen = 127.0.0.1
log_path = /tmp/f17/dovecot.log
ssl = yes
ssl_cert = </tmp/f17/cert.pem
ssl_key = </tmp/f17/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:/tmp/f17/mail/%u
default_internal_user = dovecot
first_valid_uid = 100
auth_failure_delay = 1s
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u /tmp/f17/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=/tmp/f17/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 44143
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = 44993
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = 44110
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = 44995
  }
}
EOF
printf 'alice:{PLAIN}wonderland\nbob:{PLAIN}builder\ncarol:{PLAIN}secret42\n' > $W/users
doveadm -c $W/dovecot.conf stop 2>/dev/null; sleep 1
dovecot -c $W/dovecot.conf
python3 "$HERE/servers.py" & HELPERS=$!
sleep 1
inject() { # inject USER COUNT: drop COUNT random messages into USER's maildir
  local u=$1 n=$2 i d=$W/mail/$1
  mkdir -p $d/new $d/cur $d/tmp
  for i in $(seq 1 $n); do
    f=$d/new/$(date +%s).M$RANDOM$i.vm
    { echo "From: user$(r 50)@sender$(r 9).test"; echo "To: $u@example.test"
      echo "Subject: test $RANDOM about $(shuf -n1 -e invoice meeting report backup alert)"
      echo "Message-ID: <$RANDOM.$RANDOM@sender.test>"; echo "Date: $(date -R)"; echo
      for j in $(seq 1 $((1 + $(r 60)))); do echo "body line $j $(head -c $((10 + $(r 50))) /dev/urandom | base64 | tr -d '\n')"; done
    } > $f
  done
  chown -R dovecot:dovecot $d
}
write_rc() {
  local apw=wonderland bpw=builder cpw=secret42 certck=sslcertck good="sslcertfile $W/cert.pem"
  [ $(r 3) = 0 ] && apw=wrong$RANDOM
  [ $(r 3) = 0 ] && bpw=bad$RANDOM
  [ $(r 2) = 0 ] && certck=no\ sslcertck
  [ $(r 4) = 0 ] && good="sslcertfile $W/other.pem"
  cat > $W/fetchmailrc <<EOF
set daemon $((8 + $(r 8)))
set no bouncemail
set postmaster root
defaults timeout $((6 + $(r 5))) smtphost 127.0.0.1/44025 smtpname localuser@localhost

poll alice-pop via 127.0.0.1 service 44110 protocol pop3 uidl
   user alice there with password "$apw" is root here $( [ $(r 2) = 0 ] && echo keep || echo nokeep ) fetchall $good
poll bob-imap via 127.0.0.1 service 44143 protocol imap
   user bob there with password "$bpw" is root here $( [ $(r 2) = 0 ] && echo keep ) limit $((2000 + $(r 6000))) fetchlimit $((1 + $(r 4))) $good
poll carol-imaps via 127.0.0.1 service 44993 protocol imap
   user carol there with password "$cpw" is root here ssl $certck $( [ $(r 2) = 0 ] && echo "$good" ) mda "/bin/sh -c 'cat > /dev/null; exit \$((\$\$ % $((2 + $(r 3)))))'"
poll carol-pop3s via 127.0.0.1 service 44995 protocol pop3
   user carol there with password "$cpw" is root here ssl $certck sslfingerprint "$(printf '%02X:' $(seq 1 16) | sed 's/:$//')"
poll bob-stls via 127.0.0.1 service 44110 protocol pop3
   user bob there with password "$bpw" is root here sslproto tls1.2+ $certck $( [ $(r 2) = 0 ] && echo "$good" )
poll dave-imap via 127.0.0.1 service 44143 protocol imap
   user dave$(r 9) there with password "nope$RANDOM" is root here $good
poll weird via 127.0.0.1 service 44111 protocol pop3
   user weird there with password "w$RANDOM" is root here fetchall sslproto ''

poll deadhost via 127.0.0.1 service 44112 protocol $(shuf -n1 -e pop3 imap)
   user ghost there with password "x" is root here
poll sslplain via 127.0.0.1 service 44143 protocol imap
   user bob there with password "builder" is root here ssl
EOF
  # some entries are skipped at random in this configuration
  for e in carol-pop3s bob-stls sslplain dave-imap; do
    [ $(r 3) = 0 ] && sed -i "s/^poll $e /skip $e /" $W/fetchmailrc
  done
  chmod 600 $W/fetchmailrc
}
export FETCHMAILHOME=$W/fmhome
FM="fetchmail -f $W/fetchmailrc --pidfile $W/fetchmail.pid"
V="-v"   # one -v (protocol traces on); -v -v adds multi-line UID list dumps
inject alice 3; inject bob 2; inject carol 1
write_rc
$FM $V --logfile "$OUT/fetchmail.log" >/dev/null 2>&1
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 8) in
    0|1|2) inject $(shuf -n1 -e alice bob carol) $(r 6) ;;
    3) $FM >/dev/null 2>&1 ;;                          # wake the daemon up
    4) sleep 1; touch $W/fetchmailrc ;;
    5) write_rc ;;                                     # rcfile changed: daemon restarts itself
    6) if [ $(r 3) = 0 ]; then $FM --quit >/dev/null 2>&1; sleep 1; write_rc
         $FM $V --logfile "$OUT/fetchmail.log" >/dev/null 2>&1; fi ;;
    7) if [ $(r 2) = 0 ]; then kill -STOP $HELPERS; sleep $((4 + $(r 5))); kill -CONT $HELPERS; fi ;;
  esac
  sleep $((3 + $(r 6)))
done
$FM --quit >/dev/null 2>&1; sleep 2
kill $HELPERS; doveadm -c $W/dovecot.conf stop
