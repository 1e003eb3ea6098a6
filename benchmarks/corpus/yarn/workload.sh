#!/bin/bash
# Randomised yarn workload against a private registry (registry.py on port 47600):
# runs inner.sh in private network+mount namespaces, then keeps one contiguous stretch as yarn.log.
cd /work/round44/yarn || exit 1
./nsrun.sh /bin/bash /work/round44/yarn/inner.sh
sed -n '1,2500p' /tmp/round44-r44d/yarn-raw.log > /work/round44/yarn/yarn.log
