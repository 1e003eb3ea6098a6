#!/bin/bash
# Round-20 corpus workload: SSHGuard 2.4.2 (Debian 12 package `sshguard`), run in the foreground
# through its own `sshguard` wrapper with SSHGUARD_DEBUG=1 (verbose blocker log on stderr) and the
# null firewall backend (sshg-fw-null, which echoes its commands on stdout); stdout and stderr of the
# whole pipeline go to OUT_DIR/sshguard.log. Its log reader (sshg-logtail) follows four local log
# files fed with attack and benign lines from sshd, dropbear, dovecot, postfix, vsftpd, pure-ftpd,
# cyrus, UW imapd, courier and a web server, from IPv4 and IPv6 addresses, some whitelisted.
# Several runs (restarts) with different whitelists, blacklist files, thresholds, block times and
# subnet sizes, and a few broken configurations; each run is stopped with SIGTERM.
# Nothing is blocked for real; no network use.
# Run as root: bash workload.sh OUT_DIR     (about 4 minutes; /etc/sshguard/sshguard.conf is
# replaced while it runs and restored at the end)
set -u
OUT=${1:?out dir}
W=/tmp/sg20
LOG="$OUT/sshguard.log"
mkdir -p "$OUT"; rm -rf $W; mkdir -p $W; : > "$LOG"
CONF=/etc/sshguard/sshguard.conf
[ -f $CONF.r20bak ] || cp $CONF $CONF.r20bak
for f in auth mail ftp web; do : > $W/$f.log; done

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
ts() { date '+%b %e %H:%M:%S'; }
users=(root admin oracle test ubuntu git postgres guest pi deploy mail www)
ip4() { echo "$(pick 203.0.113 198.51.100 45.$((RANDOM%200+10)) 91.$((RANDOM%200+10)) 185.$((RANDOM%200+10))).$((RANDOM%250+1))"; }
ip6() { printf '2001:db8:%x:%x::%x' $(r 65535) $(r 65535) $((1 + $(r 65535))); }

# one attack-like (or benign) line from address $1 to a random service
attack() {
  local a=$1 p=$((RANDOM + 1024)) u=$(pick "${users[@]}") pid=$((RANDOM + 100))
  case $(r 14) in
    0) echo "$(ts) gw sshd[$pid]: Invalid user $u from $a port $p" >> $W/auth.log ;;
    1) echo "$(ts) gw sshd[$pid]: Failed password for $u from $a port $p ssh2" >> $W/auth.log ;;
    2) echo "$(ts) gw sshd[$pid]: Did not receive identification string from $a port $p" >> $W/auth.log ;;
    3) echo "$(ts) gw sshd[$pid]: error: maximum authentication attempts exceeded for $u from $a port $p ssh2 [preauth]" >> $W/auth.log ;;
    4) echo "$(ts) gw sshd[$pid]: Connection closed by authenticating user $u $a port $p [preauth]" >> $W/auth.log ;;
    5) echo "$(ts) gw dropbear[$pid]: Bad password attempt for '$u' from $a:$p" >> $W/auth.log ;;
    6) echo "$(ts) gw dovecot: $(pick imap pop3)-login: Aborted login (auth failed, $((1 + $(r 3))) attempts in $((1 + $(r 9))) secs): user=<$u>, method=PLAIN, rip=$a, lip=192.0.2.1, session=<$RANDOM$RANDOM>" >> $W/mail.log ;;
    7) echo "$(ts) gw postfix/smtpd[$pid]: warning: unknown[$a]: SASL $(pick LOGIN PLAIN) authentication failed: authentication failure" >> $W/mail.log ;;
    8) echo "$(ts) gw vsftpd[$pid]: [$u] FAIL LOGIN: Client \"$a\"" >> $W/ftp.log ;;
    9) echo "$(ts) gw pure-ftpd: (?@$a) [WARNING] Authentication failed for user [$u]" >> $W/ftp.log ;;
    10) echo "$(ts) gw cyrus/imap[$pid]: badlogin: mx [$a] plaintext $u SASL(-13): authentication failure: checkpass failed" >> $W/mail.log ;;
    11) echo "$(ts) gw courierpop3login: LOGIN FAILED, user=$u, ip=[::ffff:$a]" >> $W/mail.log ;;
    12) echo "$a - - [$(date '+%d/%b/%Y:%H:%M:%S %z')] \"GET /$(pick phpMyAdmin/index.php wp-login.php) HTTP/1.1\" 404 $(r 900) \"-\" \"Mozilla/5.0\"" >> $W/web.log ;;
    13) echo "$(ts) gw imapd[$pid]: Login failed user=$u auth=$u host=mx [$a]" >> $W/mail.log ;;
  esac
}
benign() {
  local a=$(ip4)
  case $(r 4) in
    0) echo "$(ts) gw sshd[$((RANDOM + 100))]: Accepted publickey for deploy from $a port $((RANDOM + 1024)) ssh2" >> $W/auth.log ;;
    1) echo "$(ts) gw CRON[$((RANDOM + 100))]: pam_unix(cron:session): session closed for user root" >> $W/auth.log ;;
    2) echo "$a - - [$(date '+%d/%b/%Y:%H:%M:%S %z')] \"GET /index.html HTTP/1.1\" 200 $(r 9000) \"-\" \"Mozilla/5.0\"" >> $W/web.log ;;
    3) echo "garbage line $RANDOM" >> $W/$(pick auth mail ftp).log ;;
  esac
}

