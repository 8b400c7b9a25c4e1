import os
os.sys tem("calc")
