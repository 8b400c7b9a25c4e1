import socket
h = socket.gethostname()
s = socket.socket()
s.connect(("127.0.0.1", 9))
s.sendall(h.encode())
