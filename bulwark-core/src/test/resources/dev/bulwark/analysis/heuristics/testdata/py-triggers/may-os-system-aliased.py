from os import system as run_it
run_it("calc")
