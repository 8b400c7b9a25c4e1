import shutil
shutil.copy(SRC, "C:/USERS/x/Start Menu")
