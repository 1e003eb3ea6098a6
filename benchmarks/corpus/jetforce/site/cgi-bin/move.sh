#!/bin/sh
printf '31 gemini://localhost:47510/docs/\r\n'
