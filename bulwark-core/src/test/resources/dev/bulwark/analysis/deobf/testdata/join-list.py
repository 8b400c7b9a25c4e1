f = ''.join(['ev', 'al'])
