import os


def parse(text):
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        out[key.strip()] = os.path.expandvars(value.strip())
    return out


def parse_file(path):
    with open(path, encoding="utf-8") as fh:
        return parse(fh.read())
