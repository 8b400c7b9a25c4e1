import builtins

def lookup(node):
    return getattr(builtins, node.id, None)
