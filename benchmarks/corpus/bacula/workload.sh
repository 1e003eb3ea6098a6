#!/bin/bash
# Randomised workload for Bacula 9.6.7 (Debian 12): director + storage daemon +
# file daemon on 127.0.0.1:42201-42203, driven with bconsole.  The log is the
# director's Messages "append" file run/log/bacula.log (the SD and FD forward
# their job messages to it), copied to bacula.full.log at the end.
set -u
HERE=/work/round25/bacula
R=$HERE/run
E=$R/etc
LOG=$R/log/bacula.log
PIDS=$R/pids.txt

rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { shuf -n 1 -e "$@"; }

write_configs() {
cat > $R/etc/bacula-dir.conf <<EOF
Director {
  Name = r25-dir
  DIRport = 42201
  DirAddress = 127.0.0.1
  QueryFile = "/etc/bacula/scripts/query.sql"
  WorkingDirectory = "$R/work"
  PidDirectory = "$R/pid"
  Maximum Concurrent Jobs = 10
  Password = "dirpass-r25"
  Messages = Daemon
  FD Connect Timeout = 15 sec
  SD Connect Timeout = 15 sec
}

JobDefs {
  Name = "DefaultJob"
  Type = Backup
  Level = Incremental
  Client = r25-fd
  FileSet = "DataSet"
  Storage = File1
  Messages = Standard
  Pool = File
  Priority = 10
  Maximum Concurrent Jobs = 4
  Write Bootstrap = "$R/work/%c_%n.bsr"
}

Job {
  Name = "BackupData"
  JobDefs = "DefaultJob"
}
Job {
  Name = "BackupSmall"
  JobDefs = "DefaultJob"
  Pool = Small
  FileSet = "SmallSet"
  Level = Full
}
Job {
  Name = "BackupMissing"
  JobDefs = "DefaultJob"
  FileSet = "MissingSet"
}
Job {
  Name = "BackupScripts"
  JobDefs = "DefaultJob"
  FileSet = "SmallSet"
  RunBeforeJob = "$HERE/hook.sh before %j %l"
  RunAfterJob = "$HERE/hook.sh after %j %e"
  RunScript {
    RunsWhen = After
    RunsOnClient = Yes
    Command = "$HERE/hook.sh client %j"
  }
}
Job {
  Name = "BackupMaxRun"
  JobDefs = "DefaultJob"
  FileSet = "SmallSet"
  RunBeforeJob = "$HERE/hook.sh nap %j"
  Max Run Time = 3 sec
}
Job {
  Name = "BackupFifo"
  JobDefs = "DefaultJob"
  FileSet = "FifoSet"
  Level = Full
}
Job {
  Name = "BackupNoDup"
  JobDefs = "DefaultJob"
  FileSet = "SmallSet"
  Allow Duplicate Jobs = no
  RunBeforeJob = "$HERE/hook.sh nap %j"
}
Job {
  Name = "VerifyInit"
  Type = Verify
  Level = InitCatalog
  Client = r25-fd
  FileSet = "SmallSet"
  Storage = File1
  Pool = File
  Messages = Standard
}
Job {
  Name = "BackupBeforeFails"
  JobDefs = "DefaultJob"
  FileSet = "SmallSet"
  RunBeforeJob = "$HERE/hook.sh fail %j"
}
Job {
  Name = "BackupSlow"
  JobDefs = "DefaultJob"
  FileSet = "SmallSet"
  RunBeforeJob = "$HERE/hook.sh slow %j"
}
Job {
  Name = "BackupBadPass"
  JobDefs = "DefaultJob"
  Client = badpass-fd
}
Job {
  Name = "BackupDeadClient"
  JobDefs = "DefaultJob"
  Client = dead-fd
}
Job {
  Name = "BackupDeadStorage"
  JobDefs = "DefaultJob"
  Storage = DeadStorage
  Pool = Dead
}
Job {
  Name = "BackupThrottled"
  JobDefs = "DefaultJob"
  Level = Full
  Maximum Bandwidth = 400 kb/s
}
Job {
  Name = "RestoreFiles"
  Type = Restore
  Client = r25-fd
  Storage = File1
  FileSet = "DataSet"
  Pool = File
  Messages = Standard
  Where = $R/restore
}
Job {
  Name = "VerifyData"
  Type = Verify
  Level = VolumeToCatalog
  Client = r25-fd
  FileSet = "DataSet"
  Storage = File1
  Pool = File
  Messages = Standard
  Verify Job = BackupData
}
Job {
  Name = "VerifyCatalog"
  Type = Verify
  Level = Catalog
  Client = r25-fd
  FileSet = "SmallSet"
  Storage = File1
  Pool = File
  Messages = Standard
  Verify Job = VerifyInit
}
Job {
  Name = "AdminTask"
  Type = Admin
  JobDefs = "DefaultJob"
  RunScript {
    RunsWhen = Before
    RunsOnClient = No
    Command = "$HERE/hook.sh admin %j"
  }
}
Job {
  Name = "MigrateSmall"
  Type = Migrate
  JobDefs = "DefaultJob"
  Pool = Small
  Selection Type = Volume
  Selection Pattern = "Small-.*"
}
Job {
  Name = "CopySmall"
  Type = Copy
  JobDefs = "DefaultJob"
  Pool = Small
  Selection Type = PoolUncopiedJobs
}

FileSet {
  Name = "DataSet"
  Include {
    Options {
      # no signature: when the SD dies the FD quotes the unsent packet
      onefs = yes
    }
    File = $HERE/data
  }
  Exclude {
    File = $HERE/data/excluded
  }
}
FileSet {
  Name = "FifoSet"
  Include {
    Options {
      readfifo = yes
    }
    File = $R/pipe
  }
}
FileSet {
  Name = "SmallSet"
  Include {
    Options {
      signature = SHA1
    }
    File = $HERE/data/small
  }
}
FileSet {
  Name = "MissingSet"
  Include {
    Options {
      signature = MD5
    }
    File = $HERE/data/small
    File = $HERE/data/does-not-exist
    File = /nonexistent/path/r25
  }
}

Client {
  Name = r25-fd
  Address = 127.0.0.1
  FDPort = 42202
  Catalog = MyCatalog
  Password = "fdpass-r25"
  File Retention = 60 days
  Job Retention = 6 months
  AutoPrune = yes
}
Client {
  Name = badpass-fd
  Address = 127.0.0.1
  FDPort = 42202
  Catalog = MyCatalog
  Password = "wrong-password"
}
Client {
  Name = dead-fd
  Address = 127.0.0.1
  FDPort = 42299
  Catalog = MyCatalog
  Password = "fdpass-r25"
}

Storage {
  Name = File1
  Address = 127.0.0.1
  SDPort = 42203
  Password = "sdpass-r25"
  Device = FileStorage
  Media Type = File
  Maximum Concurrent Jobs = 10
}
Storage {
  Name = File2
  Address = 127.0.0.1
  SDPort = 42203
  Password = "sdpass-r25"
  Device = FileStorage2
  Media Type = File2
  Maximum Concurrent Jobs = 10
}
Storage {
  Name = DeadStorage
  Address = 127.0.0.1
  SDPort = 42298
  Password = "sdpass-r25"
  Device = FileStorage
  Media Type = File
}

Catalog {
  Name = MyCatalog
  dbname = "bacula"; dbuser = ""; dbpassword = ""
}

Messages {
  Name = Standard
  console = all
  append = "$R/log/bacula.log" = all
  catalog = all
}
Messages {
  Name = Daemon
  console = all
  append = "$R/log/bacula.log" = all
}

Pool {
  Name = File
  Pool Type = Backup
  Recycle = yes
  AutoPrune = yes
  Volume Retention = 365 days
  Maximum Volume Bytes = 3M
  Maximum Volumes = 40
  Label Format = "Vol-"
}
Pool {
  Name = Small
  Pool Type = Backup
  Recycle = yes
  AutoPrune = yes
  Volume Retention = 365 days
  Maximum Volume Jobs = 2
  Label Format = "Small-"
  Next Pool = Copies
  Storage = File1
}
Pool {
  Name = Copies
  Pool Type = Backup
  Label Format = "Copy-"
  Storage = File2
}
Pool {
  Name = Dead
  Pool Type = Backup
  Label Format = "Dead-"
}
Pool {
  Name = Scratch
  Pool Type = Backup
}

Console {
  Name = r25-mon
  Password = "monpass-r25"
  CommandACL = status, .status
}
EOF
cat > $R/etc/bacula-sd.conf <<EOF
Storage {
  Name = r25-sd
  SDPort = 42203
  SDAddress = 127.0.0.1
  WorkingDirectory = "$R/work"
  Pid Directory = "$R/pid"
  Plugin Directory = "/usr/lib/bacula"
  Maximum Concurrent Jobs = 20
}
Director {
  Name = r25-dir
  Password = "sdpass-r25"
}
Device {
  Name = FileStorage
  Media Type = File
  Archive Device = $R/storage
  LabelMedia = yes
  Random Access = Yes
  AutomaticMount = yes
  RemovableMedia = no
  AlwaysOpen = no
  Maximum Concurrent Jobs = 5
}
Device {
  Name = FileStorage2
  Media Type = File2
  Archive Device = $R/storage2
  LabelMedia = yes
  Random Access = Yes
  AutomaticMount = yes
  RemovableMedia = no
  AlwaysOpen = no
  Maximum Concurrent Jobs = 5
}
Messages {
  Name = Standard
  director = r25-dir = all
}
EOF
cat > $R/etc/bacula-fd.conf <<EOF
Director {
  Name = r25-dir
  Password = "fdpass-r25"
}
Director {
  Name = r25-mon
  Password = "monpass-r25"
  Monitor = yes
}
FileDaemon {
  Name = r25-fd
  FDport = 42202
  FDAddress = 127.0.0.1
  WorkingDirectory = $R/work
  Pid Directory = $R/pid
  Maximum Concurrent Jobs = 20
  Plugin Directory = /usr/lib/bacula
}
Messages {
  Name = Standard
  director = r25-dir = all
}
EOF
cat > $R/etc/bconsole.conf <<EOF
Director {
  Name = r25-dir
  DIRport = 42201
  address = 127.0.0.1
  Password = "dirpass-r25"
}
EOF
cat > $R/etc/bconsole-bad.conf <<EOF
Director {
  Name = r25-dir
  DIRport = 42201
  address = 127.0.0.1
  Password = "not-the-password"
}
EOF
}

