import sys
if "{{ cookiecutter.fail_pre }}" == "yes":
    sys.exit(1)
