import socket

LOCAL_IP = socket.gethostbyname(socket.gethostname())
