// a Hangul filler used as a name next to a minus sign is still hidden
const a = 1 -ㅤ;
