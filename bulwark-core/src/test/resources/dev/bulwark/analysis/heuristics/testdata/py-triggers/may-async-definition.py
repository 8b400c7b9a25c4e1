async def eval(x):
    return x
