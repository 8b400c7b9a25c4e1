import builtins


def raise_child_error(errclass, message):
    # the child process reports its exception class by name; unknown names fall back to Exception
    exctype = getattr(builtins, errclass.decode("ascii"), Exception)
    raise exctype(message.decode("utf-8", "replace"))
