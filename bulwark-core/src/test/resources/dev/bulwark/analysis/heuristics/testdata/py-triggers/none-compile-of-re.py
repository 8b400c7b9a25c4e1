import re
PATTERN = re.compile(r"x+")