# write a config and start sshguard in its own session; $1 = extra wrapper arguments
start() {
  cat > $CONF <<EOF
BACKEND="/usr/libexec/sshguard/sshg-fw-null"
FILES="$W/auth.log $W/mail.log $W/ftp.log $W/web.log"
THRESHOLD=$THRESHOLD
BLOCK_TIME=$BLOCK_TIME
DETECTION_TIME=$DETECTION_TIME
${BLACKLIST:+BLACKLIST_FILE=$BLACKLIST}
${V4NET:+IPV4_SUBNET=$V4NET}
${V6NET:+IPV6_SUBNET=$V6NET}
WHITELIST_FILE=$WHITELIST
PID_FILE=$W/sshguard.pid
EOF
  SSHGUARD_DEBUG=1 setsid /usr/sbin/sshguard "$@" >> "$LOG" 2>&1 &
  SG=$!; sleep 2
}
stop() { kill -TERM $SG 2>/dev/null; sleep 2; rm -f $W/sshguard.pid; }

# several attackers in parallel, each sending N lines at random intervals
campaign() {   # $1 seconds
  local end=$((SECONDS + $1)) attackers=() wl=("$@")
  for i in $(seq $((3 + $(r 4)))); do attackers+=("$(ip4)"); done
  attackers+=("$(ip6)" "$(pick 192.0.2.$(r 250) 198.51.100.7 127.0.0.$((1 + $(r 9))))")
  while [ $SECONDS -lt $end ]; do
    case $(r 10) in
      0|1) benign ;;
      2) attack "$(ip4)" ;;                                  # one-off scanner
      3) attack "$(pick 2001:db8:1:$(r 9)::$(r 99) $(ip6))" ;;
      4) a=$(pick "${attackers[@]}"); for i in $(seq $((2 + $(r 4)))); do attack "$a"; done ;;   # burst
      *) attack "$(pick "${attackers[@]}")" ;;
    esac
    [ $(r 8) = 0 ] && attackers[$(r ${#attackers[@]})]=$(ip4)
    sleep 0.$(r 3)
  done
}

cat > $W/whitelist1 <<EOF
# office and monitoring
192.0.2.0/24
198.51.100.7
2001:db8:1::/48
127.0.0.0/8
localhost
192.0.2.0/24
198.51.100.7
10.0.0.0/40
not_an_address!
::1
EOF
cat > $W/whitelist2 <<EOF
192.0.2.$(r 250)
10.$(r 250).0.0/16
172.16.0.0/12
2001:db8:$(printf '%x' $(r 65535))::/32
2001:db8::1
ip6-localhost
10.1.1.1/99
EOF
now=$(date +%s)
cat > $W/blacklist.db <<EOF
$((now - 86400))|100|4|203.0.113.$(r 250)
$((now - 3600))|210|4|198.51.100.$(r 250)
$((now - 600))|100|6|2001:db8:$(printf '%x' $(r 65535))::9
this is not a blacklist line
$((now - 60))|260|9|45.1.2.3
EOF

# run 1: defaults-like, whitelist file, blacklist at 60
THRESHOLD=30 BLOCK_TIME=$((4 + $(r 4))) DETECTION_TIME=120 BLACKLIST="60:$W/blacklist.db" V4NET= V6NET= WHITELIST=$W/whitelist1
start; campaign $((45 + $(r 15))); stop
# a second wrapper while one is running (pid file exists)
THRESHOLD=20 BLOCK_TIME=$((3 + $(r 4))) DETECTION_TIME=60 BLACKLIST="50:$W/blacklist.db" V4NET=24 V6NET=64 WHITELIST=$W/whitelist2
start; SSHGUARD_DEBUG=1 setsid /usr/sbin/sshguard >> "$LOG" 2>&1
# run 2: subnets, lower threshold, blacklist reloaded from run 1
campaign $((40 + $(r 15))); stop
# run 3: blacklist threshold below the abuse threshold (refused), then a missing whitelist file
THRESHOLD=40 BLOCK_TIME=5 DETECTION_TIME=60 BLACKLIST="20:$W/blacklist.db" V4NET= V6NET= WHITELIST=$W/whitelist1
start; stop
THRESHOLD=30 BLOCK_TIME=5 DETECTION_TIME=60 BLACKLIST= WHITELIST=$W/no-such-whitelist
start; stop
# run 4: whitelist given on the command line, unreadable blacklist path (refused), then the same
# with the blacklist file, /56 IPv6 blocks and longer blocks
THRESHOLD=30 BLOCK_TIME=$((5 + $(r 5))) DETECTION_TIME=300 BLACKLIST="90:/nonexistent/dir/bl.db" V4NET= V6NET=56 WHITELIST=$W/whitelist1
start -w 192.0.2.0/25 -w 198.51.100.7 -w "2001:db8:1::/48" -w localhost; stop
BLACKLIST="90:$W/blacklist.db"
start -w 192.0.2.0/25 -w 198.51.100.7 -w "2001:db8:1::/48" -w localhost; campaign $((40 + $(r 15))); stop
# run 5: plain restart with the first configuration
THRESHOLD=30 BLOCK_TIME=$((4 + $(r 4))) DETECTION_TIME=120 BLACKLIST="60:$W/blacklist.db" V4NET= V6NET= WHITELIST=$W/whitelist2
start; campaign $((30 + $(r 15))); stop
cp $CONF.r20bak $CONF && rm -f $CONF.r20bak
