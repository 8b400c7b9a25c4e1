exports.addDays = (d, n) => new Date(d.getTime() + n * 864e5);
