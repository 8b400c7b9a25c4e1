name = ('sub' 'pro' 'cess')
