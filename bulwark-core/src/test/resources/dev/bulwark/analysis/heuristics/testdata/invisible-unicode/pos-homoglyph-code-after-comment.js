// the сontainer comment is fine
const сontainer = require('os');
