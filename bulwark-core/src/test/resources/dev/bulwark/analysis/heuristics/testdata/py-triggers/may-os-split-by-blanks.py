o s.system("calc")
