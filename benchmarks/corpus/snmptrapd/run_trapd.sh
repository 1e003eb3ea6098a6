#!/bin/sh
# starts snmptrapd in the foreground; $1 = config, $2 = log; prints nothing (pid in pidfile)
S=/tmp/round35-r35e/snmp
export SNMP_PERSISTENT_DIR=$S/persist SNMPCONFPATH=$S/persist MIBS= MIBDIRS=/usr/share/snmp/mibs
exec /usr/sbin/snmptrapd -f -C -c "$1" -Le -p $S/snmptrapd.pid 2>>"$2" \
  -Dsnmptrapd,snmptrapd:auth,read_config:traphandle,read_config:forward,usm,snmp_parse_var_op \
  udp:127.0.0.1:48100
