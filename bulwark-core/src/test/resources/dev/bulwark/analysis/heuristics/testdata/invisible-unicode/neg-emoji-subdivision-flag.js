const england = "🏴󠁧󠁢󠁥󠁮󠁧󠁿";
const re = /(?:🏴󠁧󠁢󠁥󠁮󠁧󠁿)/u;
