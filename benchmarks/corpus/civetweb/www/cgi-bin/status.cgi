#!/bin/sh
printf 'Status: %s\r\nContent-Type: text/plain\r\n\r\nstatus\n' "${QUERY_STRING:-200}"
