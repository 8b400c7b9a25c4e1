"""Runs os.system('x') and subprocess.Popen in its docs only; eval(x) too."""
import os  # requests.get(url) in a comment
HELP = "call socket.socket() or urlopen(u) yourself"
name = os.path.join("a", 'exec(b)')
