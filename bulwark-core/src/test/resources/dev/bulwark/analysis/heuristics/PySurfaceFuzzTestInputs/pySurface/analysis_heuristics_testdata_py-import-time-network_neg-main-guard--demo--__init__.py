import socket

if __name__ == "__main__":
    socket.create_connection(("example.invalid", 80))