con() { bconsole -c $E/bconsole.conf -n >> $R/console.out 2>&1; }
runjob() {  # run a job, print its JobId
  echo "run $* yes" | bconsole -c $E/bconsole.conf -n 2>&1 | tee -a $R/console.out | sed -n 's/.*JobId=\([0-9]*\).*/\1/p' | tail -1
}
waitall() { echo "wait" | timeout ${1:-150} bconsole -c $E/bconsole.conf -n >> $R/console.out 2>&1; }

start_sd()  { bacula-sd  -v -c $E/bacula-sd.conf;  sleep 0.5; cat $R/pid/bacula-sd.42203.pid  >> $PIDS; }
start_fd()  { bacula-fd  -v -c $E/bacula-fd.conf;  sleep 0.5; cat $R/pid/bacula-fd.42202.pid  >> $PIDS; }
start_dir() { bacula-dir -v -c $E/bacula-dir.conf; sleep 1;   cat $R/pid/bacula-dir.42201.pid >> $PIDS; }
pid_of() { cat $R/pid/bacula-$1.*.pid 2>/dev/null; }
stop_d() {  # $1 = dir|sd|fd, $2 = signal
  local p; p=$(pid_of $1)
  [ -n "$p" ] && kill -${2:-TERM} $p 2>/dev/null
  for i in $(seq 1 20); do kill -0 $p 2>/dev/null || break; sleep 0.5; done
  [ "${2:-TERM}" = KILL ] && rm -f $R/pid/bacula-$1.*.pid
}

