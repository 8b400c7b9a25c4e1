import zlib


def eval(blob):
    return blob


exec(zlib.decompress(b"x"))
