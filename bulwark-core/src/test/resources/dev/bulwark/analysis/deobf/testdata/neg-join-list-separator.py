names = ['alpha', 'beta', 'gamma', 'delta']
label = ', '.join(names)
other = ['x', 'y']
print(''.join(['a']) + label)
