# Writes a compact (single-line) Gerbera config so that the debug "config dump" stays one line.
import re, sys
base, out = sys.argv[1], sys.argv[2]
x = open('/etc/gerbera/config.xml').read()
x = re.sub(r'<!--.*?-->', '', x, flags=re.S)
x = re.sub(r'<online-content>.*?</online-content>', '', x, flags=re.S)
x = x.replace('<ui enabled="no"', '<ui enabled="yes"').replace('<accounts enabled="no" session-timeout="30">', '<accounts enabled="yes" session-timeout="2">')
x = x.replace('<account user="gerbera" password="gerbera"/>', '<account user="admin" password="s3cret"/><account user="viewer" password="look"/>')
x = x.replace('<home>/var/lib/gerbera</home>', f'<home>{base}/home</home><port>28460</port><interface>r20gd</interface>')
x = x.replace('<alive>1800</alive>', '<alive>62</alive>')
x = x.replace('<mark-played-items enabled="no"', '<mark-played-items enabled="yes"')
x = x.replace('</scripting>', f'</scripting><autoscan use-inotify="yes"><directory location="{base}/media/inotify" mode="inotify" level="full" recursive="yes" hidden-files="no"/><directory location="{base}/media/timed" mode="timed" level="basic" interval="15" recursive="yes" hidden-files="no"/></autoscan>')
x = re.sub(r'>\s+<', '><', x).strip()
x = re.sub(r'\?>\s*', '?>', x)
open(out, 'w').write(x + '\n')
