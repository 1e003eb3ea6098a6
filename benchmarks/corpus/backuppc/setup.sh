#!/bin/bash
# setup.sh RUNDIR : private BackupPC config (ConfDir bind-mounted by workload.sh), data dirs,
# client directories and an rsync daemon config, all under RUNDIR
R=$1; D=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$R"/{etc,data,log,run,src,archive,rsyncd}
cp /etc/backuppc/config.pl "$R/etc/config.pl"
cat >> "$R/etc/config.pl" <<CONF

# ---- workload overrides ----
\$Conf{TopDir}     = '$R/data';
\$Conf{ConfDir}    = '/etc/backuppc';
\$Conf{LogDir}     = '$R/log';
\$Conf{RunDir}     = '$R/run';
\$Conf{BackupPCUser} = 'root';
\$Conf{ServerHost} = '127.0.0.1';
\$Conf{ServerPort} = 29400;
\$Conf{ServerMesgSecret} = 'workload-secret';
\$Conf{WakeupSchedule} = [1..23];
\$Conf{MaxBackups} = 6;
\$Conf{MaxUserBackups} = 3;
\$Conf{MaxBackupPCNightlyJobs} = 2;
\$Conf{BackupPCNightlyPeriod} = 1;
\$Conf{FullPeriod} = 0.00001;
\$Conf{IncrPeriod} = 0.00001;
\$Conf{FullKeepCnt} = 2;
\$Conf{IncrKeepCnt} = 2;
\$Conf{FillCycle} = 2;
\$Conf{BlackoutPeriods} = [];
\$Conf{XferMethod} = 'rsync';
\$Conf{XferLogLevel} = 2;
\$Conf{RsyncSshArgs} = ['-e', '$D/localssh.sh'];
\$Conf{RsyncClientPath} = '/usr/bin/rsync';
\$Conf{TarClientCmd} = '$D/localssh.sh \$host env LC_ALL=C \$tarPath -c -v -f - -C \$shareName+ --totals';
\$Conf{TarClientRestoreCmd} = '$D/localssh.sh \$host env LC_ALL=C \$tarPath -x -p --numeric-owner --same-owner -v -f - -C \$shareName+';
\$Conf{RsyncdClientPort} = 29873;
\$Conf{PingMaxMsec} = 200;
\$Conf{SendmailPath} = '/bin/true';
\$Conf{SmbClientPath} = '/bin/true';
\$Conf{NmbLookupPath} = '/bin/true';
\$Conf{SshPath} = '$D/localssh.sh';
\$Conf{EMailNotifyMinDays} = 0;
\$Conf{ArchiveDest} = '$R/archive';
\$Conf{CgiAdminUsers} = 'admin';
CONF

