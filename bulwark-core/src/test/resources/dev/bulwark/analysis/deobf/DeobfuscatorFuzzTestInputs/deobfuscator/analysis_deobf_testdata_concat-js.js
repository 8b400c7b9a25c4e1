var m = 'chi' + 'ld_' + "pro" + 'cess';
require(m);
