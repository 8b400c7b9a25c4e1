x = 1
y = "crlf string"
# crlf comment
z = """crlf
triple"""
