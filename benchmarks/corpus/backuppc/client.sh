#!/bin/bash
# client.sh RUNDIR ACTION ARGS... : one client request to the private BackupPC server
# (BackupPC_serverMesg, the CGI interface, or a raw TCP connection on 127.0.0.1:29400)
R=$1; shift; A=$1; shift
BIN=/usr/share/backuppc/bin; M=$BIN/BackupPC_serverMesg
cgi() { env -i PATH=/usr/bin:/bin GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET SERVER_NAME=127.0.0.1 \
        SERVER_PORT=29480 SCRIPT_NAME=/backuppc/index.cgi REMOTE_ADDR=127.0.0.$((RANDOM%200+2)) \
        REMOTE_USER="$1" QUERY_STRING="$2" /usr/share/backuppc/lib/realindex.cgi > /dev/null 2>&1; }
case $A in
  mesg) timeout 20 $M "$@" ;;
  restore) # restore HOSTSRC HOSTDEST NUM SHARE
    src=$1 dst=$2 num=$3 share=$4; f="restoreReq.$$.$RANDOM"; mkdir -p "$R/data/pc/$dst"
    cat > "$R/data/pc/$dst/$f" <<P
%RestoreReq = (
  'num' => '$num', 'hostSrc' => '$src', 'shareSrc' => '$share', 'pathHdrSrc' => '/',
  'hostDest' => '$dst', 'shareDest' => '$share', 'pathHdrDest' => '/restored$RANDOM',
  'fileList' => ['/sub$((RANDOM%3))', '/settings.conf'], 'user' => 'admin', 'reqTime' => $(date +%s),
);
P
    timeout 20 $M restore "$dst" "$dst" admin "$f" ;;
  archive) # archive HOST NUM [HOST NUM]...
    f="archiveReq.$$.$RANDOM"; hl=; bl=
    while [ $# -ge 2 ]; do hl="$hl'$1',"; bl="$bl'$2',"; shift 2; done
    mkdir -p "$R/data/pc/vault"
    cat > "$R/data/pc/vault/$f" <<P
%ArchiveReq = (
  'archiveloc' => '$R/archive', 'archtype' => 0, 'compression' => '$( ((RANDOM%2)) && echo /bin/gzip || echo /bin/cat )',
  'compext' => '.gz', 'parfile' => 0, 'splitsize' => '0000000', 'host' => 'vault',
  'HostList' => [$hl], 'BackupList' => [$bl], 'user' => 'admin', 'reqTime' => $(date +%s),
);
P
    timeout 20 $M archive admin vault "$f" ;;
  cgi) cgi "$@" ;;
  garbage) # raw bytes to the server's TCP port (wrong digest / junk)
    exec 3<>/dev/tcp/127.0.0.1/29400 || exit 0
    head -c 4 <&3 >/dev/null
    case $((RANDOM%3)) in
      0) printf 'AAAAAAAAAAAAAAAAAAAAAA status info\n' >&3 ;;
      1) printf 'GET / HTTP/1.0\r\n\r\n' >&3 ;;
      2) printf '%s\n' "$(head -c 45 /dev/urandom | base64 -w0)" >&3 ;;
    esac
    sleep 0.5; exec 3>&- ;;
esac
