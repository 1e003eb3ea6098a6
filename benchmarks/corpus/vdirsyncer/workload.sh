#!/bin/bash
# vdirsyncer -vdebug against a Radicale server of ours, in a private network + mount namespace.
set -u
D=/work/round42/vdirsyncer
T=/tmp/round42-r42h/vd
if [ "${1:-}" != inner ]; then
  exec unshare -n -m --propagation private bash "$0" inner
fi
cd "$D" || exit 1
ip link set lo up
rm -rf $T/radicale $T/status $T/cal $T/card $T/cal2 $T/home $T/tmp
mkdir -p $T/home $T/tmp $T/radicale $T/status $T/cal/work $T/cal/home $T/card/contacts $T/cal2
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/home/.config XDG_CACHE_HOME=$T/home/.cache \
       XDG_DATA_HOME=$T/home/.local/share XDG_RUNTIME_DIR=$T/tmp PYTHONUNBUFFERED=1
V=/tmp/round42-r42h/venv-vdirsyncer/bin
RAW=$T/raw.log; : > $RAW
URL=http://127.0.0.1:45601
RP=
start_radicale() { $V/radicale --config $D/radicale.conf >> $T/radicale.out 2>&1 & RP=$!; sleep 1.5; }
stop_radicale() { kill $RP; wait $RP; RP=; }
vs() { timeout 120 $V/vdirsyncer -c $D/config -vdebug "$@" >> $RAW 2>&1; }
ev() {  # uid summary
  printf 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//r42//wl//EN\nBEGIN:VEVENT\nUID:%s\nDTSTAMP:20261201T000000Z\nDTSTART:202612%02dT%02d0000Z\nSUMMARY:%s\nEND:VEVENT\nEND:VCALENDAR\n' "$1" $((RANDOM % 28 + 1)) $((RANDOM % 24)) "$2"
}
vc() {
  printf 'BEGIN:VCARD\nVERSION:3.0\nUID:%s\nFN:%s\nN:%s;;;;\nEMAIL:%s@example.org\nEND:VCARD\n' "$1" "$2" "$2" "$1"
}
pick() { ls "$1" 2>/dev/null | grep -v '^\.' | shuf -n 1; }
names=(Alpha Budget Review Lunch Standup Retro Dentist Gym Call Party)

start_radicale
for i in 1 2 3; do ev "seed$i-r42" "Seed $i" > $T/cal/work/seed$i.ics; done
ev "home1-r42" "Home" > $T/cal/home/home1.ics
vc "card1-r42" "Ann" > $T/card/contacts/card1.vcf
yes | timeout 120 $V/vdirsyncer -c $D/config -vdebug discover cal card >> $RAW 2>&1
vs sync cal card
vs metasync cal

rounds=$((14 + RANDOM % 4))
for r in $(seq $rounds); do
  n=$((RANDOM % 4 + 1))
  for j in $(seq $n); do
    case $((RANDOM % 10)) in
      0|1|2) u="l$r-$j-$RANDOM-r42"; ev "$u" "${names[RANDOM % 10]}" > $T/cal/work/$u.ics ;;
      3) f=$(pick $T/cal/work); [ -n "$f" ] && sed -i "s/^SUMMARY:.*/SUMMARY:${names[RANDOM % 10]} edited/" $T/cal/work/$f ;;
      4) f=$(pick $T/cal/work); [ -n "$f" ] && rm -f $T/cal/work/$f ;;
      5) u="r$r-$j-$RANDOM-r42"; ev "$u" "${names[RANDOM % 10]}" > $T/tmp/put; curl -s -o /dev/null -u alice:wonderland -T $T/tmp/put -H 'Content-Type: text/calendar' $URL/alice/work/$u.ics ;;
      6) f=$(pick $T/cal/work); [ -n "$f" ] && { sed -i "s/^SUMMARY:.*/SUMMARY:local side/" $T/cal/work/$f;
           u=$(sed -n 's/^UID://p' $T/cal/work/$f); ev "$u" "remote side" > $T/tmp/put; curl -s -o /dev/null -u alice:wonderland -T $T/tmp/put -H "Content-Type: text/calendar" $URL/alice/work/$f; } ;;
      7) u="c$r-$j-$RANDOM-r42"; vc "$u" "${names[RANDOM % 10]}" > $T/card/contacts/$u.vcf ;;
      8) f=$(pick $T/card/contacts); [ -n "$f" ] && { sed -i "s/^FN:.*/FN:local/" $T/card/contacts/$f;
           u=$(sed -n 's/^UID://p' $T/card/contacts/$f); vc "$u" "remote" > $T/tmp/put; curl -s -o /dev/null -u alice:wonderland -T $T/tmp/put -H "Content-Type: text/vcard" $URL/alice/contacts/$f; } ;;
      9) f=$(pick $T/cal/home); [ -n "$f" ] && curl -s -o /dev/null -u alice:wonderland -X DELETE $URL/alice/home/$f ;;
    esac
  done
  case $((RANDOM % 12)) in
    0) vs sync bobcal ;;
    1) vs discover bobcal ;;
    2) stop_radicale; vs sync cal; start_radicale ;;
    3) vs metasync ;;
    4) timeout 60 $V/vdirsyncer -c $D/badconfig -vdebug sync >> $RAW 2>&1 ;;
    5) timeout 60 $V/vdirsyncer -c $T/missing.conf -vdebug sync >> $RAW 2>&1 ;;
    6) printf 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:no uid\nEND:VEVENT\nEND:VCALENDAR\n' > $T/cal/home/nouid$r.ics
       yes | timeout 60 $V/vdirsyncer -c $D/config -vdebug repair cal_local/home >> $RAW 2>&1 ;;
    7) vs sync cal/work ;;
    *) vs sync cal card ;;
  esac
done
vs sync
stop_radicale
sed -n '1,2500p' $RAW > $D/vdirsyncer.log
