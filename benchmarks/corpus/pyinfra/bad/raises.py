from pyinfra.operations import files
files.directory(path=None)
