#!/bin/bash
# runs workload.sh inside a private network+mount namespace with HOME/TMPDIR/XDG under /tmp/round45-r45e
exec /work/round45/gbp/ns.sh gbp /work/round45/gbp/workload.sh
