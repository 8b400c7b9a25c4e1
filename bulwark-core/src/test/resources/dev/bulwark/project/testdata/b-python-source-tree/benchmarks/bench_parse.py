import timeit
import urllib.request

DATA = urllib.request.urlopen("https://example.invalid/big.conf").read().decode()
print(timeit.timeit("parse(DATA)", globals={"DATA": DATA, "parse": __import__("quickparse").parse}, number=100))
