#!/bin/sh
# local delivery agent: stores the message, or fails for some mailboxes
case "$2" in
  full*) echo "mailbox full" >&2; exit 75 ;;
  broken*) echo "permanent failure for $2" >&2; exit 1 ;;
  slow*) sleep 2 ;;
esac
mkdir -p /tmp/round34-r34a/chasquid/maildir/$3
cat > /tmp/round34-r34a/chasquid/maildir/$3/$2.$$
