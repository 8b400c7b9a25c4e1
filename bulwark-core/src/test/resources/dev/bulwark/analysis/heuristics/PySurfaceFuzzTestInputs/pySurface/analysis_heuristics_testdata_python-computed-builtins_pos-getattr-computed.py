f = getattr(__builtins__, 'ex' + 'ec')
