#!/bin/bash
# Create a private Grid Engine cell inside this folder (fresh each run).
D=/work/round30/gridengine
export SGE_ROOT=$D/sgeroot SGE_CELL=default
rm -rf $SGE_ROOT
mkdir -p $SGE_ROOT/$SGE_CELL/common $SGE_ROOT/spool/qmaster/job_scripts $SGE_ROOT/spool/spooldb $SGE_ROOT/spool/execd
for l in bin lib utilbin util; do ln -s /var/lib/gridengine/$l $SGE_ROOT/$l; done
cat > $SGE_ROOT/$SGE_CELL/common/bootstrap <<EOC
# Version: 6.2
admin_user              none
default_domain          none
ignore_fqdn             false
spooling_method         berkeleydb
spooling_lib            libspoolb
spooling_params         $SGE_ROOT/spool/spooldb
binary_path             /usr/sbin
qmaster_spool_dir       $SGE_ROOT/spool/qmaster
security_mode           none
listener_threads        2
worker_threads          2
scheduler_threads       1
EOC
sed -e "s#/var/spool/gridengine/execd#$SGE_ROOT/spool/execd#" \
    -e 's/^loglevel .*/loglevel               log_info/' \
    -e 's/^min_uid .*/min_uid                100/' -e 's/^min_gid .*/min_gid                100/' \
    -e 's/^load_report_time .*/load_report_time       00:00:05/' \
    -e 's/^max_unheard .*/max_unheard            00:00:20/' \
    -e 's#^mailer .*#mailer                 /bin/true#' \
    /usr/share/gridengine/default-configuration > $SGE_ROOT/default-configuration
/usr/lib/gridengine/spoolinit berkeleydb libspoolb $SGE_ROOT/spool/spooldb init
/usr/lib/gridengine/spooldefaults configuration $SGE_ROOT/default-configuration
/usr/lib/gridengine/spooldefaults complexes /usr/share/gridengine/util/resources/centry
/usr/lib/gridengine/spooldefaults usersets /usr/share/gridengine/util/resources/usersets
/usr/lib/gridengine/spooldefaults managers root
/usr/lib/gridengine/spooldefaults adminhosts vm 2>/dev/null || true
chmod 1777 $SGE_ROOT/spool/execd
