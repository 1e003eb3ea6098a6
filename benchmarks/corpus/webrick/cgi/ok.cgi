#!/bin/sh
echo "Content-Type: text/plain"
echo
echo "hello $QUERY_STRING"
