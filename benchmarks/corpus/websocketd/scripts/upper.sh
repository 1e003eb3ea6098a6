#!/bin/sh
while read -r l; do echo "upper: $l" | tr a-z A-Z; done
