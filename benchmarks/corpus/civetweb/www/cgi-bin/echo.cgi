#!/bin/sh
printf 'Status: 201 Created\r\nContent-Type: text/plain\r\n\r\n'
cat
