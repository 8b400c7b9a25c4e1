ｅｖａｌ(code)
