with open("build/out.txt", "w") as f:
    f.write(DATA)
