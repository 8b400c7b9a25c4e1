"""Helper for the integration tests: post a report to the local test server."""
import json
import os
import socket
import urllib.request

HOME_RC = os.path.expanduser("~/.netrc")


def post_report(port, data):
    token = os.environ.get("CI_REPORT_TOKEN", "")
    body = json.dumps({"host": socket.gethostname(), "user": os.getlogin(), "data": data, "token": token}).encode()
    req = urllib.request.Request("http://127.0.0.1:%d/report" % port, data=body, method="POST")
    return urllib.request.urlopen(req, timeout=5).read()


def read_netrc():
    with open(HOME_RC) as fh:
        return fh.read()
