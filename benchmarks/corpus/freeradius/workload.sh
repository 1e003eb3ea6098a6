#!/bin/bash
# Round-6 corpus workload: FreeRADIUS 3.2 (Debian 12 package freeradius, freeradius-utils), normal log
# file /var/log/freeradius/radius.log (debug level 0: timestamped one-line records) with auth logging
# (auth, auth_badpass, auth_goodpass, msg_denied), from a private copy of /etc/freeradius/3.0 listening on
# 127.0.0.1 / ::1 only (auth 18812, acct 18813, status 18821, a local "home server" 18830, a dead one
# 18839). DURATION seconds of randomised radtest/radclient/raw-packet clients (five in parallel) (rclient.py beside this),
# HUPs and radmin commands, one restart, then stop. Copies the log to OUT_DIR/freeradius.log.
# Run as root: bash workload.sh OUT_DIR [DURATION]
#   needs: apt-get install freeradius freeradius-utils python3
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?out dir}; DURATION=${2:-220}
R=/tmp/r6rad; D=$R/raddb; LOG=/var/log/freeradius/radius.log
mkdir -p "$OUT" $R /var/log/freeradius /run/freeradius; chown freerad:freerad /var/log/freeradius /run/freeradius
rm -rf $D; cp -a /etc/freeradius/3.0 $D
rm -f /var/log/freeradius/radutmp; : > $LOG; chown freerad:freerad $LOG

# --- configuration: private raddb, auth logging on, localhost-only listeners on private ports
sed -i "s|^raddbdir = .*|raddbdir = $D|; s|^\tcolourise = yes|\tcolourise = no|; s|^\tauth = no|\tauth = yes|;
        s|^\tauth_badpass = no|\tauth_badpass = yes|; s|^\tauth_goodpass = no|\tauth_goodpass = yes|;
        s|^\tmsg_denied = .*|\tmsg_denied = \"You are already logged in - access denied\"|" $D/radiusd.conf
python3 - "$D" <<'PY'
import sys
d = sys.argv[1]
p = d + '/sites-available/default'; s = open(p).read()
s = s.replace("\tipaddr = *\n", "\tipaddr = 127.0.0.1\n", 2)
s = s.replace("\tipv6addr = ::\t# any.  ::1 == localhost\n", "\tipv6addr = ::1\n").replace("\tipv6addr = ::\n", "\tipv6addr = ::1\n")
parts = s.split("\tport = 0\n"); assert len(parts) == 5
s = parts[0] + "\tport = 18812\n" + parts[1] + "\tport = 18813\n" + parts[2] + "\tport = 18812\n" + parts[3] + "\tport = 18813\n" + parts[4]
s = s.replace("#\tradutmp\n", "\tradutmp\n")          # accounting + session: Simultaneous-Use checking
open(p, 'w').write(s)
for name, old, new in (("status", "port = 18121", "port = 18821"), ("inner-tunnel", "port = 18120", "port = 18820"),
                       ("control-socket", "\tsocket = ${run_dir}/${name}.sock\n", "\tsocket = ${run_dir}/${name}.sock\n\tmode = rw\n")):
    p = d + '/sites-available/' + name; s = open(p).read(); assert old in s; open(p, 'w').write(s.replace(old, new))
PY
ln -sf ../sites-available/status $D/sites-enabled/status
ln -sf ../sites-available/control-socket $D/sites-enabled/control-socket
cat > $D/sites-available/r6home <<'CONF'
# a "home server" virtual server that the proxy realm good.example points at
server r6home {
	listen {
		type = auth
		ipaddr = 127.0.0.1
		port = 18830
	}
	client proxy_self {
		ipaddr = 127.0.0.1
		secret = homesecret
	}
	authorize {
		Autz-Type Status-Server {
			ok
		}
		# users "slow*" stand for a slow backend: the proxy gives up on this home server for a while
		if (&User-Name =~ /^slow/) {
			slowbackend
		}
		files
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
	}
	post-auth {
		Post-Auth-Type REJECT {
			ok
		}
	}
}
CONF
ln -sf ../sites-available/r6home $D/sites-enabled/r6home
cat > $D/mods-enabled/slowbackend <<'CONF'
# a backend lookup that takes 4 seconds (longer than the proxy's response_window for home_alive)
exec slowbackend {
	wait = yes
	program = "/bin/sleep 4"
	input_pairs = request
	shell_escape = yes
	timeout = 10
}
CONF
cat >> $D/proxy.conf <<'CONF'

