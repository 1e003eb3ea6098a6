#!/bin/sh
echo "stderr.cgi: database connection refused" >&2
exit 1
