#!/bin/bash
# fake console process: a "node" that prints boot chatter and echoes input; exits after $2 ticks
n=0
echo "node $1 console ready"
while :; do
    if read -r -t 2 line; then echo "echo: $line"; else n=$((n+1)); echo "tick $n"; fi
    [ $n -gt ${2:-100000} ] && exit 3
done
