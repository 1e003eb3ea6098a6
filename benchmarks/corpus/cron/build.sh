#!/bin/bash
# Build Debian's cron 3.0pl1-162 with its debug option (DEB_BUILD_OPTIONS=debug => -DDEBUGGING=1),
# PAM and SELinux on as in debian/rules. Needs: apt-get source cron (deb-src), libpam0g-dev, libselinux1-dev.
set -e
S=${1:-/tmp/round31-r31c/src/cron-3.0pl1}
D=/tmp/round31-r31c/cron-build
rm -rf $D; cp -a $S $D; cd $D
export CFLAGS="-O2 -g -Wall -Wno-unused -Wno-comment"
make DEBUG_DEFS=-DDEBUGGING=1 PAM_DEFS=-DUSE_PAM PAM_LIBS=-lpam \
     SELINUX_DEFS=-DWITH_SELINUX SELINUX_LIBS=-lselinux cron
