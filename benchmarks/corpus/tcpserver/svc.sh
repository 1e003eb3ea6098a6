#!/bin/sh
# served program: reads one request line, answers; never writes to stderr
exec 2>/dev/null
read -r req || exit 3
case "$req" in
  time) date -u +%s ;;
  echo*) echo "${req#echo }" ;;
  env) echo "$TCPREMOTEIP $TCPLOCALPORT ${GREETING:-none} ${QUOTA:-0}" ;;
  slow*) sleep "${req#slow }"; echo done ;;
  fail*) exit "${req#fail }" ;;
  crash) kill -9 $$ ;;
  abort) kill -6 $$ ;;
  hup) kill -1 $$ ;;
  *) echo "unknown"; exit 1 ;;
esac
exit 0
