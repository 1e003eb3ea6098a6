#!/usr/bin/env python3
"""A tiny fake BOINC project on 127.0.0.1 (master page, scheduler, download and upload handler)
with randomised misbehaviour, for driving the BOINC client.

usage: fakeproject.py PORT NAME [flaky]
"""
import hashlib
import http.server
import random
import re
import socketserver
import sys
import time

PORT = int(sys.argv[1])
NAME = sys.argv[2]
FLAKY = len(sys.argv) > 3
BASE = "http://127.0.0.1:%d/" % PORT

APP = b"""#!/bin/sh
# fake science app: sleep, write output through the soft link, finish
sleep $(( $(od -An -N1 -tu1 /dev/urandom) % 6 + 2 ))
f=$(sed -n 's:.*<soft_link>\\(.*\\)</soft_link>.*:\\1:p' out 2>/dev/null)
r=$(od -An -N1 -tu1 /dev/urandom)
if [ $((r % 7)) -eq 0 ]; then echo "crash" >&2; exit 3; fi
if [ -n "$f" ] && [ $((r % 5)) -ne 0 ]; then echo "result $r" > "$f"; fi
echo 0 > boinc_finish_called
exit 0
"""
APP_MD5 = hashlib.md5(APP).hexdigest()
SEQ = [0]


def app_xml():
    md5 = APP_MD5
    if random.random() < 0.1:
        md5 = "0" * 32  # wrong checksum
    url = BASE + "download/app_%s.sh" % NAME
    if random.random() < 0.08:
        url = BASE + "download/missing_%d.sh" % random.randint(1, 99)
    return """<app>
    <name>fakeapp</name>
    <user_friendly_name>Fake App</user_friendly_name>
</app>
<file_info>
    <name>app_%s_v1.sh</name>
    <url>%s</url>
    <executable/>
    <nbytes>%d</nbytes>
    <md5_cksum>%s</md5_cksum>
</file_info>
<app_version>
    <app_name>fakeapp</app_name>
    <version_num>100</version_num>
    <platform>x86_64-pc-linux-gnu</platform>
    <avg_ncpus>1</avg_ncpus>
    <flops>1000000000</flops>
    <file_ref>
        <file_name>app_%s_v1.sh</file_name>
        <main_program/>
    </file_ref>
</app_version>
""" % (NAME, url, len(APP), md5, NAME)


