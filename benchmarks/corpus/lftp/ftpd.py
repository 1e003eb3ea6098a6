import sys, random
random.seed(int(sys.argv[2]))
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
a = DummyAuthorizer()
a.add_user('user', 'secret', sys.argv[1], perm='elradfmwMT')
a.add_user('reader', 'readpw', sys.argv[1], perm='elr')
a.add_anonymous(sys.argv[1] + '/pub')
h = FTPHandler
h.authorizer = a
h.passive_ports = range(47021, 47040)
h.timeout = 30
h.auth_failed_timeout = 0.3
FTPServer(('127.0.0.1', 47020), h).serve_forever()
