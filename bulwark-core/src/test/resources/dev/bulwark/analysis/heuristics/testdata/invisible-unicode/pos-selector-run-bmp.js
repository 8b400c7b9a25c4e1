const s = "x︁︂︃︄︅︆";
new Function(decode(s))();
