#!/bin/sh
# hook for cmd_preexec / cmd_postexec / backup_exec: hook.sh <name> <exitcode> [sleep]
[ -n "$3" ] && sleep "$3"
exit "${2:-0}"
