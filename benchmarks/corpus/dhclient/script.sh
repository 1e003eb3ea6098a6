#!/bin/sh
# minimal dhclient script: configure the address (the $R39B_FAIL_FILE test never fires: dhclient does not pass that variable)
exec 2>/dev/null
case "$reason" in
  PREINIT) ip link set dev "$interface" up ;;
  BOUND|RENEW|REBIND|REBOOT)
    ip -4 addr flush dev "$interface"
    ip -4 addr add "$new_ip_address/24" dev "$interface" ;;
  EXPIRE|FAIL|RELEASE|STOP) ip -4 addr flush dev "$interface" ;;
esac
if [ -n "$R39B_FAIL_FILE" ] && [ -f "$R39B_FAIL_FILE" ] && { [ "$reason" = BOUND ] || [ "$reason" = REBOOT ]; }; then
  rm -f "$R39B_FAIL_FILE"; exit 1
fi
exit 0
