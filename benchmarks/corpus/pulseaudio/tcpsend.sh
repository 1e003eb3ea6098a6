#!/bin/bash
# tcpsend.sh PORT WAIT: send stdin to 127.0.0.1:PORT, print reply for WAIT seconds
exec 3<>/dev/tcp/127.0.0.1/$1 || exit 1
cat >&3
timeout ${2:-1} cat <&3
exec 3<&- 3>&-
