#!/bin/sh
echo "this is not a status line"
