#!/usr/bin/env python3
"""Write run/atheme.conf from the packaged example: ngircd protocol, private uplink, log level."""
import re
src = open("/usr/share/doc/atheme-services/examples/atheme.conf.example").read()
src = src.replace('#loadmodule "modules/protocol/charybdis";', 'loadmodule "modules/protocol/ngircd";')
src = src.replace('name = "services.int";', 'name = "services.atheme.test";')
src = src.replace('netname = "misconfigured network";', 'netname = "AthemeTest";')
src = src.replace('loglevel = { error; info; admin; network; wallops; };',
                  'loglevel = { error; info; verbose; commands; network; wallops; register; denycmd; request; };')
a = src.index('uplink "irc.example.net" {')
b = src.index('\n};\n', src.index('uplink "irc6.example.net" {')) + 4
src = src[:a] + ('\nuplink "irc.atheme.test" {\n\thost = "127.0.0.1";\n\tsend_password = "linkpw";\n'
             '\treceive_password = "linkpw";\n\tport = 25550;\n};\n') + src[b:]
src = re.sub(r'\nlogfile "[^"]*" \{[^}]*\};\n', '\n', src)
src = src.replace('host = "0.0.0.0";', 'host = "127.0.0.1";').replace('port = 8080;', 'port = 25560;')
src = src.replace('operator "jilles" {', 'operator "admin" {')
src = src.replace('flood_msgs = 7;', 'flood_msgs = 25;').replace('ratelimit_uses = 5;', 'ratelimit_uses = 40;')
open("/work/round23/atheme/run/atheme.conf", "w").write(src)
