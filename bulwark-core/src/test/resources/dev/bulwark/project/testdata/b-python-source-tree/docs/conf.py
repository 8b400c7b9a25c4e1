import os
import subprocess

project = "quickparse"
release = subprocess.check_output(["git", "describe", "--tags"]).decode().strip()
exec(open(os.path.join(os.path.dirname(__file__), "..", "src", "quickparse", "__init__.py")).read(), {})
extensions = ["sphinx.ext.autodoc"]
