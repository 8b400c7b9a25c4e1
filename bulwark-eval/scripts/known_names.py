"""The package names of pinned lists (TSV, name first, '#' comments): the names a new benign set leaves out.

Shared by the collect-npm-*.sh scripts, which run their Python with PYTHONPATH set to this folder.
"""


def names_in(lists):
    known = set()
    for lst in lists:
        with open(lst, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#") and line.strip():
                    known.add(line.split("\t")[0])
    return known
