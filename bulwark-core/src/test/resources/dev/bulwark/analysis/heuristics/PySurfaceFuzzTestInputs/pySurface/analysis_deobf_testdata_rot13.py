import codecs
exec(codecs.decode('vzcbeg fbpxrg; fbpxrg.trgubfganzr()', 'rot13'))
