#!/bin/sh
# args: project exitcode
code="${2:-0}"
case "$code" in ''|*[!0-9]*) code=2 ;; esac
if [ "$code" -eq 0 ]; then printf 'build of %s ok' "$1"; else printf 'build of %s failed: step %s returned %s' "$1" "$(( code % 5 + 1 ))" "$code"; fi
exit "$code"
