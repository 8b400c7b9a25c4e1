"""Adds numbers.

The sum of two numbers, nothing more.
"""


def add(a, b):
    return a + b


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
