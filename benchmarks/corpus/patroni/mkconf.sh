#!/bin/bash
# writes run/nodeN.yml for N=1..3
D=/work/round29/patroni/run
for n in 1 2 3; do
  mkdir -p $D/node$n/log
  cat > $D/node$n.yml <<YML
scope: r29cluster
namespace: /r29service/
name: node$n
log:
  level: DEBUG
  dir: $D/node$n/log
  file_num: 20
  file_size: 100000000
  loggers:
    urllib3: INFO
restapi:
  listen: 127.0.0.1:280${n}8
  connect_address: 127.0.0.1:280${n}8
  authentication:
    username: admin
    password: adminpw
etcd3:
  hosts: 127.0.0.1:28100
bootstrap:
  dcs:
    ttl: 20
    loop_wait: 3
    retry_timeout: 8
    maximum_lag_on_failover: 1048576
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        wal_log_hints: "on"
        logging_collector: "on"
        log_directory: pglog
  initdb:
  - encoding: UTF8
  - data-checksums
  pg_hba:
  - local all all trust
  - host replication replicator 127.0.0.1/32 md5
  - host all all 127.0.0.1/32 md5
postgresql:
  listen: 127.0.0.1:284${n}2
  connect_address: 127.0.0.1:284${n}2
  data_dir: $D/node$n/data
  bin_dir: /usr/lib/postgresql/15/bin
  pgpass: $D/node$n/pgpass
  authentication:
    replication:
      username: replicator
      password: replpw
    superuser:
      username: postgres
      password: superpw
    rewind:
      username: rewind_user
      password: rewindpw
  parameters:
    unix_socket_directories: $D/node$n
    logging_collector: "on"
    log_directory: pglog
tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
YML
done
chown -R postgres:postgres $D
