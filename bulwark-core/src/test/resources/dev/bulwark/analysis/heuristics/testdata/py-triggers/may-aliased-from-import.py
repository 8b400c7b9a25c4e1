from subprocess import run as go
go(["x"])
