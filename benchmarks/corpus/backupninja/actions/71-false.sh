ls /tmp/round36-r36d/bn/nonexistent
