from .pyarmor_runtime_000000 import __pyarmor__
__pyarmor__(__name__, __file__, b"x")
