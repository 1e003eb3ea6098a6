#!/bin/bash
# runs workload.sh inside a private network+mount namespace with HOME/TMPDIR/XDG under /tmp/round45-r45e
exec /work/round45/lintian/ns.sh lint /work/round45/lintian/workload.sh