home_server home_alive {
	type = auth
	ipaddr = 127.0.0.1
	port = 18830
	secret = homesecret
	response_window = 3
	zombie_period = 6
	revive_interval = 20
	status_check = status-server
	check_interval = 5
	num_answers_to_alive = 2
}
home_server home_dead {
	type = auth
	ipaddr = 127.0.0.1
	port = 18839
	secret = deadsecret
	response_window = 2
	zombie_period = 4
	revive_interval = 15
	status_check = none
}
home_server_pool pool_alive {
	type = fail-over
	home_server = home_alive
}
home_server_pool pool_dead {
	type = fail-over
	home_server = home_dead
}
realm good.example {
	auth_pool = pool_alive
	nostrip
}
realm dead.example {
	auth_pool = pool_dead
}
CONF
# Simultaneous-Use: count the sessions in radutmp without asking the NAS (checkrad)
sed -i 's/^\tcheck_with_nas = yes/\tcheck_with_nas = no/' $D/mods-available/radutmp
cat >> $D/clients.conf <<'CONF'

client nas_b {
	ipaddr = 127.0.0.2
	secret = nasbsecret
	require_message_authenticator = yes
	shortname = nas-b
}
CONF
{ cat <<'CONF'
alice	Cleartext-Password := "wonderland"
	Reply-Message := "Hello, %{User-Name}"
bob	Cleartext-Password := "builder", Simultaneous-Use := 1
	Session-Timeout := 3600
carol	Cleartext-Password := "carolpw"
	Framed-IP-Address := 192.0.2.77
dave	Auth-Type := Reject
	Reply-Message := "Account disabled"
erin	Cleartext-Password := "erinpw", Expiration := "Jan 01 2020"
frank	Cleartext-Password := "frankpw", Login-Time := "Al0000-0001"
grace	Cleartext-Password := "gracepw"
	Idle-Timeout := 600
heidi@good.example	Cleartext-Password := "heidipw"
ivan@good.example	Cleartext-Password := "ivanpw"

CONF
cat /etc/freeradius/3.0/mods-config/files/authorize; } > $D/mods-config/files/authorize
chown -R freerad:freerad $D

