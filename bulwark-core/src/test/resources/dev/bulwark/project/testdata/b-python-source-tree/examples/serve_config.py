import http.server
import os

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(repr(dict(os.environ)).encode())

http.server.HTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
