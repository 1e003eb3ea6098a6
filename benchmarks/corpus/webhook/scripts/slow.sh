#!/bin/sh
sleep "${1:-1}" 2>/dev/null || sleep 1
printf 'slept %s' "$1"
