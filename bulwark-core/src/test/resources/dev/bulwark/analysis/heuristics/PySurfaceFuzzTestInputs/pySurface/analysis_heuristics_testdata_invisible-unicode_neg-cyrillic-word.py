greeting = "привет"
имя = 1
