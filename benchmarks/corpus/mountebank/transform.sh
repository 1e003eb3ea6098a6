#!/bin/sh
# shellTransform for the workload: echo the response (argument 2 or MB_RESPONSE); "bad" prints non-JSON
if [ "${1:-}" = bad ]; then echo "not json"; exit 0; fi
echo "$MB_RESPONSE"
