// a tokenizer's table of identifier ranges, built into a RegExp; some blocks hold invisible letters
const nonASCII = "ªµㄱ-ㆎㅤ-ㆎ가-힣ｦ-ﾟﾠ-ﾾ -‪";
const re = new RegExp("[" + nonASCII + "]");
const cls = /[ᄀ-ᅟᅠ-ᇿ]/;
