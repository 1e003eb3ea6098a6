#!/bin/sh
# resetcmd for conmand: pretend to power-cycle node $1, sometimes slowly
sleep $(( $(od -An -N1 -tu1 /dev/urandom) % 3 ))
exit 0
