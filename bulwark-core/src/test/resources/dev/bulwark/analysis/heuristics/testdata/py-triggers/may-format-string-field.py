import os
print(f"{os.system('id')}")
