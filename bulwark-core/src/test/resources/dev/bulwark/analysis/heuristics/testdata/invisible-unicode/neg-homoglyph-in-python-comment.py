import os
# сontainer of the values
x = 1  # сallback
