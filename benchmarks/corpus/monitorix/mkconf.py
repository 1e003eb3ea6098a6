#!/usr/bin/env python3
"""Write the Monitorix configuration files used by workload.sh (from the Debian stock file)."""
import re, sys
R = "/tmp/round33-r33b/mon"
src = open("/etc/monitorix/monitorix.conf").read()
def sect(name, body):
    global src
    src = re.sub(r"(?ms)^<%s>\n.*?^</%s>\n" % (name, name), "<%s>\n%s</%s>\n" % (name, body, name), src, count=1)
def opt(key, val):
    global src
    src = re.sub(r"(?m)^%s\s*=.*$" % re.escape(key), "%s = %s" % (key, val), src, count=1)
opt("title", "r33b test host")
opt("include_dir", R + "/conf.d")
opt("base_dir", R + "/www/")
opt("base_lib", R + "/lib/")
opt("log_file", R + "/monitorix.log")
opt("secure_log", R + "/peers/secure")
opt("mail_log", R + "/peers/maillog")
opt("fail2ban_log", R + "/peers/fail2ban.log")
opt("ftp_log", R + "/peers/proftpd.log")
opt("enable_parallelizing", "n")
src = re.sub(r"(?m)^(\s*)host =\s*$", r"\1host = 127.0.0.1", src, count=1)
src = re.sub(r"(?m)^(\s*)port = 8080$", r"\g<1>port = 38500", src, count=1)
src = re.sub(r"(?m)^(\s*)log_file = /var/log/monitorix-httpd$", r"\1log_file = " + R + "/monitorix.log", src, count=1)
src = re.sub(r"(?m)^(\s*)user = nobody$", r"\1user = root", src, count=1)
src = re.sub(r"(?m)^(\s*)group = nobody$", r"\1group = root", src, count=1)
on = "system kern proc fs du net netstat process serv user int disk apache lighttpd redis memcached phpfpm mysql fail2ban ftp icecast chrony".split()
def ge(m):
    k = m.group(1)
    return "\t%s\t%s= %s" % (k, m.group(2), "y" if k in on else "n")
body = re.search(r"(?ms)^<graph_enable>\n(.*?)^</graph_enable>", src).group(1)
body2 = re.sub(r"(?m)^\t(\w+)(\t+)= [yn]", ge, body)
src = src.replace(body, body2)
sect("apache", "\tlist = http://127.0.0.1:38501/server-status?auto, http://127.0.0.1:38509/server-status?auto\n\t<alerts>\n\t</alerts>\n\trigid = 0, 0, 2, 0, 0, 0\n\tlimit = 100, 100, 100, 100, 100, 100\n")
sect("lighttpd", "\tlist = http://127.0.0.1:38501/lighttpd-status?auto\n\trigid = 0, 0, 0\n\tlimit = 100, 100, 100\n")
sect("redis", "\tlist = 127.0.0.1:38502, " + R + "/redis.sock\n\trigid = 0, 0, 0, 0, 0, 0\n\tlimit = 1000, 1000, 1000, 1000, 1000, 1000\n")
sect("memcached", "\tlist = 127.0.0.1:38503\n\trigid = 0, 0, 0, 0, 0, 0, 0\n\tlimit = 100, 100, 100, 100, 100, 100, 100\n")
sect("phpfpm", "\t<group>\n\t\t0 = Pools\n\t</group>\n\t<list>\n\t\t0 = www, api, nourl\n\t</list>\n\t<desc>\n\t\twww = http://127.0.0.1:38501/fpm-status\n\t\tapi = http://127.0.0.1:38509/fpm-status\n\t</desc>\n\t<map>\n\t</map>\n\trigid = 0, 0, 2, 0, 0, 0\n\tlimit = 100, 100, 100, 100, 100, 100\n")
sect("mysql", "\tconn_type = host\n\tlist = 127.0.0.1\n\t<desc>\n\t\t127.0.0.1 = 38504, monitor, secret\n\t</desc>\n\trigid = 0, 2, 0, 0, 0, 0\n\tlimit = 100, 100, 100, 100, 100, 100\n")
sect("icecast", "\tlist = http://127.0.0.1:38501/status.xsl\n\t<desc>\n\t\thttp://127.0.0.1:38501/status.xsl = stream1, stream2\n\t</desc>\n\tgraph_mode = r\n\trigid = 0, 0\n\tlimit = 100, 100\n")
sect("du", "\tlist = Work\n\t<desc>\n\t\t0 = " + R + "/www, " + R + "/lib, " + R + "/peers, " + R + "/missing\n\t</desc>\n\t<type>\n\t\t0 = size\n\t</type>\n\tgraphs_per_row = 2\n\trigid = 0\n\tlimit = 100\n")
sect("disk", "\t<list>\n\t\t0 = /dev/vda\n\t</list>\n\t<desc>\n\t</desc>\n\taccept_invalid_disk = y\n\t<alerts>\n\t\trealloc_enabled = n\n\t\trealloc_timeintvl = 0\n\t\trealloc_threshold = 1\n\t\trealloc_script = /path/to/script.sh\n\t\tpendsect_enabled = n\n\t\tpendsect_timeintvl = 0\n\t\tpendsect_threshold = 1\n\t\tpendsect_script = /path/to/script.sh\n\t</alerts>\n")
sect("chrony", "\tlist = 127.0.0.1\n\trigid = 0, 0, 0, 0, 0, 0\n\tlimit = 100, 100, 100, 100, 100, 100\n")
sect("process", "\t<list>\n\t\t0 = python3, perl, sleep, sshd, missingd\n\t</list>\n\t<desc>\n\t\tpython3 = Python\n\t</desc>\n\trigid = 2, 0, 0, 0, 0, 0, 0, 0\n\tlimit = 100, 1000, 1000, 1000, 1000, 1000, 1000, 1000\n")
sect("serv", "\t<list>\n\t\tDefault = SSH, FTP, SMTP, Fail2ban, Odd\n\t</list>\n\t<desc>\n\t\tSSH = C, file:" + R + "/peers/secure, \"^%b %e\", \"sshd\\[.*\\]: Accepted \"\n\t\tFTP = C, file:" + R + "/peers/nosuch.log, \"%b %e\", \"OK LOGIN:\"\n\t\tSMTP = C, file:" + R + "/peers/maillog, \"^%b %e\", i:\"to=.*stat(us)?=sent\"\n\t\tFail2ban = C, file:" + R + "/peers/fail2ban.log, \"^%Y-%m-%d\", \" fail2ban.actions .* Ban \"\n\t\tOdd = C, bogus:/x, \"\", \"\"\n\t</desc>\n\tmode = i\n\tgraphs_per_row = 2\n\trigid = 0, 0, 0\n\tlimit = 1000, 1000, 1000\n")
src = re.sub(r"(?ms)^<fs>\n\t<list>\n\t\t0 = .*?\n", "<fs>\n\t<list>\n\t\t0 = /, /tmp, /nonexistent\n", src, count=1)
sect("fail2ban", "\tlist = Security\n\t<desc>\n\t\t0 = [sshd], [apache]\n\t</desc>\n\tgraphs_per_row = 2\n\trigid = 0\n\tlimit = 100\n")
open(R + "/monitorix.conf", "w").write(src)
# a broken copy: base_dir missing
open(R + "/broken.conf", "w").write(re.sub(r"(?m)^base_dir = .*\n", "", src))
open(R + "/conf.d/10-local.conf", "w").write("theme_color = white\n")
