#!/bin/sh
# manual-auth / manual-cleanup hook: publish or clear the dns-01 TXT record in pebble-challtestsrv
# usage: dns-hook.sh set|clear|fail|skip
MGMT=http://127.0.0.1:24055
case "$1" in
  set)   curl -s -X POST -d "{\"host\":\"_acme-challenge.$CERTBOT_DOMAIN.\",\"value\":\"$CERTBOT_VALIDATION\"}" $MGMT/set-txt; echo "published TXT for $CERTBOT_DOMAIN" ;;
  clear) curl -s -X POST -d "{\"host\":\"_acme-challenge.$CERTBOT_DOMAIN.\"}" $MGMT/clear-txt; echo "cleared $CERTBOT_DOMAIN" ;;
  fail)  echo "cannot reach DNS provider for $CERTBOT_DOMAIN" >&2; exit 3 ;;
  skip)  echo "not publishing anything for $CERTBOT_DOMAIN" ;;
esac
