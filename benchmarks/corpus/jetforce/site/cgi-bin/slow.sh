#!/bin/sh
printf '20 text/plain\r\n'
for i in 1 2 3; do echo "tick $i"; sleep 0.2; done