def job_xml():
    SEQ[0] += 1
    n = "%s_wu_%d_%d" % (NAME, int(time.time()) % 100000, SEQ[0])
    fpops = random.choice([1e9, 5e9, 2e10])
    return """<workunit>
    <name>%s</name>
    <app_name>fakeapp</app_name>
    <version_num>100</version_num>
    <rsc_fpops_est>%g</rsc_fpops_est>
    <rsc_fpops_bound>%g</rsc_fpops_bound>
    <rsc_memory_bound>100000000</rsc_memory_bound>
    <rsc_disk_bound>100000000</rsc_disk_bound>
</workunit>
<file_info>
    <name>%s_0_out</name>
    <generated_locally/>
    <upload_when_present/>
    <max_nbytes>100000</max_nbytes>
    <url>%supload</url>
</file_info>
<result>
    <name>%s_0</name>
    <wu_name>%s</wu_name>
    <platform>x86_64-pc-linux-gnu</platform>
    <version_num>100</version_num>
    <report_deadline>%d</report_deadline>
    <file_ref>
        <file_name>%s_0_out</file_name>
        <open_name>out</open_name>
    </file_ref>
</result>
""" % (n, fpops, fpops * 1000, n, BASE, n, n, int(time.time()) + random.choice([3600, 86400, 20]), n)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *a):
        pass

    def send(self, code, body, ctype="text/xml"):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if FLAKY and random.random() < 0.2:
            self.send(503, "busy", "text/plain")
            return
        if self.path in ("/", "/index.php"):
            if random.random() < 0.05:
                self.send(200, "<html><body>no scheduler here</body></html>", "text/html")
                return
            self.send(200, """<html><head><title>%s</title>
<link rel="boinc_scheduler" href="%scgi-bin/cgi">
</head><body><!-- <scheduler>%scgi-bin/cgi</scheduler> --> %s test project</body></html>""" % (NAME, BASE, BASE, NAME), "text/html")
        elif self.path.startswith("/download/app_"):
            if random.random() < 0.1:
                self.send(404, "gone", "text/plain")
            else:
                self.send(200, APP, "application/octet-stream")
        elif self.path.startswith("/get_project_config.php"):
            self.send(200, "<project_config><name>%s</name><master_url>%s</master_url><min_passwd_length>6</min_passwd_length><account_manager/></project_config>" % (NAME, BASE))
        elif self.path.startswith("/lookup_account.php"):
            if random.random() < 0.5:
                self.send(200, "<account_out><authenticator>auth_%s_%d</authenticator></account_out>" % (NAME, random.randint(1, 999)))
            else:
                self.send(200, "<error><error_num>-136</error_num><error_msg>No such account</error_msg></error>")
        elif self.path.startswith("/create_account.php"):
            if random.random() < 0.5:
                self.send(200, "<account_out><authenticator>new_%s_%d</authenticator></account_out>" % (NAME, random.randint(1, 999)))
            else:
                self.send(200, "<error><error_num>-137</error_num><error_msg>email address already in use</error_msg></error>")
        else:
            self.send(404, "not found", "text/plain")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(length) if length else b""
        text = body.decode("latin-1")
        if FLAKY and random.random() < 0.2:
            self.send(500, "internal error", "text/plain")
            return
        if self.path.startswith("/cgi-bin/cgi"):
            self.scheduler(text)
        elif self.path.startswith("/upload"):
            self.upload(text)
        elif self.path.startswith("/rpc.php"):
            self.acct_mgr(text)
        else:
            self.send(404, "not found", "text/plain")

    def acct_mgr(self, text):
        r = random.random()
        if r < 0.4:
            self.send(200, "<acct_mgr_reply><name>FakeAM</name><error_num>-206</error_num><error_msg>bad password</error_msg></acct_mgr_reply>")
        elif r < 0.6:
            self.send(200, "garbage<<>>")
        else:
            self.send(200, "<acct_mgr_reply><name>FakeAM</name><signing_key>x</signing_key><repeat_sec>60</repeat_sec><message>welcome to the fake account manager</message></acct_mgr_reply>")

    def upload(self, text):
        r = random.random()
        if "<get_file_size>" in text:
            if r < 0.1:
                self.send(200, "<data_server_reply><status>-1</status><message>temporarily unavailable</message></data_server_reply>")
            else:
                self.send(200, "<data_server_reply><status>0</status><file_size>0</file_size></data_server_reply>")
        else:
            if r < 0.1:
                self.send(200, "<data_server_reply><status>-1</status><message>disk full</message></data_server_reply>")
            elif r < 0.15:
                self.send(200, "<data_server_reply><status>-161</status><message>file size too big</message></data_server_reply>")
            else:
                self.send(200, "<data_server_reply><status>0</status></data_server_reply>")

    def scheduler(self, text):
        r = random.random()
        if r < 0.05:
            self.send(200, "this is not xml at all")
            return
        if r < 0.08:
            self.send(200, "<scheduler_reply>\n<request_delay>10</request_delay>\n")  # truncated
            return
        parts = ["<scheduler_reply>", "<scheduler_version>719</scheduler_version>",
                 "<project_name>%s</project_name>" % NAME,
                 "<master_url>%s</master_url>" % BASE,
                 "<user_name>tester</user_name>", "<team_name>local</team_name>",
                 "<hostid>%d</hostid>" % random.randint(10, 99),
                 "<user_total_credit>%d</user_total_credit>" % random.randint(0, 999),
                 "<request_delay>%d</request_delay>" % random.choice([0, 3, 10, 30])]
        auth = re.search(r"<authenticator>(.*?)</authenticator>", text)
        if auth and auth.group(1).startswith("bad"):
            parts.append('<message priority="high">Invalid or missing account key.  To fix, remove and add this project.</message>')
            parts.append("<error_num>-136</error_num>")
            parts.append("</scheduler_reply>")
            self.send(200, "\n".join(parts))
            return
        kind = random.random()
        if kind < 0.1:
            parts.append('<message priority="low">Project is down for maintenance</message>')
            parts.append("<project_is_down/>")
        elif kind < 0.18:
            parts.append('<message priority="notice">News: this is a notice from %s</message>' % NAME)
        elif kind < 0.25:
            parts.append("<request_delay>60</request_delay>")
            parts.append('<message priority="low">No work sent</message>')
        for res in re.findall(r"<result>\s*<name>(.*?)</name>", text):
            parts.append("<result_ack><name>%s</name></result_ack>" % res)
        if "<work_req_seconds>" in text or "<cpu_req_secs>" in text or True:
            m = re.search(r"<cpu_req_secs>([0-9.e+]+)</cpu_req_secs>", text)
            want = float(m.group(1)) if m else 0.0
            if want > 0 and kind >= 0.1 and random.random() < 0.85:
                if "<platform_name>anonymous" not in text or random.random() < 0.1:
                    parts.append(app_xml())  # unsigned app: the client refuses it
                for _ in range(random.randint(1, 3)):
                    parts.append(job_xml())
            elif want > 0:
                parts.append('<message priority="low">No tasks are available for Fake App</message>')
        if random.random() < 0.05:
            parts.append("<global_preferences><mod_time>%d</mod_time><run_if_user_active>1</run_if_user_active><cpu_usage_limit>100</cpu_usage_limit><suspend_cpu_usage>0</suspend_cpu_usage><max_ncpus_pct>%d</max_ncpus_pct></global_preferences>" % (int(time.time()), random.choice([50, 100])))
        if random.random() < 0.04:
            parts.append("<result_abort><name>%s_wu_unknown_0</name></result_abort>" % NAME)
        if random.random() < 0.05:
            parts.append("<unknown_tag_for_test>1</unknown_tag_for_test>")
        parts.append("</scheduler_reply>")
        self.send(200, "\n".join(parts))


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", PORT), Handler).serve_forever()
