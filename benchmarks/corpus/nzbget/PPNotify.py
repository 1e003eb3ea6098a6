#!/usr/bin/env python3
###########################################
### NZBGET POST-PROCESSING SCRIPT       ###

# Test post-processing script for the workload.
#
# Prints a few lines and exits with a random status.

###########################################
### NZBGET POST-PROCESSING SCRIPT       ###
###########################################
import os, random, sys
print('[INFO] post-processing %s, total status %s' % (os.environ.get('NZBPP_NZBNAME'), os.environ.get('NZBPP_TOTALSTATUS')))
print('[DETAIL] directory %s' % os.environ.get('NZBPP_DIRECTORY'))
if random.random() < 0.3:
    print('[WARNING] something looks odd')
if random.random() < 0.2:
    print('[ERROR] simulated failure')
    sys.exit(94)
if random.random() < 0.2:
    sys.exit(7)
sys.exit(random.choice([93, 95]))
