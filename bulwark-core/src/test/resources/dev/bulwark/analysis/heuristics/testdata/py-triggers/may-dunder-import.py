getattr(__import__("o" + "s"), NAME)(CMD)
