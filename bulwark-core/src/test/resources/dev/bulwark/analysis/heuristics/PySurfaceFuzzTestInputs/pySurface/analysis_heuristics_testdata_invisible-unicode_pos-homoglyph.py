def vаlidate(x):
    return x
