x = 1


def eval(data):
    return data
