#!/bin/bash
# creates three csync2 nodes (config, keys, certificates, data dirs) under run/
D=/work/round29/csync2
R=$D/run
rm -rf $R; mkdir -p $R
csync2 -k $R/csync2.key
echo "wrongkeywrongkeywrongkeywrongkeywrongkeywrongkeywrongkeywrongke" > $R/bad.key
for n in 1 2 3; do
  mkdir -p $R/n$n/etc $R/n$n/db $R/n$n/data/etc $R/n$n/data/www $R/n$n/backup
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1$n" \
     -keyout $R/n$n/etc/csync2_ssl_key.pem -out $R/n$n/etc/csync2_ssl_cert.pem >/dev/null 2>&1
  cat > $R/n$n/etc/csync2.cfg <<CFG
nossl * *;
lock-timeout 5;
tempdir $R/n$n/tmp;

prefix data {
  on 127.0.0.11: $R/n1/data;
  on 127.0.0.12: $R/n2/data;
  on 127.0.0.13: $R/n3/data;
}

group cluster
{
  host 127.0.0.11 127.0.0.12 127.0.0.13;
  host (127.0.0.14);
  key $R/csync2.key;
  include %data%/etc;
  include %data%/www;
  exclude %data%/www/*.tmp;
  exclude *~ .*.swp;
  backup-directory $R/n$n/backup;
  backup-generations 2;
  auto younger;
  action
  {
    pattern %data%/etc/*.conf;
    exec "echo reload-service %%";
    logfile "$R/n$n/action.log";
    do-local;
  }
}

group manual
{
  host 127.0.0.11 127.0.0.12;
  key $R/csync2.key;
  include %data%/manual;
  auto none;
}
CFG
  mkdir -p $R/n$n/tmp $R/n$n/data/manual
done
