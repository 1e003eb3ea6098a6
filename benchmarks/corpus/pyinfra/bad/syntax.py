from pyinfra.operations import server
server.shell(commands=["true"]
