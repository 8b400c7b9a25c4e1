exec('))(daer.)"emantsoh/cte/"(nepo(tnirp'[::-1])
