#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
echo "hello $QUERY_STRING"
