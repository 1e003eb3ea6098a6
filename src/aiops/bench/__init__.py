"""The scenario benchmark: run every scenario end to end and score diagnosis, fix and recovery."""
