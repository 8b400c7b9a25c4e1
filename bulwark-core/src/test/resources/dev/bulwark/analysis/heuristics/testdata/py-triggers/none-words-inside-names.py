my_system_info = evaluate(systems)
executor = compiled(platform_system, opened)
subprocesses = 2
