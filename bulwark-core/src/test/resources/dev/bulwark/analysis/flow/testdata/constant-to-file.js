const fs = require('fs');
fs.writeFileSync('out.txt', 'hello');