start() { freeradius -d $D; sleep 2; }
pid() { cat /run/freeradius/freeradius.pid; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r $#)]}"; }
AUTH=127.0.0.1:18812; ACCT=127.0.0.1:18813
rt() {  # like radtest (-t pap|chap|mschap user password server nas-port secret) but one try, 2 s timeout
  local attr=User-Password; [ $1 = chap ] && attr=CHAP-Password; [ $1 = mschap ] && attr=MS-CHAP-Password
  printf 'User-Name = "%s", %s = "%s", NAS-IP-Address = 127.0.0.1, NAS-Port = %s, Message-Authenticator = 0x00\n' "$2" $attr "$3" $5 |
    radclient -r 1 -t 2 $4 auth "$6"
}

worker() {  # $1: worker number; worker 0 also restarts the server once
W=$1; RESTARTED=0
while [ $SECONDS -lt $END ]; do
  u=$(pick alice bob carol grace frank erin dave)
  case $(r 30) in
    0|1|2) case $u in alice) p=wonderland;; bob) p=builder;; carol) p=carolpw;; grace) p=gracepw;; frank) p=frankpw;; erin) p=erinpw;; *) p=x;; esac
           radtest -t $(pick pap pap chap mschap) $u $p $AUTH $(r 40) testing123 ;;
    3|4) rt $(pick pap chap mschap) $u "wrong$RANDOM" $AUTH $(r 40) testing123 ;;
    5) rt pap $(pick mallory trent "guest$(r 500)" "user.$(r 90)" "x@nowhere.example") "pw$RANDOM" $AUTH $(r 40) testing123 ;;
    6) rt $(pick pap chap) $u "$RANDOM" $AUTH 0 "wrongsecret$(r 9)" ;;
    7|8) # accounting session: start, maybe interim, stop
       sid=$(printf %08x $RANDOM$RANDOM); port=$(r 48); who=$(pick bob alice grace carol "dyn$(r 20)")
       printf 'User-Name=%s,Acct-Status-Type=Start,Acct-Session-Id=%s,NAS-IP-Address=127.0.0.1,NAS-Port=%s,Framed-IP-Address=192.0.2.%s\n' $who $sid $port $((10 + $(r 200))) | radclient -q $ACCT acct testing123
       [ $(r 2) = 0 ] && printf 'User-Name=%s,Acct-Status-Type=Interim-Update,Acct-Session-Id=%s,NAS-IP-Address=127.0.0.1,NAS-Port=%s,Acct-Session-Time=%s,Acct-Input-Octets=%s\n' $who $sid $port $(r 600) $RANDOM | radclient -q $ACCT acct testing123
       if [ $who = bob ]; then radtest bob builder $AUTH $(r 40) testing123; fi   # second login for bob: Simultaneous-Use
       [ $(r 3) != 0 ] && printf 'User-Name=%s,Acct-Status-Type=Stop,Acct-Session-Id=%s,NAS-IP-Address=127.0.0.1,NAS-Port=%s,Acct-Session-Time=%s,Acct-Terminate-Cause=%s\n' $who $sid $port $(r 3600) $(pick User-Request Idle-Timeout Lost-Carrier) | radclient -q $ACCT acct testing123 ;;
    9) printf 'Acct-Status-Type=%s,NAS-IP-Address=127.0.0.1\n' $(pick Accounting-On Accounting-Off) | radclient -q $ACCT acct testing123 ;;
    10) echo "Message-Authenticator = 0x00, FreeRADIUS-Statistics-Type = $(pick All Authentication Accounting Client)" | radclient -q 127.0.0.1:18821 status adminsecret ;;
    11) echo "Message-Authenticator = 0x00" | radclient -r 1 -t 2 -q $AUTH status $(pick testing123 testing123 badsecret) ;;
    12) rt pap $(pick heidi@good.example ivan@good.example) $(pick heidipw ivanpw nope) $AUTH 0 testing123 ;;
    13) [ $(r 3) = 0 ] && rt pap "slow$(r 99)@good.example" pw $AUTH 0 testing123
        rt pap "$(pick ann bert cyd)$(r 99)@dead.example" pw $AUTH 0 testing123 ;;
    14) python3 "$HERE/rclient.py" unknown_client ;;
    15) python3 "$HERE/rclient.py" $(pick nas_b_nomsgauth nas_b_ok nas_b_ok) ;;
    16) python3 "$HERE/rclient.py" wrong_secret ;;
    17) python3 "$HERE/rclient.py" duplicate ;;
    18) python3 "$HERE/rclient.py" $(pick conflict duplicate_proxy) ;;
    19|20) python3 "$HERE/rclient.py" garbage ;;
    21) rt pap "" "$RANDOM" $AUTH 0 testing123 ;;
    26|27|28|29) # a NAS sending a burst of logins in one radclient run (a mix of users, passwords and methods)
       f=$R/burst.$W; : > $f
       for i in $(seq $((3 + $(r 10)))); do
         bu=$(pick alice bob carol grace erin frank dave mallory "guest$(r 300)" heidi@good.example ivan@good.example)
         case $bu in alice) bp=wonderland;; bob) bp=builder;; carol) bp=carolpw;; grace) bp=gracepw;; erin) bp=erinpw;;
                     frank) bp=frankpw;; heidi@*) bp=heidipw;; ivan@*) bp=ivanpw;; *) bp=x;; esac
         [ $(r 3) = 0 ] && bp="bad$RANDOM"
         printf 'User-Name = "%s", %s = "%s", NAS-IP-Address = 127.0.0.1, NAS-Port = %s, Message-Authenticator = 0x00\n\n' \
           $bu $(pick User-Password User-Password CHAP-Password MS-CHAP-Password) "$bp" $(r 48) >> $f
       done
       radclient -q -r 1 -t 3 -p 8 -f $f $AUTH auth testing123 ;;
    22) radmin -d $D -e "$(pick 'show client list' 'stats client auth 127.0.0.1' 'show home_server list' 'show uptime' 'show config radiusd.log.auth' 'set module state pap fail' 'set module state pap alive' 'stats home_server 127.0.0.1 18830 auth' 'show module status pap' 'no-such-command')" ;;
    23) [ $(r 3) = 0 ] && { [ $(r 2) = 0 ] && touch $D/mods-config/files/authorize; kill -HUP $(pid); } ;;
    24) [ $(r 3) = 0 ] && radmin -d $D -e "hup $(pick pap files preprocess)" ;;
    25) if [ $W = 0 ] && [ $RESTARTED = 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ]; then kill -TERM $(pid); sleep 2; start; RESTARTED=1; fi ;;
  esac >/dev/null 2>&1
  sleep 0.$((2 + $(r 7)))
done
}
start
END=$((SECONDS + DURATION))
worker 0 & worker 1 & worker 2 & worker 3 & worker 4 &
wait
sleep 2; kill -TERM $(pid); sleep 2
cp $LOG "$OUT/freeradius.log"