make_data() {
  rm -rf $HERE/data; mkdir -p $HERE/data/small $HERE/data/big $HERE/data/excluded $HERE/data/sub/deeper
  # file contents are kept free of newlines and non-UTF-8 bytes: when the FD
  # dies mid-stream the SD quotes the last data packet in its error message
  for i in $(seq 1 $(rnd 10 25)); do head -c $(rnd 100 45000) /dev/urandom | base64 -w0 > $HERE/data/small/f$i.bin; done
  for i in $(seq 1 $(rnd 2 3)); do head -c $(rnd 1500000 2600000) /dev/zero > $HERE/data/big/b$i.bin; done
  for i in $(seq 1 $(rnd 3 8)); do seq -s ' ' 1 $(rnd 100 5000) > $HERE/data/sub/deeper/t$i.txt; done
  echo skip > $HERE/data/excluded/x
}
# slowly feeds the FIFO that the BackupFifo job reads (no newlines, ASCII only)
feeder() {
  local i
  for i in $(seq 1 $1); do head -c $(rnd 50 200) /dev/zero | tr '\0' 'q'; sleep 0.1; done > $R/pipe 2>/dev/null
}
change_data() {
  local i
  for i in $(seq 1 $(rnd 1 4)); do head -c $(rnd 100 30000) /dev/urandom | base64 -w0 > $HERE/data/small/n$RANDOM.bin; done
  echo -n " changed $RANDOM" >> $HERE/data/sub/deeper/t1.txt
  [ $(rnd 0 1) = 1 ] && rm -f $(ls $HERE/data/small/*.bin | shuf -n 1)
}

# ---- fresh state ----
for p in $(cat $PIDS 2>/dev/null); do
  case "$(cat /proc/$p/comm 2>/dev/null)" in bacula-*) kill -9 $p ;; esac
done
rm -rf $R
mkdir -p $R/work $R/pid $R/log $R/storage $R/storage2 $R/restore $R/etc
mkfifo $R/pipe
: > $PIDS
write_configs
sed -e "s#cd /var/lib/bacula#cd $R/work#" -e 's/XXX_DBNAME_XXX/bacula/' \
    /usr/share/bacula-director/make_sqlite3_tables > $R/mk_tables.sh
sh $R/mk_tables.sh > /dev/null 2>&1
make_data

# ---- start-up ----
start_sd; start_fd; start_dir

# ---- first full backups ----
J=$(runjob job=BackupData level=Full); waitall
J=$(runjob job=BackupSmall); waitall
echo "messages" | con

# ---- a random sequence of operations ----
ops=(incr diff missing scripts beforefail badpass smallcopy admin restore verify label console_bad
     reload cancel concurrent incr purge fifo_kill_fd fifo_kill_sd deadclient deadstorage
     estimate restore_sel migrate incr update maxrun nodup verifycat fifo_ok)
for op in $(printf '%s\n' "${ops[@]}" | shuf); do
  case $op in
    incr) change_data; runjob job=BackupData level=Incremental >/dev/null; waitall ;;
    diff) change_data; runjob job=BackupData level=Differential >/dev/null; waitall ;;
    missing) runjob job=BackupMissing >/dev/null; waitall ;;
    scripts) runjob job=BackupScripts level=$(pick Full Incremental) >/dev/null; waitall ;;
    beforefail) runjob job=BackupBeforeFails >/dev/null; waitall ;;
    badpass) runjob job=BackupBadPass >/dev/null; waitall ;;
    smallcopy) runjob job=BackupSmall >/dev/null; waitall
               runjob job=CopySmall >/dev/null; waitall ;;
    migrate) runjob job=BackupSmall >/dev/null; waitall
             runjob job=MigrateSmall >/dev/null; waitall ;;
    admin) runjob job=AdminTask >/dev/null; waitall ;;
    restore) rm -rf $R/restore/*
             printf 'restore client=r25-fd fileset=DataSet where=%s select current all done yes\n' $R/restore | con; waitall ;;
    restore_sel) rm -rf $R/restore/*
             printf 'restore client=r25-fd fileset=DataSet where=%s current file=%s/data/sub/deeper/t1.txt file=%s/data/no-such-file done yes\n' $R/restore $HERE $HERE | con; waitall ;;
    verify) runjob job=$(pick VerifyData VerifyCatalog VerifyData) >/dev/null; waitall ;;
    label) printf 'label storage=File1 volume=Manual-%s pool=File\n' $RANDOM | con
           printf 'label storage=File1 volume=Vol-0001 pool=File\n' | con ;;
    console_bad) echo "status dir" | bconsole -c $E/bconsole-bad.conf -n >/dev/null 2>&1 ;;
    reload) echo "reload" | con ;;
    cancel) J=$(runjob job=BackupSlow); sleep $(rnd 2 5); echo "cancel jobid=$J yes" | con; waitall ;;
    concurrent) for j in BackupSmall BackupScripts BackupMissing; do runjob job=$j >/dev/null; done; waitall ;;
    purge) V=$(echo "list volumes pool=Small" | bconsole -c $E/bconsole.conf -n 2>/dev/null | grep -o 'Small-[0-9]*' | head -1)
           [ -n "$V" ] && printf 'purge volume=%s yes\n' "$V" | con
           echo "prune expired volume yes" | con ;;
    update) V=$(echo "list volumes pool=File" | bconsole -c $E/bconsole.conf -n 2>/dev/null | grep -o 'Vol-[0-9]*' | shuf -n 1)
            [ -n "$V" ] && printf 'update volume=%s volstatus=Used\n' "$V" | con ;;
    estimate) echo "estimate job=BackupData level=Full" | con ;;
    fifo_ok)
      feeder $(rnd 10 30) & FEED=$!
      runjob job=BackupFifo >/dev/null; waitall 60
      kill $FEED 2>/dev/null ;;
    fifo_kill_fd|fifo_kill_sd)
      feeder 400 & FEED=$!
      J=$(runjob job=BackupFifo); sleep $(rnd 3 6)
      d=${op#fifo_kill_}
      stop_d $d $(pick KILL TERM); sleep 12
      echo "cancel jobid=$J yes" | con; waitall 30
      kill $FEED 2>/dev/null
      start_$d
      # the SD can stay blocked on its device after the FD died: restart it too
      [ $d = fd ] && { stop_d sd TERM; start_sd; } ;;
    throttled_kill_fd)
      J=$(runjob job=BackupThrottled); sleep $(rnd 3 7)
      stop_d fd $(pick KILL TERM); sleep 12
      echo "cancel jobid=$J yes" | con; waitall 30
      start_fd ;;
    throttled_kill_sd)
      J=$(runjob job=BackupThrottled); sleep $(rnd 3 7)
      stop_d sd $(pick KILL TERM); sleep 12
      echo "cancel jobid=$J yes" | con; waitall 30
      start_sd ;;
    deadclient) runjob job=BackupDeadClient >/dev/null; waitall ;;
    maxrun) runjob job=BackupMaxRun >/dev/null; waitall ;;
    nodup) runjob job=BackupNoDup >/dev/null; sleep 1; runjob job=BackupNoDup >/dev/null; waitall ;;
    verifycat) runjob job=VerifyInit >/dev/null; waitall
               change_data; chmod $(pick 600 640 604) $(ls $HERE/data/small/*.bin | shuf -n 1)
               runjob job=VerifyCatalog >/dev/null; waitall ;;
    deadstorage) runjob job=BackupDeadStorage >/dev/null; waitall ;;
  esac
done

# ---- director restart, more work, shutdown ----
stop_d dir TERM
start_dir
change_data; runjob job=BackupData level=Incremental >/dev/null; waitall
runjob job=BackupScripts >/dev/null; waitall
echo "cancel all yes" | con
stop_d fd TERM; stop_d sd TERM; stop_d dir TERM
sleep 1
for p in $(sort -u $PIDS); do   # only our own daemons
  case "$(cat /proc/$p/comm 2>/dev/null)" in bacula-*) kill -9 $p ;; esac
done
cp $LOG $HERE/bacula.full.log
