import os
os.system("calc")
