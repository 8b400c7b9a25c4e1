x = 10
y = 0x1f
z = 1e5
