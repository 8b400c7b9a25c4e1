# -*- coding: utf-8 -*-
print "hello", 'world'
exec "x = 1"
x = `y`
u = ur'legacy prefix'
try:
    pass
except Exception, e:
    print >>sys.stderr, "error: %s" % e
def f((a, b)):
    return 0777L
