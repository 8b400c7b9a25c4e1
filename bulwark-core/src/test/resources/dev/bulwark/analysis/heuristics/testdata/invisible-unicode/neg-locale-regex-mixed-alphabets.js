const matchDayPatterns = {
  any: [/^ж[ек]/i, /^сe[й]/i, /^б[ей]/i],
};
