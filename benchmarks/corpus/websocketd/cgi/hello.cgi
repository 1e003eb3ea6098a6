#!/bin/sh
echo "Content-Type: text/plain"
echo
echo "cgi ok $QUERY_STRING"
