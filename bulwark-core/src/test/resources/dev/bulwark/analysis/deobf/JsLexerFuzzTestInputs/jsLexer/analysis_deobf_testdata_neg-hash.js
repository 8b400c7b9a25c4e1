const integrity = 'sha512-3Xb0NE2cXfgRCm+ZFqHHzW8mHc3aAyLYf8UCXhs0LDWtd8h7b+NRwV0ycbrDuK9kUq0O5ebDu9nQG+0hbR8Lvw==';
const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
