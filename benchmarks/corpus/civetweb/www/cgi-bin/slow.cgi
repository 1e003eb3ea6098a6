#!/bin/sh
sleep "${QUERY_STRING:-3}"
printf 'Content-Type: text/plain\r\n\r\nslept\n'
