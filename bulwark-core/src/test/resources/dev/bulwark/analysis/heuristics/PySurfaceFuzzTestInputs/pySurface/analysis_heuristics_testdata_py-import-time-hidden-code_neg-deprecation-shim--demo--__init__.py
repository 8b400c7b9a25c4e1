_shim = "def old_name(*a):\n    return new_name(*a)\n"
exec(_shim)
