"""Circus hooks used by the workload: after_spawn and before_signal sometimes refuse (return False)."""
import random

def before_start(watcher, arbiter, hook_name, **kw):
    return True

def after_spawn(watcher, arbiter, hook_name, **kw):
    return random.random() > 0.25

def before_signal(watcher, arbiter, hook_name, **kw):
    return random.random() > 0.2
