#!/bin/bash
# mkconf.sh NAME LISTENPORT OTHERNAME OTHERPORT LOGFILE OTHERFLAGS  -> writes run/NAME/egg.conf
name=$1; lport=$2; other=$3; oport=$4; logf=$5; oflags=$6
d=/work/round23/eggdrop/run/$name
mkdir -p $d/filesys/incoming $d/logs
cat > $d/egg.conf <<CONF
set username "$name"
set admin "tester <email: tester@localhost>"
set network "TestNet"
set timezone "UTC"
set offset "0"
set max-logs 5
set max-logsize 0
set quick-logs 1
set raw-log 0
logfile bcdjklmopswx * "$logf"
set log-time 1
set timestamp-format {[%H:%M:%S]}
set keep-all-logs 0
set switch-logfiles-at 300
set quiet-save 0
set console "mkcobxs"
set botnet-nick "$name"
set userfile "$name.user"
set pidfile "pid.$name"
set help-path "/usr/share/eggdrop/help/"
set text-path "/usr/share/eggdrop/text/"
set motd "/usr/share/eggdrop/text/motd"
set telnet-banner "/usr/share/eggdrop/text/banner"
set userfile-perm 0600
set ssl-privatekey "$d/../egg.key"
set ssl-certificate "$d/../egg.crt"
set vhost4 "127.0.0.1"
set listen-addr "127.0.0.1"
set prefer-ipv6 0
listen $lport all
set remote-boots 2
set share-unlinks 1
set protect-telnet 0
set dcc-sanitycheck 0
set ident-timeout 2
set require-p 1
set open-telnets 0
set stealth-telnets 0
set use-telnet-banner 1
set connect-timeout 10
set dcc-flood-thr 3
set telnet-flood 8:4
set paranoid-telnet-flood 1
set ignore-time 1
set hourly-updates 00
set notify-newusers "boss"
set owner "boss"
set default-flags "hp"
set whois-fields "url birthday"
set must-be-owner 1
set max-socks 100
set allow-dk-cmds 1
set dupwait-timeout 5
set strict-host 0
set cidr-support 0
set mod-path "/usr/lib/eggdrop/modules/"
loadmodule blowfish
loadmodule channels
set chanfile "$name.chan"
set force-expire 0
set share-greet 0
set use-info 1
set allow-ps 0
set default-flood-chan 8:30
set default-flood-deop 3:10
set default-flood-kick 3:10
set default-flood-join 5:60
set default-flood-ctcp 3:60
set default-flood-nick 5:60
set default-aop-delay 1:3
set default-idle-kick 0
set default-chanmode "nt"
set default-stopnethack-mode 0
set default-revenge-mode 0
set default-ban-type 3
set default-ban-time 120
set default-exempt-time 60
set default-invite-time 60
set default-chanset {
        +autoop         +autovoice
        -bitch          +cycle
        +dontkickops    +dynamicbans
        +dynamicexempts +dynamicinvites
        +enforcebans    +greet
        -inactive       -nodesynch
        -protectfriends +protectops
        -revenge        -revengebot
        -secret         +seen
        +shared         +statuslog
        +userbans       +userexempts
        +userinvites    -protecthalfops
        -autohalfop     -static
}
loadmodule server
set net-type 5
set nick "$name"
set altnick "${name}?"
set realname "test bot $name"
set default-port 25500
set servers {
  127.0.0.1:25500
  127.0.0.1:25599
}
set msg-rate 1
set keep-nick 1
set quiet-reject 0
set lowercase-ctcp 0
set answer-ctcp 3
set flood-msg 60:10
set flood-ctcp 30:10
set server-cycle-wait 5
set server-timeout 10
set check-stoned 1
set serverror-quit 1
set max-queue-msg 300
set trigger-on-ignore 0
set exclusive-binds 0
set double-mode 1
set double-server 1
set double-help 1
set optimize-kicks 1
set stack-limit 4
loadmodule ctcp
set ctcp-mode 0
loadmodule irc
set bounce-bans 0
set bounce-modes 0
set max-bans 30
set max-modes 30
set learn-users 1
set wait-split 600
set wait-info 180
set mode-buf-length 200
set opchars "@"
set no-chanrec-info 0
loadmodule transfer
set max-dloads 3
set dcc-block 0
set copy-to-tmp 1
set xfer-timeout 30
loadmodule share
set allow-resync 0
set resync-time 900
set private-global 0
set private-user 0
set override-bots 0
loadmodule filesys
set files-path "$d/filesys"
set incoming-path "$d/filesys/incoming"
set upload-to-pwd 0
set filedb-path ""
set max-file-users 20
set max-filesize 1024
loadmodule notes
set notefile "$name.notes"
set max-notes 50
set note-life 60
set allow-fwd 0
set notify-users 1
set notify-onjoin 1
loadmodule console
set console-autosave 1
set force-channel 0
set info-party 0
loadmodule seen
loadmodule uptime
loadmodule assoc
source /usr/share/eggdrop/scripts/alltools.tcl
source /usr/share/eggdrop/scripts/action.fix.tcl
source /usr/share/eggdrop/scripts/dccwhois.tcl
source /usr/share/eggdrop/scripts/userinfo.tcl
loadhelp userinfo.help
channel add #egg
channel add #lobby { +secret -greet }
bind evnt - userfile-loaded setup:users
proc setup:users {type} {
  foreach {h p f m} {boss bosspass jmnoptx boss*!*@* friend friendpass fo friend*!*@* plain plainpass p plain*!*@* mean meanpass dk mean*!*@*} {
    if {![validuser \$h]} { adduser \$h \$m; setuser \$h PASS \$p; chattr \$h +\$f }
  }
  if {![validuser $other]} { addbot $other 127.0.0.1:$oport; chattr $other +$oflags }
}
CONF
