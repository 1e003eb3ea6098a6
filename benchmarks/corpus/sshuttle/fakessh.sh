#!/bin/sh
# Stand-in for ssh (sshuttle --ssh-cmd): starts the remote side in the server namespace r44hsrv,
# with that side's own resolv.conf. Arguments: [-p PORT] HOST [--] COMMAND
for a; do last=$a; done
host=
while [ $# -gt 0 ]; do case $1 in -p) shift 2;; --) break;; *) host=${host:-$1}; shift;; esac; done
case $host in
  srv|root@srv) ;;
  *) exit 255 ;;
esac
exec ip netns exec r44hsrv unshare -m sh -c 'mount --bind /tmp/round44-r44h/sshuttle/srv-resolv.conf /etc/resolv.conf; echo $$ > /tmp/round44-r44h/sshuttle/remote.pid; exec /bin/sh -c "$0"' "$last"
