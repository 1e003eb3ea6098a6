#!/bin/sh
# stand-in for sendmail: store the message in the outgoing queue
D=/work/round30/procmail
f=$D/run/outq/msg.$$.$(date +%s%N)
cat > "$f"
case "$*" in
  *postmaster*) exit 75 ;;
esac
exit 0
