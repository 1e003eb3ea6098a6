#!/bin/sh
printf 'this is not a header line at all and it goes on without a colon or end'
