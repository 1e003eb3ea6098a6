backupdir = /tmp/round36-r36d/bn/out/pgsql
databases = @PGDB@
compress = yes