pc() { echo "$2" > "$R/etc/$1.pl"; }
pc alpha   "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='127.0.0.2'; \$Conf{RsyncShareName}=['$R/src/alpha','$R/src/shared'];"
pc beta    "\$Conf{XferMethod}='tar'; \$Conf{ClientNameAlias}='127.0.0.3'; \$Conf{TarShareName}=['$R/src/beta'];"
pc gamma   "\$Conf{XferMethod}='rsyncd'; \$Conf{ClientNameAlias}='127.0.0.1'; \$Conf{RsyncShareName}=['gamma']; \$Conf{RsyncdUserName}='bk'; \$Conf{RsyncdPasswd}='s3cret';"
pc delta   "\$Conf{XferMethod}='rsyncd'; \$Conf{ClientNameAlias}='127.0.0.1'; \$Conf{RsyncShareName}=['gamma']; \$Conf{RsyncdUserName}='bk'; \$Conf{RsyncdPasswd}='wrong-password';"
pc epsilon "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='127.0.0.4'; \$Conf{RsyncShareName}=['$R/src/missing-dir'];"
pc zeta    "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='zeta-host.invalid';"
pc eta     "\$Conf{XferMethod}='tar'; \$Conf{ClientNameAlias}='127.0.0.5'; \$Conf{PingCmd}='/bin/false';"
pc theta   "\$Conf{XferMethod}='tar'; \$Conf{ClientNameAlias}='127.0.0.6'; \$Conf{TarShareName}=['$R/src/theta']; \$Conf{DumpPreUserCmd}='/bin/sh -c \"exit \$((RANDOM%2))\"'; \$Conf{UserCmdCheckStatus}=1;"
pc iota    "\$Conf{XferMethod}='rsyncd'; \$Conf{ClientNameAlias}='127.0.0.1'; \$Conf{RsyncShareName}=['nomodule']; \$Conf{RsyncdUserName}='bk'; \$Conf{RsyncdPasswd}='s3cret';"
pc kappa   "\$Conf{XferMethod}='rsyncd'; \$Conf{ClientNameAlias}='127.0.0.1'; \$Conf{RsyncdClientPort}=29874; \$Conf{RsyncShareName}=['gamma'];"
pc lambda  "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='127.0.0.7'; \$Conf{RsyncShareName}=['$R/src/lambda']; \$Conf{BackupsDisable}=1;"
pc mu      "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='127.0.0.8'; \$Conf{RsyncSshArgs}=['-e', '$D/localssh.sh --slow']; \$Conf{RsyncShareName}=['$R/src/alpha'];"
pc nu      "\$Conf{XferMethod}='tar'; \$Conf{ClientNameAlias}='127.0.0.9'; \$Conf{TarShareName}=['$R/src/gamma','$R/src/shared'];"
pc xi      "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='127.0.0.10'; \$Conf{RsyncShareName}=['$R/src/lambda']; \$Conf{RsyncClientPath}='/nonexistent/rsync';"
pc omicron "\$Conf{XferMethod}='bogus'; \$Conf{ClientNameAlias}='127.0.0.11';"
pc rho     "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='127.0.0.12'; \$Conf{RsyncShareName}=['$R/src/shared'];"
pc sigma   "\$Conf{XferMethod}='tar'; \$Conf{ClientNameAlias}='127.0.0.13'; \$Conf{TarShareName}=['$R/src/lambda'];"
pc tau     "\$Conf{XferMethod}='rsyncd'; \$Conf{ClientNameAlias}='127.0.0.1'; \$Conf{RsyncShareName}=['gamma']; \$Conf{RsyncdUserName}='bk'; \$Conf{RsyncdPasswd}='s3cret';"
pc upsilon "\$Conf{XferMethod}='rsync'; \$Conf{ClientNameAlias}='127.0.0.14'; \$Conf{RsyncShareName}=['$R/src/beta','$R/src/missing2'];"
pc vault   "\$Conf{XferMethod}='archive'; \$Conf{ArchiveDest}='$R/archive'; \$Conf{ArchiveComp}='gzip';"
cat > "$R/etc/hosts" <<H
host        dhcp    user    moreUsers
alpha       0       root
beta        0       root
gamma       0       root
delta       0       root
epsilon     0       root
zeta        0       root
eta         0       root
theta       0       root
iota        0       root
kappa       0       root
lambda      0       root
mu          0       root
nu          0       root
xi          0       root
omicron     0       root
rho         0       root
sigma       0       root
tau         0       root
upsilon     0       root
vault       0       root
H
for h in alpha beta gamma theta lambda shared; do
  mkdir -p "$R/src/$h"/sub{0,1,2}
  for i in $(seq $((5 + RANDOM % 20))); do head -c $((RANDOM * 3)) /dev/urandom > "$R/src/$h/sub$((RANDOM%3))/f$i.bin"; done
  echo "config $RANDOM" > "$R/src/$h/settings.conf"
done
mkdir -p "$R/src/theta/locked"; chmod 000 "$R/src/theta/locked"
cat > "$R/rsyncd/rsyncd.conf" <<C
pid file = $R/rsyncd/rsyncd.pid
address = 127.0.0.1
port = 29873
use chroot = no
log file = $R/rsyncd/rsyncd.log
[gamma]
  path = $R/src/gamma
  read only = false
  auth users = bk
  secrets file = $R/rsyncd/secrets
  uid = root
  gid = root
C
echo "bk:s3cret" > "$R/rsyncd/secrets"; chmod 600 "$R/rsyncd/secrets"
