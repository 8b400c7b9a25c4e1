const αs = 1;
