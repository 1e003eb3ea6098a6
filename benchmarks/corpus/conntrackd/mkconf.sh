#!/bin/bash
# mkconf.sh NAME LOCALIP PEERIP IFACE MODE NLBUF   -> conntrackd.conf on stdout (log goes to console)
N=$1; L=$2; P=$3; I=$4; MODE=$5; NLBUF=${6:-2097152}; RUN=/tmp/round31-r31n/ctd
onoff() { [ $((RANDOM % 2)) = 0 ] && echo on || echo off; }
case $MODE in
  FTFW) BODY="ResendQueueSize $((4096 + RANDOM % 100000))
		PurgeTimeout $((1 + RANDOM % 6))
		DisableExternalCache $(onoff)
		StartupResync on";;
  NOTRACK) BODY="DisableInternalCache $(onoff)
		DisableExternalCache off
		StartupResync on";;
  ALARM) BODY="RefreshTime $((2 + RANDOM % 5))
		CacheTimeout $((10 + RANDOM % 20))";;
esac
cat <<CONF
General {
	HashSize $((1024 * (1 + RANDOM % 8)))
	HashLimit $((2048 + RANDOM % 4096))
	LogFile off
	Syslog off
	LockFile $RUN/$N.lock
	UNIX {
		Path $RUN/$N.ctl
	}
	NetlinkBufferSize $NLBUF
	NetlinkBufferSizeMaxGrowth $((NLBUF * 4))
	NetlinkOverrunResync $(onoff)
	NetlinkEventsReliable off
	Filter From Userspace {
		Protocol Accept {
			TCP
			UDP
			ICMP
		}
		Address Ignore {
			IPv4_address 127.0.0.1
			IPv4_address $L
			IPv4_address $P
		}
	}
}
Sync {
	Mode $MODE {
		$BODY
	}
	UDP Default {
		IPv4_address $L
		IPv4_Destination_Address $P
		Port 33020
		Interface $I
		SndSocketBuffer 1249280
		RcvSocketBuffer 1249280
		Checksum on
	}
	Options {
		TCPWindowTracking $(onoff)
		ExpectationSync off
	}
}
CONF
