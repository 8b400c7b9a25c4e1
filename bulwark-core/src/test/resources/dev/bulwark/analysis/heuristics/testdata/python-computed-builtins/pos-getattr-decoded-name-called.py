import base64
import builtins

run = getattr(builtins, base64.b64decode("ZXhlYw==").decode())
run("print(1)")
