#!/bin/sh
printf '20 text/gemini\r\n'
printf '# Hello from CGI\n'
printf 'path=%s query=%s\n' "$PATH_INFO" "$QUERY_STRING"
