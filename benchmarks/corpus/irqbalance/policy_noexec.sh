#!/bin/sh
echo ban=true
