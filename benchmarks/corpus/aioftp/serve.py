import logging
import runpy

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s [%(name)s] %(message)s", datefmt="[%H:%M:%S]:")
runpy.run_module("aioftp", run_name="__main__", alter_sys=True)
